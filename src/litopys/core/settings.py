"""Litopys settings: everything comes from the environment (see docs/configuration.md)."""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from litopys.core import conf, security

#: The litopys package: its templates and translations are found from here.
BASE_DIR = Path(__file__).resolve().parent.parent
LITOPYS_HOME = conf.home_dir()

SECRET_KEY = conf.secret_key(LITOPYS_HOME)
DEBUG = conf.env_bool("LITOPYS_DEBUG", False)
ALLOWED_HOSTS = conf.env_list("LITOPYS_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = conf.env_list("LITOPYS_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "litopys.core.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "litopys.core",
    "litopys.vocab",
    "litopys.sitecache",
    "litopys.evidence",
    "litopys.places",
    "litopys.incidents",
    "litopys.extraction",
    "litopys.figures",
    "litopys.review",
    "litopys.chronicle",
    "litopys.record",
    "litopys.casualties",
    "litopys.exchange",
    "litopys.exchange.api",
    "ninja",
    "litopys.jobs",
    "litopys.capture",
    "litopys.demo",
]

MIDDLEWARE = [
    # Behind a reverse proxy: the reader's address from X-Forwarded-For (LITOPYS_TRUSTED_PROXIES).
    "litopys.core.proxy.ForwardedForMiddleware",
    # HTTPS before the page cache: plain HTTP is redirected, cookies of secure requests marked Secure.
    "litopys.core.https.SecureTransportMiddleware",
    # Then: a cached public page is answered before sessions, auth or CSRF do any work.
    "litopys.sitecache.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Inside the page cache, so cached pages keep their Content-Security-Policy.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "litopys.core.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "litopys.core.urls"
WSGI_APPLICATION = "litopys.core.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": conf.database(LITOPYS_HOME)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = conf.env_str("LITOPYS_LANGUAGE", "uk")
LANGUAGES = [("uk", _("Ukrainian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = conf.env_str("LITOPYS_TIME_ZONE", "Europe/Kyiv")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = LITOPYS_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = LITOPYS_HOME / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# The evidence vault: where original bytes live, written once under their hash.
LITOPYS_VAULT = {
    "BACKEND": conf.env_str("LITOPYS_VAULT_BACKEND", "litopys.evidence.vault.LocalVault"),
    "OPTIONS": conf.env_json(
        "LITOPYS_VAULT_OPTIONS", {"root": conf.env_str("LITOPYS_VAULT_ROOT", str(LITOPYS_HOME / "vault"))}
    ),
}
LITOPYS_MAX_ITEM_BYTES = conf.env_int("LITOPYS_MAX_ITEM_BYTES", 4 * 1024**3, minimum=1)
# Bounded ingest (docs/processors.md, "Limits"): what one file may make Litopys read, decompress and spend. A limit
# reached stops the reading with its reason on the item; the bytes stay preserved.
LITOPYS_MAX_RECORD_BYTES = conf.env_int("LITOPYS_MAX_RECORD_BYTES", 32 * 1024**2, minimum=1)
LITOPYS_RECORD_SECONDS = conf.env_int("LITOPYS_RECORD_SECONDS", 30, minimum=1)
LITOPYS_ITEM_SECONDS = conf.env_int("LITOPYS_ITEM_SECONDS", 300, minimum=1)
LITOPYS_MAX_EXPANSION_RATIO = conf.env_int("LITOPYS_MAX_EXPANSION_RATIO", 100, minimum=1)
LITOPYS_EXPANSION_FLOOR_BYTES = conf.env_int("LITOPYS_EXPANSION_FLOOR_BYTES", 64 * 1024**2, minimum=0)
LITOPYS_MAX_TEXT_BYTES = conf.env_int("LITOPYS_MAX_TEXT_BYTES", 8 * 1024**2, minimum=1)
LITOPYS_MAX_HTML_BYTES = conf.env_int("LITOPYS_MAX_HTML_BYTES", 8 * 1024**2, minimum=1)
LITOPYS_MAX_PDF_PAGES = conf.env_int("LITOPYS_MAX_PDF_PAGES", 1000, minimum=1)
LITOPYS_MAX_IMAGE_PIXELS = conf.env_int("LITOPYS_MAX_IMAGE_PIXELS", 60_000_000, minimum=1)
LITOPYS_SIGNING_KEY = Path(conf.env_str("LITOPYS_SIGNING_KEY", str(LITOPYS_HOME / "custody-ed25519.pem")))
# Every signed checkpoint is also appended here, outside the database, so that rewriting the database's
# ledger and checkpoints is found by `litopys verify`. Back it up with the signing key.
LITOPYS_CHECKPOINT_LOG = Path(conf.env_str("LITOPYS_CHECKPOINT_LOG", str(LITOPYS_HOME / "custody-checkpoints.jsonl")))
# RFC 3161 time-stamping authorities that stamp every checkpoint (none by default; see docs/capture.md), the CA
# certificates their tokens must chain to (empty: the system's), and how long to wait for one.
LITOPYS_TSA_URL = conf.env_urls("LITOPYS_TSA_URL")
LITOPYS_TSA_CA_FILE = conf.env_file("LITOPYS_TSA_CA_FILE")
LITOPYS_TSA_TIMEOUT = conf.env_int("LITOPYS_TSA_TIMEOUT", 10, minimum=1)
# Encryption at rest (docs/security.md): items of confidential sources and testimony contacts are sealed with
# this key (32 bytes, base64); without it, with a key file made on first use. Back the key up apart from the vault.
LITOPYS_VAULT_KEY = conf.env_key("LITOPYS_VAULT_KEY")
LITOPYS_VAULT_KEY_FILE = Path(conf.env_str("LITOPYS_VAULT_KEY_FILE", str(LITOPYS_HOME / "vault.key")))
# The public testimony form: submissions per reader address per hour, bytes of files per submission, and
# the dossier new testimony is filed in (empty: none, so only administrators read it).
LITOPYS_TESTIMONY_LIMIT = conf.env_int("LITOPYS_TESTIMONY_LIMIT", 3)
LITOPYS_TESTIMONY_MAX_BYTES = conf.env_int("LITOPYS_TESTIMONY_MAX_BYTES", 50 * 1024**2, minimum=1)
LITOPYS_TESTIMONY_DOSSIER = conf.env_str("LITOPYS_TESTIMONY_DOSSIER", "")

LOGIN_URL = "admin:login"

# The public site. Pages are cached server-side for LITOPYS_PAGE_CACHE seconds (0 turns the cache off);
# publishing anything invalidates every cached page at once.
LITOPYS_SITE_URL = conf.env_str("LITOPYS_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
LITOPYS_PAGE_CACHE = conf.env_int("LITOPYS_PAGE_CACHE", 60)
CACHES = {"default": conf.cache(conf.env_str("LITOPYS_CACHE_URL", ""), LITOPYS_HOME)}
# Readers' limits: comments and ratings per reader fingerprint per hour.
LITOPYS_COMMENT_LIMIT = conf.env_int("LITOPYS_COMMENT_LIMIT", 5)
LITOPYS_RATING_LIMIT = conf.env_int("LITOPYS_RATING_LIMIT", 20)
# Comments per hour from all readers together beyond which the comment form asks a question (0: always).
LITOPYS_COMMENT_FLOOD_PER_HOUR = conf.env_int("LITOPYS_COMMENT_FLOOD_PER_HOUR", 30)
# Reverse proxies in front of the site (0: none). With one or more, X-Forwarded-For names the reader and
# X-Forwarded-Proto: https tells Django the request was secure.
LITOPYS_TRUSTED_PROXIES = conf.env_int("LITOPYS_TRUSTED_PROXIES", 0)
# Where those proxies connect from: X-Forwarded-For is read only from a peer in these networks.
LITOPYS_PROXY_NETWORKS = conf.env_networks("LITOPYS_PROXY_NETWORKS", [
    "127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"])
if LITOPYS_TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The static export (`litopys publish --static`): where its forms post, or "off" to leave them out.
LITOPYS_DYNAMIC_URL = conf.env_str("LITOPYS_DYNAMIC_URL", "")
# Site search: a backend's dotted path; empty takes the one made for the database in use (SQLite FTS5 or
# PostgreSQL full-text search).
LITOPYS_SEARCH_BACKEND = conf.env_str("LITOPYS_SEARCH_BACKEND", "")
# Map tiles: a URL template with {z}/{x}/{y}; empty shows the bundled outline of Ukraine only.
LITOPYS_TILE_URL = conf.env_str("LITOPYS_TILE_URL", "")
LITOPYS_TILE_ATTRIBUTION = conf.env_str("LITOPYS_TILE_ATTRIBUTION", "")

# Staff accounts (docs/security.md): a second factor for these roles and every superuser; lockout after
# LITOPYS_LOGIN_ATTEMPTS failed logins (passwords or codes) from one address for one account.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
LITOPYS_TWO_FACTOR_ROLES = conf.env_list("LITOPYS_TWO_FACTOR_ROLES", ["reviewer", "editor", "administrator"])
LITOPYS_LOGIN_ATTEMPTS = conf.env_int("LITOPYS_LOGIN_ATTEMPTS", 5, minimum=1)
LITOPYS_LOCKOUT_MINUTES = conf.env_int("LITOPYS_LOCKOUT_MINUTES", 30, minimum=1)
AXES_FAILURE_LIMIT = LITOPYS_LOGIN_ATTEMPTS
AXES_COOLOFF_TIME = timedelta(minutes=LITOPYS_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "litopys.core.accounts.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "litopys.core.accounts.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# Kept out of the failed-login records: a recovery code tried too soon is still good.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code", "csrfmiddlewaretoken"]
# No log of successful logins: it would keep staff members' addresses for ever.
AXES_DISABLE_ACCESS_LOG = True
OTP_TOTP_ISSUER = "Litopys"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Password-reset mail: printed on the console unless LITOPYS_EMAIL_URL names a server.
globals().update(security.email_settings(conf.env_str("LITOPYS_EMAIL_URL", "")))
DEFAULT_FROM_EMAIL = SERVER_EMAIL = conf.env_str("LITOPYS_EMAIL_FROM", "litopys@localhost")

# HTTPS: LITOPYS_HTTPS=1 makes cookies Secure and redirects plain HTTP; HSTS goes out on every secure request.
LITOPYS_HTTPS = conf.env_bool("LITOPYS_HTTPS", False)
_hsts = {"include_subdomains": conf.env_bool("LITOPYS_HSTS_INCLUDE_SUBDOMAINS", False),
         "preload": conf.env_bool("LITOPYS_HSTS_PRELOAD", False)}
globals().update(security.https_settings(LITOPYS_HTTPS, conf.env_int("LITOPYS_HSTS_SECONDS", 31536000), **_hsts))
SILENCED_SYSTEM_CHECKS = security.silenced_checks(**_hsts)
# Content-Security-Policy on every response: our own origin only, no inline script or style.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": security.csp_directives(
    LITOPYS_TILE_URL, LITOPYS_DYNAMIC_URL, conf.env_list("LITOPYS_CSP_IMG_HOSTS", []))}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": conf.env_str("LITOPYS_LOG_LEVEL", "WARNING")},
}

# The task queue (django-tasks) and link capture; see docs/capture.md.
TASKS = {"default": {"BACKEND": conf.env_str("LITOPYS_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
                     "QUEUES": ["default"]}}
# A running job shows a sign of life every LITOPYS_JOB_LEASE/6 s; one silent for a whole lease has lost its worker
# and is queued again, at most LITOPYS_JOB_ATTEMPTS times in all.
LITOPYS_JOB_LEASE = conf.env_int("LITOPYS_JOB_LEASE", 120, minimum=2)
LITOPYS_JOB_ATTEMPTS = conf.env_int("LITOPYS_JOB_ATTEMPTS", 3, minimum=1)
LITOPYS_CAPTURE_MAX_BYTES = conf.env_int("LITOPYS_CAPTURE_MAX_BYTES", 200 * 1024**2, minimum=1)
LITOPYS_CAPTURE_TIMEOUT = conf.env_int("LITOPYS_CAPTURE_TIMEOUT", 30, minimum=1)
LITOPYS_CAPTURE_USER_AGENT = conf.env_str(
    "LITOPYS_CAPTURE_USER_AGENT", "Mozilla/5.0 (X11; Linux x86_64) Litopys-capture (+evidence preservation)")
LITOPYS_CAPTURE_PROXY = conf.env_str("LITOPYS_CAPTURE_PROXY", "")
LITOPYS_CAPTURE_ALLOW_PRIVATE = conf.env_bool("LITOPYS_CAPTURE_ALLOW_PRIVATE", False)
LITOPYS_CAPTURE_MAX_REDIRECTS = conf.env_int("LITOPYS_CAPTURE_MAX_REDIRECTS", 10)
LITOPYS_CAPTURE_MAX_MEDIA = conf.env_int("LITOPYS_CAPTURE_MAX_MEDIA", 50)
LITOPYS_CAPTURE_ROBOTS = conf.env_bool("LITOPYS_CAPTURE_ROBOTS", False)
LITOPYS_CHROMIUM = conf.env_str("LITOPYS_CHROMIUM", "/usr/bin/chromium")
LITOPYS_OCR_LANGUAGES = conf.env_str("LITOPYS_OCR_LANGUAGES", "ukr+rus+eng")
LITOPYS_OCR_MAX_PAGES = conf.env_int("LITOPYS_OCR_MAX_PAGES", 200, minimum=1)

# The API (docs/api.md): requests a minute per token, and per address for anonymous readers.
LITOPYS_API_RATE = conf.env_int("LITOPYS_API_RATE", 600, minimum=1)
LITOPYS_API_ANON_RATE = conf.env_int("LITOPYS_API_ANON_RATE", 120, minimum=1)
