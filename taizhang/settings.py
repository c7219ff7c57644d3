"""Django settings for taizhang.

Everything that differs between a laptop and a server comes from the environment:
``DATABASE_URL`` (PostgreSQL; SQLite at ``var/taizhang.sqlite3`` when unset), ``SECRET_KEY``,
``DEBUG``, ``ALLOWED_HOSTS`` and ``CSRF_TRUSTED_ORIGINS`` (comma-separated),
``SECURE_PROXY_SSL_HEADER``, ``EMAIL_BACKEND``; docs/deploy.md lists them all.

Safe by default: ``DEBUG`` is off unless the environment turns it on (``make demo``,
``taizhang demo`` and the test settings do), and with ``DEBUG`` off the settings refuse to load
without a ``SECRET_KEY``.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TAIZHANG_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = _env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: a server (DEBUG off) needs a long random SECRET_KEY in its "
            "environment (see docs/deploy.md); DEBUG=1 is for development only"
        )
    SECRET_KEY = "taizhang-dev-only-insecure-key-do-not-use-in-production"  # DEBUG only
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")  # e.g. https://taizhang.example.gov.cn

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "taizhang.core",
    "taizhang.accounts",
    "taizhang.units",
    "taizhang.policies",
    "taizhang.ledger",
    "taizhang.api",
    "taizhang.supervision",
    "taizhang.monitoring",
    "taizhang.portal",
    "taizhang.bulletins",
    "taizhang.enterprises",
    "taizhang.jobs",
    "taizhang.devtools",  # developer tools: demo, benchdata, buildlocales (above every app)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "taizhang.enterprises.middleware.EnterpriseUserMiddleware",  # enterprise users' defaults
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it answers a locked-out sign-in
]

ROOT_URLCONF = "taizhang.urls"
WSGI_APPLICATION = "taizhang.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "taizhang" / "templates"],
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

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'taizhang.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded database serves a small office: WAL lets readers go on while one writes, and
    # every transaction takes the write lock when it begins (IMMEDIATE) and waits up to
    # ``timeout`` seconds for it, so concurrent saves queue instead of failing "database is locked"
    # (a deferred transaction that reads, then writes, cannot wait: SQLite refuses it at once).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("SQLITE_TIMEOUT", "30")),
        **DATABASES["default"].get("OPTIONS", {}),
    }
if os.environ.get("TAIZHANG_TEST_DATABASE"):  # lets two test runs share one PostgreSQL server
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TAIZHANG_TEST_DATABASE"]}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out username and address first
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (django-axes): five wrong passwords for one username from one address lock
# that pair out for AXES_COOLOFF_MINUTES; a right password resets the count. Locking by username
# alone would let anyone lock a colleague out; by address alone, one office behind one NAT out.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are audited in accounts.LoginEvent
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Behind a reverse proxy the client's address is the right-most one the proxy appended to
# X-Forwarded-For; set TRUSTED_PROXY_COUNT to the number of proxies in front of the server.
if os.environ.get("TRUSTED_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = int(os.environ["TRUSTED_PROXY_COUNT"])
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
# API tokens (accounts.ApiToken): stored hashed, valid this many days unless the person chooses.
TAIZHANG_API_TOKEN_DAYS = int(os.environ.get("TAIZHANG_API_TOKEN_DAYS", "90"))
# Links e-mailed to people (accounts/mail.py): an invitation to set one's password is valid this
# many days, a password reset this many hours; either works once. Django's own bound on such
# tokens is the longer of the two. The links start with TAIZHANG_SITE_URL when it is set (the
# address people reach the site at, e.g. https://taizhang.example.gov.cn), else with the address
# of the request that sent them.
TAIZHANG_INVITATION_DAYS = int(os.environ.get("TAIZHANG_INVITATION_DAYS", "7"))
TAIZHANG_PASSWORD_RESET_HOURS = int(os.environ.get("TAIZHANG_PASSWORD_RESET_HOURS", "24"))
PASSWORD_RESET_TIMEOUT = max(TAIZHANG_INVITATION_DAYS * 24, TAIZHANG_PASSWORD_RESET_HOURS) * 3600
TAIZHANG_SITE_URL = os.environ.get("TAIZHANG_SITE_URL", "").strip().rstrip("/")
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("zh-hant", "繁體中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "taizhang" / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "taizhang" / "static"]  # the project's own CSS, JS and vendored libraries
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
if not DEBUG:  # the server serves its own static files (in development runserver does)
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
# With DEBUG off, `taizhang collectstatic` writes compressed files with hashed names that
# whitenoise serves with far-future cache headers; in development they are served as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# Uploads: policy documents and evidence files. Larger bodies are refused before they are read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
TAIZHANG_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads no cookie (the token is in the page), but forms in other tabs do
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = _env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a promise to the browsers' makers that only the domain's owner can give
        # (docs/deploy.md); without it, Django's deploy check would warn on every server.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Behind a reverse proxy that terminates HTTPS: the header it sets to say the request came over
# HTTPS, e.g. SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto. Only set it when the proxy always sets
# (or overwrites) that header: a client could send it too.
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    _proxy_header = os.environ["SECURE_PROXY_SSL_HEADER"].strip().upper().replace("-", "_")
    SECURE_PROXY_SSL_HEADER = (f"HTTP_{_proxy_header}", "https")

# Content Security Policy (django-csp): scripts, styles, images and fonts come from this server
# only; no inline script, inline style, eval or plug-in; no framing. Pages keep their scripts in
# static files and hand them data through json_script, and charts draw on canvas.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Background jobs (taizhang/jobs): django-tasks with its database backend, so the queue lives in
# the same database on SQLite and PostgreSQL alike; `taizhang db_worker` runs them (docs/deploy.md,
# `make demo` starts one beside the server). Imports are limited by what the document holds once
# read, not only by its bytes: the expanded size of a .docx/.xlsx's parts (what the XML parser
# holds in memory) and the characters of text read.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
TAIZHANG_MAX_EXPANDED_BYTES = int(os.environ.get("TAIZHANG_MAX_EXPANDED_BYTES", str(64 * 1024 * 1024)))
TAIZHANG_MAX_TEXT_CHARS = int(os.environ.get("TAIZHANG_MAX_TEXT_CHARS", "3000000"))
# A running job that has said nothing for this long (no progress step) while its worker runs on
# another machine is taken for abandoned (taizhang/jobs/recovery.py); on the worker's own machine
# a dead process is seen at once.
TAIZHANG_JOB_SILENT_HOURS = float(os.environ.get("TAIZHANG_JOB_SILENT_HOURS", "6"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if os.environ.get("EMAIL_FILE_PATH"):  # the file-based backend's folder (the demo's mail)
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "taizhang@localhost")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "taizhang.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # The browsable API's pages carry inline styles the CSP refuses: JSON only on a server.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "taizhang API",
    "DESCRIPTION": "台账: policies, tasks, units and progress reports",
    "VERSION": "0.1.0",
    # The schema is generated and compared with the committed openapi.json by the test suite
    # (tests/web/test_api_schema.py); `check --deploy` on a server checks the server.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
