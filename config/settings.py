"""Temaplan settings. Everything that differs between machines comes from the environment.

The README lists every variable. With DEBUG off (the default) the app refuses to start
without SECRET_KEY and ALLOWED_HOSTS, and `check --deploy` reports nothing.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, "").split(",") if part.strip()]


DEBUG = env_bool("DEBUG")
# Behind nginx (docs/operations.md): trust its X-Forwarded-For for the login lockout's address,
# and with DEBUG off its X-Forwarded-Proto for HTTPS (below).
TEMAPLAN_BEHIND_PROXY = env_bool("TEMAPLAN_BEHIND_PROXY")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if DEBUG:
    # Only for the embedded demo and development: never used when DEBUG is off.
    SECRET_KEY = SECRET_KEY or "django-insecure-temaplan-development-only"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY må settes når DEBUG er av (SECRET_KEY must be set when DEBUG is off)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS må settes når DEBUG er av (ALLOWED_HOSTS must be set when DEBUG is off)."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",  # the database queue for production (TEMAPLAN_TASKS_BACKEND)
    "ninja",  # the API docs page from its own static files, never a CDN
    "temaplan.core",
    "temaplan.accounts",
    "temaplan.plans",
    "temaplan.indicators",
    "temaplan.statistics",
    "temaplan.actions",
    "temaplan.benchmark",
    "temaplan.reports",
    "temaplan.api",
    "temaplan.portal",
    "temaplan.web",
    "temaplan.demo",
]

MIDDLEWARE = [
    # First: /healthz is answered before the session is loaded from a database that may be down.
    "temaplan.web.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "temaplan.accounts.session_idle.SessionIdleRefresh",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Axes last, as its documentation asks, so it sees the outcome of every login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "temaplan.web.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite under var/ is the embedded default; production uses PostgreSQL through DATABASE_URL.
VAR_DIR = Path(os.environ.get("TEMAPLAN_VAR_DIR", BASE_DIR / "var"))
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'temaplan.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # IMMEDIATE transactions take the write lock at BEGIN, so the version check in
    # services (select_for_update is a no-op on SQLite) cannot race another writer.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that accepts connections but never answers must not hold a worker until
    # gunicorn kills it: give up connecting after a few seconds (libpq's smallest is 2), and
    # let the server cancel any one statement that runs longer than the limit.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", int(os.environ.get("TEMAPLAN_DB_CONNECT_TIMEOUT", "5")))
    _statement_ms = int(os.environ.get("TEMAPLAN_DB_STATEMENT_TIMEOUT_MS", "30000"))
    _options["options"] = f"-c statement_timeout={_statement_ms} {_options.get('options', '')}"
    _options["options"] = _options["options"].strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "temaplan",
    }
}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }

# --- Accounts and login ---------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = int(os.environ.get("TEMAPLAN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("TEMAPLAN_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client's address: behind the proxy (TEMAPLAN_BEHIND_PROXY) the one nginx appended to
# X-Forwarded-For, otherwise the connecting address; see temaplan/accounts/client_address.py.
AXES_CLIENT_IP_CALLABLE = "temaplan.accounts.client_address.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and formats -------------------------------------------------------------------
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål")]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "temaplan" / "locale"]

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
if DEBUG:
    # WhiteNoise warns on every request when the folder is missing; collectstatic fills it.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Security -------------------------------------------------------------------------------
# Pages load only our own scripts and styles; charts are inline SVG without scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Logged out after this many hours without a request; every request starts the wait again
# (the session is saved anew at most once a minute: temaplan/accounts/session_idle.py).
SESSION_COOKIE_AGE = round(float(os.environ.get("TEMAPLAN_SESSION_IDLE_HOURS", "8")) * 3600)
# A refused form gets the site's own page in bokmål (temaplan/web/errors.py).
CSRF_FAILURE_VIEW = "temaplan.web.errors.csrf_failure"

if not DEBUG:
    # Behind a TLS-terminating proxy, set TEMAPLAN_BEHIND_PROXY=1 so Django trusts its header.
    if TEMAPLAN_BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("TEMAPLAN_SSL_REDIRECT", True)
    # Load balancers probe the app directly over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("TEMAPLAN_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("TEMAPLAN_HSTS_PRELOAD", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The deploy check asks for preload; it is a decision for the operator (see README).
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# --- Logging --------------------------------------------------------------------------------
# Every record goes to one console handler on the root logger. Naming the «django» logger here
# drops the console handler Django gives it in DEBUG, which printed each record a second time.
# A refused request (4xx) is logged as one line, without the traceback (temaplan.web.log_filters).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_refusals": {"()": "temaplan.web.log_filters.OneLineRefusals"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["one_line_refusals"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO").upper()},
    "loggers": {
        "django": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        "httpx": {"level": "WARNING"},
        # WeasyPrint tells every layout step at INFO: only its warnings are worth a log line.
        "weasyprint": {"level": "WARNING"},
    },
}

# --- Background work ------------------------------------------------------------------------
# The embedded default runs each task in a thread of the web process (fine for one server);
# tests run them inline. See the README for running a separate worker in production.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TEMAPLAN_TASKS_BACKEND", "temaplan.core.tasks.ThreadBackend")
    }
}

# --- Temaplan -------------------------------------------------------------------------------
TEMAPLAN_DEMO_PASSWORD = os.environ.get("TEMAPLAN_DEMO_PASSWORD", "demo")
# SSB's open APIs; point them at the fake server (python -m devtools.fake_ssb) offline.
TEMAPLAN_SSB_API = os.environ.get("TEMAPLAN_SSB_API", "https://data.ssb.no/api/pxwebapi/v2")
TEMAPLAN_KLASS_API = os.environ.get("TEMAPLAN_KLASS_API", "https://data.ssb.no/api/klass/v1")
TEMAPLAN_SSB_CACHE_DIR = os.environ.get("TEMAPLAN_SSB_CACHE_DIR", str(VAR_DIR / "ssb-cache"))

# --- API (temaplan/api) -------------------------------------------------------------------
# Pages of at most 1000 rows; an offset past any real list is refused (422), not sent on.
NINJA_PAGINATION_PER_PAGE = 100
NINJA_PAGINATION_MAX_LIMIT = 1000
NINJA_PAGINATION_MAX_OFFSET = 1_000_000
