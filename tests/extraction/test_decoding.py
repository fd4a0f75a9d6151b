import codecs

from litopys.extraction.decoding import decode


def test_utf8_and_bom():
    assert decode("Ізюм".encode()).text == "Ізюм"
    assert decode(codecs.BOM_UTF8 + "Ізюм".encode()).text == "Ізюм"
    assert decode("Ізюм".encode("utf-16")).text == "Ізюм"


def test_guessed_encoding_is_noted():
    decoded = decode(("Погибли шесть человек в Купянске. " * 20).encode("cp1251"))
    assert "Погибли" in decoded.text and "not UTF-8" in decoded.note


def test_binary_is_recognised():
    decoded = decode(b"\x89PNG\r\n\x1a\n" + bytes(50))
    assert decoded.binary and decoded.text == "" and decoded.note == "PNG image"
    assert decode(b"abc\x00def").binary
