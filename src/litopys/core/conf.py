"""Read Litopys settings from the environment, failing early with a message that says the fix."""

import ipaddress
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from litopys.core.once import create_once

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value; set it to 1 or 0, or unset it.")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip().replace("_", ""))
    except ValueError:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a whole number; set it to e.g. {default}, or unset it."
        ) from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}; unset it for {default}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_networks(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated list of IP networks (CIDR), each checked; a bad one names itself."""
    networks = env_list(name, default)
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {network!r} is not an IP network; write networks like "
                                       f"127.0.0.1/32,10.0.0.0/8,fd00::/8, or unset it.") from None
    return networks


def env_urls(name: str) -> list[str]:
    """Return http(s) URLs given comma- or space-separated; refuse anything else at start."""
    from urllib.parse import urlsplit

    found = [part for part in os.environ.get(name, "").replace(",", " ").split() if part]
    for url in found:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImproperlyConfigured(f"{name}: {url!r} is not an http:// or https:// address; give one or more "
                                       "addresses separated by commas, or unset it.")
    return found


def env_file(name: str) -> Path | None:
    """Return the path of an existing file named by the environment, or None when unset."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    path = Path(raw).expanduser()
    if not path.is_file():
        raise ImproperlyConfigured(f"{name}={raw} is not a file; point it at an existing file, or unset it.")
    return path


def env_key(name: str) -> str:
    """Return a 32-byte key given in base64 (standard or URL-safe), or "" when unset."""
    import base64
    import binascii

    raw = os.environ.get(name, "").strip()
    if not raw:
        return ""
    try:
        secret = base64.urlsafe_b64decode(raw.replace("+", "-").replace("/", "_") + "=" * (-len(raw) % 4))
    except (binascii.Error, ValueError):
        secret = b""
    if len(secret) != 32:
        raise ImproperlyConfigured(
            f"{name} is not a key of 32 bytes in base64; make one with `python -c \"import base64, os; "
            "print(base64.urlsafe_b64encode(os.urandom(32)).decode())\"`, or unset it to use the key file.")
    return raw


def home_dir() -> Path:
    """Return LITOPYS_HOME, creating it; it holds the database, vault, keys and secret key."""
    home = Path(os.environ.get("LITOPYS_HOME", "var")).expanduser().resolve()
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ImproperlyConfigured(
            f"LITOPYS_HOME={home} cannot be created ({exc.strerror}); point LITOPYS_HOME at a writable folder."
        ) from None
    if not os.access(home, os.W_OK):
        raise ImproperlyConfigured(
            f"LITOPYS_HOME={home} is not writable; point LITOPYS_HOME at a writable folder."
        )
    return home


def secret_key(home: Path) -> str:
    """Return LITOPYS_SECRET_KEY, or a key generated on first run and kept in LITOPYS_HOME."""
    from_env = os.environ.get("LITOPYS_SECRET_KEY")
    if from_env:
        return from_env
    path = home / "secret_key"
    if not path.exists():
        create_once(path, secrets.token_urlsafe(50).encode("ascii"))  # two processes starting: one key, whole
    key = path.read_text().strip()
    if len(key) < 32:
        raise ImproperlyConfigured(f"{path} holds a secret key shorter than 32 characters; delete the file.")
    return key


def database(home: Path) -> dict:
    """Return Django's DATABASES['default'] from DATABASE_URL, defaulting to SQLite in LITOPYS_HOME."""
    import dj_database_url

    url = os.environ.get("DATABASE_URL") or f"sqlite:///{home / 'litopys.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL={url!r} cannot be read ({exc}); use e.g. postgresql://user@host:5432/litopys "
            "or unset it for the embedded SQLite database."
        ) from None
    engine = config.get("ENGINE", "")
    if not engine.endswith(("sqlite3", "postgresql")):
        raise ImproperlyConfigured(
            f"DATABASE_URL={url!r} names a database Litopys does not support; use postgresql:// or sqlite://."
        )
    if engine.endswith("sqlite3"):
        config["CONN_MAX_AGE"] = 0
        # IMMEDIATE makes writers queue at BEGIN, so two appends to the custody ledger never race.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;",
            "transaction_mode": "IMMEDIATE",
        }
    return config


def env_json(name: str, default: dict) -> dict:
    """Return a JSON object from the environment."""
    import json

    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} is not valid JSON ({exc}); give a JSON object or unset it.") from None
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object like {{\"key\": \"value\"}}; unset it for defaults.")
    return value


def cache(url: str, home: Path) -> dict:
    """Return Django's default cache: a shared file cache in LITOPYS_HOME, or Redis / memory by URL."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(home / "cache"), "OPTIONS": {"MAX_ENTRIES": 5000}}
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url == "locmem://":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    raise ImproperlyConfigured(
        f"LITOPYS_CACHE_URL={url!r} is not understood; use redis://host:6379/0, locmem://, or unset it "
        "for a file cache in LITOPYS_HOME.")
