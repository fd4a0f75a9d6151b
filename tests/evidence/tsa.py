"""A small RFC 3161 time-stamping authority the tests serve on 127.0.0.1, with a test CA (SYNTHETIC keys).

The CA and the TSA certificate (extended key usage timeStamping, critical) are made here with
`cryptography`; requests are read and tokens written with `asn1crypto`, independently of the code under
test. `mode` makes it misbehave: "ok", "other-digest" (stamps another digest), "other-nonce", "rejection"
(a PKIStatus of 2, rejected) and "garbage" (an answer that is not a TimeStampResp).
"""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import algos, cms, core, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

POLICY = "1.3.6.1.4.1.55555.1.1"  # a made-up policy OID for the test TSA


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Synthetic Test Trust"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_authority(common_name: str = "Synthetic Test TSA", *, critical_eku: bool = True):
    """Return (ca_certificate, tsa_certificate, tsa_key): a self-signed CA and the TSA certificate it issued."""
    now = datetime.now(UTC) - timedelta(days=1)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name(f"{common_name} Root CA"))
          .issuer_name(_name(f"{common_name} Root CA")).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now).not_valid_after(now + timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = (x509.CertificateBuilder().subject_name(_name(common_name)).issuer_name(ca.subject)
           .public_key(tsa_key.public_key()).serial_number(x509.random_serial_number())
           .not_valid_before(now).not_valid_after(now + timedelta(days=3650))
           .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
           .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                        data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                        crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
           .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=critical_eku)
           .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
           .sign(ca_key, hashes.SHA256()))
    return ca, tsa, tsa_key


def pem(*certificates) -> bytes:
    return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in certificates)


def token(request: tsp.TimeStampReq, certificate, key, *, imprint: bytes | None = None, nonce=None,
          serial: int = 1) -> bytes:
    """Return a granted TimeStampResp (DER) for the request, signed with key; imprint and nonce may be forged."""
    der_cert = certificate.public_bytes(serialization.Encoding.DER)
    asn1_cert = asn1_x509.Certificate.load(der_cert)
    info = {"version": "v1", "policy": POLICY, "serial_number": serial,
            "message_imprint": tsp.MessageImprint({
                "hash_algorithm": request["message_imprint"]["hash_algorithm"],
                "hashed_message": imprint if imprint is not None else
                request["message_imprint"]["hashed_message"].native}),
            "gen_time": core.GeneralizedTime(datetime.now(UTC).replace(microsecond=0)),
            "tsa": asn1_x509.GeneralName({"directory_name": asn1_cert.subject})}
    asked = request["nonce"].native
    if nonce is not None or asked is not None:
        info["nonce"] = nonce if nonce is not None else asked
    content = tsp.TSTInfo(info).dump()
    attributes = cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": ["tst_info"]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(content).digest()]}),
        cms.CMSAttribute({"type": "signing_certificate_v2", "values": [tsp.SigningCertificateV2({
            "certs": [tsp.ESSCertIDv2({"hash_algorithm": {"algorithm": "sha256"},
                                       "cert_hash": hashlib.sha256(der_cert).digest()})]})]}),
    ])
    signature = key.sign(attributes.dump(), padding.PKCS1v15(), hashes.SHA256())
    signer = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber({
            "issuer": asn1_cert.issuer, "serial_number": asn1_cert.serial_number})}),
        "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
        "signed_attrs": attributes,
        "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"}),
        "signature": signature,
    })
    signed = cms.SignedData({
        "version": "v3",
        "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
        "encap_content_info": {"content_type": "tst_info", "content": cms.ParsableOctetString(content)},
        "certificates": [asn1_cert] if request["cert_req"].native else [],
        "signer_infos": [signer],
    })
    return tsp.TimeStampResp({"status": {"status": "granted"},
                              "time_stamp_token": cms.ContentInfo({"content_type": "signed_data",
                                                                   "content": signed})}).dump()


def refusal(failure: str, text: str) -> bytes:
    """Return a TimeStampResp that refuses (status rejection, no token); asn1crypto insists on a token, so the
    one-field SEQUENCE is written here."""
    body = tsp.PKIStatusInfo({"status": "rejection", "status_string": [text], "fail_info": {failure}}).dump()
    assert len(body) < 128
    return b"\x30" + bytes([len(body)]) + body


class TestTSA:
    """An RFC 3161 server on 127.0.0.1 in a thread; `url` is where to post requests."""

    __test__ = False  # not a test class, though its name begins with Test

    def __init__(self, common_name: str = "Synthetic Test TSA", *, critical_eku: bool = True):
        self.ca, self.certificate, self.key = make_authority(common_name, critical_eku=critical_eku)
        self.mode = "ok"
        self.requests: list[tsp.TimeStampReq] = []
        self.serial = 0
        authority = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802 - the http.server name
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                answer = authority.answer(body, self.headers.get("Content-Type", ""))
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.handler = Handler
        self.port = 0
        self.start()
        self.url = f"http://127.0.0.1:{self.port}/tsr"

    def start(self) -> None:
        """Serve (again, on the same port after `stop`)."""
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), self.handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop serving: connections to the port are refused until `start`."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def answer(self, body: bytes, content_type: str) -> bytes:
        if content_type != "application/timestamp-query":
            return refusal("bad_request", "synthetic: send application/timestamp-query")
        request = tsp.TimeStampReq.load(body)
        self.requests.append(request)
        self.serial += 1
        if self.mode == "garbage":
            return b"<html>not a time-stamp</html>"
        if self.mode == "rejection":
            return refusal("system_failure", "synthetic: the TSA is in maintenance")
        forged = {}
        if self.mode == "other-digest":
            forged["imprint"] = hashlib.sha256(b"another statement").digest()
        if self.mode == "other-nonce":
            forged["nonce"] = (request["nonce"].native or 0) + 1
        return token(request, self.certificate, self.key, serial=self.serial, **forged)

    def ca_file(self, folder) -> str:
        path = folder / "tsa-ca.pem"
        path.write_bytes(pem(self.ca))
        return str(path)

    def close(self) -> None:
        if self.thread.is_alive():
            self.stop()
