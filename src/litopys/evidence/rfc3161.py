"""RFC 3161 trusted timestamps over a checkpoint's statement: ask a time-stamping authority, check its token.

A request carries the statement's SHA-256 (the message imprint), a random nonce and certReq, so the answer
brings the TSA's certificate. A token is checked with `rfc3161-client` (Trail of Bits, OpenSSL underneath):
the TSA's signature over the TSTInfo with the certificate named by the signer, that certificate's critical
timeStamping key usage, and its chain, valid at the token's time, to the trusted CA certificates
(LITOPYS_TSA_CA_FILE, or the system's). The message imprint and the nonce are compared here first, so that
a token made for something else is named as such. No Django here: callers pass settings in.
"""

from __future__ import annotations

import base64
import hashlib
import re
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from rfc3161_client import (
    HashAlgorithm,
    PKIStatus,
    TimestampRequestBuilder,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)

KIND = "rfc3161"
SHA256 = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.1")
#: An answer larger than this is not a time-stamp (a token with its certificate chain is a few kilobytes).
MAX_ANSWER = 1024 * 1024


class TimestampError(Exception):
    """A TSA could not be asked, or its answer is not a token for what was asked; the message says why."""


class TokenInvalid(TimestampError):
    """A token does not prove what it is kept for: changed, made for another digest, or not from a trusted TSA."""


@dataclass(frozen=True)
class Stamp:
    """One RFC 3161 token over a statement, as kept with its checkpoint."""

    tsa_url: str
    token: str  # the DER TimeStampResp, base64
    nonce: str  # decimal: the nonce may not fit a JSON number reader elsewhere
    tsa_time: str  # the TSA's genTime, YYYY-MM-DDTHH:MM:SSZ
    tsa: str  # the TSA certificate's subject

    def as_proof(self) -> dict:
        return {"kind": KIND, "tsa_url": self.tsa_url, "token": self.token, "nonce": self.nonce,
                "tsa_time": self.tsa_time, "tsa": self.tsa}


@dataclass(frozen=True)
class Checked:
    tsa_time: datetime
    tsa: str


def trust_roots(ca_file: str | Path | None) -> list[x509.Certificate]:
    """Return the CA certificates tokens must chain to: those in ca_file (PEM or DER), else the system's."""
    where = Path(ca_file) if ca_file else Path(ssl.get_default_verify_paths().cafile or "")
    try:
        data = where.read_bytes()
    except OSError as exc:
        setting = "LITOPYS_TSA_CA_FILE" if ca_file else "the system's CA certificates"
        raise TimestampError(f"{where} ({setting}) cannot be read ({exc.strerror}); point LITOPYS_TSA_CA_FILE "
                             "at the TSA's CA certificate (PEM)") from None
    try:
        roots = x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data else [
            x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise TimestampError(f"{where} holds no readable certificate ({exc}); point LITOPYS_TSA_CA_FILE at the "
                             "TSA's CA certificate (PEM)") from None
    return roots


def stamp(url: str, statement: bytes, roots: list[x509.Certificate], timeout: float) -> Stamp:
    """Ask the TSA at url to stamp the statement's SHA-256; return its token once it checks out."""
    request = TimestampRequestBuilder().data(statement).hash_algorithm(HashAlgorithm.SHA256).build()
    answer = post(url, request.as_bytes(), timeout)
    try:
        response = decode_timestamp_response(answer)
    except ValueError:
        raise TimestampError(f"{url} answered with something that is not an RFC 3161 time-stamp response; "
                             "check LITOPYS_TSA_URL") from None
    if response.status != PKIStatus.GRANTED:
        said = "; ".join(response.status_string) or f"status {response.status}"
        raise TimestampError(f"{url} refused to stamp ({said})")
    token = base64.b64encode(answer).decode("ascii")
    try:
        checked = check(token, "sha256:" + hashlib.sha256(statement).hexdigest(), str(request.nonce), roots)
    except TokenInvalid as exc:
        raise TimestampError(f"{url} answered with a token that does not check out: {exc}") from None
    return Stamp(url, token, str(request.nonce), checked.tsa_time.strftime("%Y-%m-%dT%H:%M:%SZ"), checked.tsa)


def post(url: str, body: bytes, timeout: float) -> bytes:
    """Send a TimeStampReq; return the answer's bytes."""
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/timestamp-query",
                                              "Accept": "application/timestamp-reply"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310 - http(s) only, checked in conf
            answer = reply.read(MAX_ANSWER + 1)
    except urllib.error.HTTPError as exc:
        raise TimestampError(f"{url} answered HTTP {exc.code} ({exc.reason})") from None
    except urllib.error.URLError as exc:
        reason = getattr(exc.reason, "strerror", None) or exc.reason
        raise TimestampError(f"{url} cannot be reached ({reason})") from None
    except (TimeoutError, OSError) as exc:
        raise TimestampError(f"{url} cannot be reached ({exc.strerror or exc or 'timed out'})") from None
    if len(answer) > MAX_ANSWER:
        raise TimestampError(f"{url} answered with more than {MAX_ANSWER} bytes: that is not a time-stamp")
    return answer


def check(token: str, digest: str, nonce: str, roots: list[x509.Certificate]) -> Checked:
    """Check a kept token against the digest (sha256:<hex>) it should stamp and the nonce sent with it."""
    try:
        response = decode_timestamp_response(base64.b64decode(token, validate=True))
        info = response.tst_info
        imprint = info.message_imprint
        algorithm, stamped, sent = imprint.hash_algorithm, imprint.message, int(nonce)
        tsa_time = info.gen_time
    except (ValueError, TypeError):
        raise TokenInvalid("the token cannot be read as an RFC 3161 time-stamp: it was changed") from None
    if response.status != PKIStatus.GRANTED:
        raise TokenInvalid(f"the token is a refusal (status {response.status}), not a time-stamp")
    expected = bytes.fromhex(digest.removeprefix("sha256:"))
    if algorithm != SHA256 or stamped != expected:
        shown = stamped.hex() if algorithm == SHA256 else f"a {algorithm.dotted_string} digest"
        raise TokenInvalid(f"the token stamps another digest ({shown}) than the statement's ({expected.hex()})")
    if info.nonce != sent:
        raise TokenInvalid(f"the token's nonce ({info.nonce}) is not the one sent with the request ({sent})")
    try:
        VerifierBuilder(roots=list(roots), nonce=sent).build().verify(response, expected)
    except VerificationError as exc:
        raise TokenInvalid(f"the TSA's signature or certificate does not verify ({_reason(exc)}): the token was "
                           "changed, or it is not from a TSA the trusted CA certificates vouch for") from None
    return Checked(tsa_time.astimezone(UTC), _signer_name(response))


def _reason(exc: Exception) -> str:
    """Say in a few words why OpenSSL or rfc3161-client refused a token."""
    text = str(exc)
    found = re.findall(r'Verify error: ([^"]+)"', text) or re.findall(r'reason: "([^"]+)"', text)
    return found[-1] if found else text.split(":")[0]


def _signer_name(response) -> str:
    """Return the subject of the certificate that signed the token (or the TSA name it gives)."""
    signers = response.signed_data.signer_infos
    signer = next(iter(signers), None)
    for der in response.signed_data.certificates:
        certificate = x509.load_der_x509_certificate(der)
        if signer is not None and certificate.issuer == signer.issuer and \
                certificate.serial_number == signer.serial_number:
            return certificate.subject.rfc4514_string()
    name = response.tst_info.name
    return name.value.rfc4514_string() if isinstance(name, x509.DirectoryName) else str(getattr(name, "value", ""))
