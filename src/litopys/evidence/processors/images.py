"""Photographs: camera, time and place from EXIF, and a perceptual hash to find near-duplicates."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import imagehash
from PIL import ExifTags, Image, TiffImagePlugin, UnidentifiedImageError

from litopys.evidence import limits
from litopys.evidence.processors.base import Processor, Subject

#: What Pillow raises on damaged files, besides its own errors: a step turns them into one clear ValueError.
BROKEN = (OSError, SyntaxError, ValueError, TypeError, struct.error, EOFError, IndexError, KeyError, ZeroDivisionError)

_IFD = ExifTags.IFD
_TAG = ExifTags.Base
_GPS = ExifTags.GPS


class ImageProcessor(Processor):
    """Common ground of the image steps: raster images only, opened from their file with a size limit."""

    media_types = ("image/",)
    #: Largest image (width x height) decoded; None: `LITOPYS_MAX_IMAGE_PIXELS`. A small file can claim gigapixels.
    max_pixels: int | None = None

    def applies_to(self, subject: Subject) -> bool:
        return super().applies_to(subject) and not subject.media_type.startswith("image/svg")

    @contextmanager
    def open_image(self, subject: Subject) -> Iterator[Image.Image]:
        """Open the image lazily from its file (nothing decoded yet), refusing one of too many pixels."""
        limit = self.max_pixels or limits.current().max_image_pixels
        with subject.open() as handle:
            try:
                image = Image.open(handle)
            except Image.DecompressionBombError as exc:
                raise limits.Refused(f"refused as a possible decompression bomb: {exc}") from exc
            except UnidentifiedImageError as exc:
                hint = "; HEIC needs the pillow-heif package" if "hei" in subject.media_type else ""
                raise ValueError(f"not an image Pillow can read ({subject.media_type}){hint}") from exc
            except BROKEN as exc:
                raise ValueError(f"truncated or corrupt image: {type(exc).__name__}: {exc}") from exc
            with image:
                width, height = image.size
                if width * height > limit:
                    raise limits.Refused(
                        f"refused as a possible decompression bomb: {width}x{height} pixels is over the limit "
                        f"of {limit} (LITOPYS_MAX_IMAGE_PIXELS)")
                yield image


class ImageMetadata(ImageProcessor):
    """Record size, camera, capture time and orientation; GPS position too, marked sensitive."""

    name = "image-metadata"

    def process(self, subject: Subject) -> None:
        with self.open_image(subject) as image:
            meta = subject.metadata
            meta["width"], meta["height"] = image.size
            meta["image_format"] = image.format
            try:
                self._read(image, subject)
            except BROKEN as exc:  # the header (above) is kept; what follows it is damaged
                raise ValueError(f"truncated or corrupt image data or EXIF: {type(exc).__name__}: {exc}") from exc

    def _read(self, image: Image.Image, subject: Subject) -> None:
        meta = subject.metadata
        exif = image.getexif()  # a PNG's EXIF can follow the pixels: reading it may read them all
        details = exif.get_ifd(_IFD.Exif)
        found = {
            "camera_make": exif.get(_TAG.Make),
            "camera_model": exif.get(_TAG.Model),
            "orientation": exif.get(_TAG.Orientation),
            "taken_at": _exif_time(details.get(_TAG.DateTimeOriginal), details.get(_TAG.OffsetTimeOriginal)),
            "camera_serial": details.get(_TAG.BodySerialNumber),
            "camera_owner": details.get(_TAG.CameraOwnerName) or exif.get(_TAG.Artist),
        }
        plain = {key: _plain(value) for key, value in found.items()}
        meta.update({key: value for key, value in plain.items() if value not in (None, "")})
        # A serial number or an owner's name can identify the person who took the picture.
        subject.sensitive.update(key for key in ("camera_serial", "camera_owner") if key in meta)
        gps_ifd = exif.get_ifd(_IFD.GPSInfo)
        gps = _position(gps_ifd)
        if gps:
            meta["gps"] = gps
            subject.sensitive.add("gps")  # a location can lead to a witness
        elif _GPS.GPSLatitude in gps_ifd or _GPS.GPSLongitude in gps_ifd:
            meta["gps_note"] = "the GPS position in EXIF is incomplete, damaged or out of range; not recorded"


class PerceptualHash(ImageProcessor):
    """Set `subject.phash` to `phash:<16 hex digits>` (imagehash's DCT hash of the first frame)."""

    name = "perceptual-hash"

    def process(self, subject: Subject) -> None:
        with self.open_image(subject) as image:
            try:
                image.load()
                subject.phash = f"phash:{imagehash.phash(image)}"
            except BROKEN as exc:
                raise ValueError(f"truncated or corrupt image: {exc}") from exc


def _plain(value: object) -> object:
    """Turn an EXIF value into something JSON can hold."""
    if isinstance(value, TiffImagePlugin.IFDRational):
        return float(value) if value.denominator else None
    if isinstance(value, bytes):
        value = value.rstrip(b"\x00")
        try:
            return value.decode("utf-8").strip()
        except UnicodeDecodeError:
            return value.hex()
    if isinstance(value, str):
        return value.strip("\x00 ")
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _exif_time(stamp: object, offset: object) -> str | None:
    """Turn EXIF's `YYYY:MM:DD HH:MM:SS` (+ offset) into ISO 8601; keep it as written when it is not that."""
    stamp = _plain(stamp)
    if not isinstance(stamp, str) or not stamp:
        return None
    try:
        moment = datetime.strptime(stamp, "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return stamp
    offset = _plain(offset)
    return moment.isoformat() + (offset if isinstance(offset, str) and len(offset) == 6 else "")


def _position(gps: dict) -> dict | None:
    latitude = _degrees(gps.get(_GPS.GPSLatitude), gps.get(_GPS.GPSLatitudeRef), "S")
    longitude = _degrees(gps.get(_GPS.GPSLongitude), gps.get(_GPS.GPSLongitudeRef), "W")
    if latitude is None or longitude is None or abs(latitude) > 90 or abs(longitude) > 180:
        return None  # absent, or too damaged to point anywhere
    position = {"latitude": latitude, "longitude": longitude, "altitude": None}
    altitude = _plain(gps.get(_GPS.GPSAltitude))
    if isinstance(altitude, float):
        below_sea = gps.get(_GPS.GPSAltitudeRef) in (1, b"\x01")
        position["altitude"] = round(-altitude if below_sea else altitude, 2)
    return position


def _degrees(dms: object, ref: object, negative: str) -> float | None:
    """Convert EXIF degrees, minutes, seconds and a hemisphere letter to signed decimal degrees."""
    parts = _plain(dms)
    if not isinstance(parts, list) or len(parts) != 3 or not all(isinstance(part, int | float) for part in parts):
        return None
    degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    return round(-degrees if _plain(ref) == negative else degrees, 7)
