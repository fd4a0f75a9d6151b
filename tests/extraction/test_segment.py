from litopys.extraction.segment import paragraphs, sentences


def split(text):
    return [[s.text for s in sentences(p)] for p in paragraphs(text)]


def test_blank_lines_and_headings_separate_paragraphs():
    text = "Headline here\n\nFirst sentence. Second one.\nCaption line\nCaption line"
    assert split(text) == [["Headline here"], ["First sentence.", "Second one."], ["Caption line"], ["Caption line"]]
    assert [p.heading for p in paragraphs(text)] == [True, False, True, True]


def test_wrapped_lines_are_joined():
    text = "Investigators found the bodies of\nmany people in the forest.\n"
    assert split(text) == [["Investigators found the bodies of\nmany people in the forest."]]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert split("Mr. Klymenko spoke. I. Klymenko said so.") == [["Mr. Klymenko spoke.", "I. Klymenko said so."]]
    text = "Тіла знайшли в м. Ізюм. Це повідомив слідчий."
    assert split(text) == [["Тіла знайшли в м. Ізюм.", "Це повідомив слідчий."]]


def test_offsets_index_the_original_text():
    text = "\ufeffOne. Two.\r\n\r\nThree!"
    for paragraph in paragraphs(text):
        for sentence in sentences(paragraph):
            assert text[sentence.start : sentence.end] == sentence.text
