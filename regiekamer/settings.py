"""Settings for Regiekamer: one file, read from the environment.

SQLite in the project folder by default (no set-up, one machine); PostgreSQL when
``DATABASE_URL`` is set (production, several app servers).
"""

import os
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# The test suite runs with production settings (DEBUG off) but needs no real key or HTTPS.
TESTING = "pytest" in sys.modules

# Only a development installation (DEBUG on) or the test suite may fall back to a known key.
_DEV_SECRET_KEY = "dev-only-insecure-regiekamer-key"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY ontbreekt. Zet de omgevingsvariabele SECRET_KEY op een lange, "
            "geheime waarde (of DEBUG=1 voor een ontwikkelinstallatie)."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif not (DEBUG or TESTING) and (
    SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "SECRET_KEY is te kort of is de ontwikkelsleutel: gebruik minstens 50 willekeurige tekens."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Regiekamer's own apps: the layers, from the ground up (README, Layout; import-linter keeps an
# app from importing one above it). Every model of these apps declares where its rows belong
# (regiekamer/access.py, Declarations).
REGIEKAMER_APPS = [
    "regiekamer",
    "partijen",
    "berichten",
    "gebruikers",
    "convenant",
    "formatie",
    "kosten",
    "begroting",
    "werkboek",
    "scenarios",
    "governance",
    "programma",
    "gemeenten",
    "brieven",
    "dashboard",
    "rapporten",
    "archief",
    "demo",
]

# The parties' models, for the kernel (regiekamer/access.py): named here, as AUTH_USER_MODEL
# names the user model, so that the kernel imports no app.
REGIEKAMER_SAMENWERKINGSVERBAND_MODEL = "partijen.Samenwerkingsverband"
REGIEKAMER_GEMEENTE_MODEL = "partijen.Gemeente"
REGIEKAMER_TOEGANG_MODEL = "partijen.Toegang"

INSTALLED_APPS = [
    # Django's admin, with Regiekamer's site: for the beheerder only (ADMIN_ROLES).
    "regiekamer.apps.RegiekamerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "simple_history",
    "axes",
    "csp",
    "post_office",
    # Two-factor sign-in (gebruikers/tweestaps.py): authenticator apps (TOTP) and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Single sign-on with the gemeente's identity provider (gebruikers/oidc.py).
    "mozilla_django_oidc",
] + REGIEKAMER_APPS
# Development tools (ontwikkeling/: genereer_schaal) are never part of a production
# installation: only with DEBUG on, in the test suite, or when ONTWIKKELING=1 asks for them
# (tests/bench/run sets it for the one command that fills its database).
ONTWIKKELING = DEBUG or TESTING or env_bool("ONTWIKKELING")
if ONTWIKKELING:
    INSTALLED_APPS.append("ontwikkeling")


MIDDLEWARE = [
    # Both before WhiteNoise, so that a static file carries their headers too (nosniff,
    # Referrer-Policy, HSTS, X-Frame-Options).
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the rest, so that every page (an error page too) carries the policy.
    "csp.middleware.CSPMiddleware",
    # Before anything reads the address: a NUL byte in it would be a server error on PostgreSQL.
    "regiekamer.middleware.NulByteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # user.is_verified(): signed in with a second factor in this session.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A user who must give (or first set up) a second factor reaches nothing else.
    "gebruikers.middleware.TwoFactorMiddleware",
    "regiekamer.middleware.SessionLimitMiddleware",
    "regiekamer.middleware.ErrorPageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes documents: it turns a lockout into the Dutch 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regiekamer.urls"

FORM_RENDERER = "regiekamer.renderers.FormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regiekamer.context_processors.roles",
                "regiekamer.scenario.scenario",
                "gebruikers.context_processors.gebruikersbeheer",
            ],
        },
    },
]

WSGI_APPLICATION = "regiekamer.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Every request is one transaction: a form and its formsets are saved together or not at all.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default for a small office: several users write at once. WAL lets readers
    # go on while one writes; IMMEDIATE takes the write lock at the start of a transaction (no
    # "database is locked" halfway a read-modify-write); a writer waits up to 20 s for its turn.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache of computed figures (regiekamer/dataversie.py: keyed on each samenwerkingsverband's
# data version, so never stale). Embedded default: the database cache, a table `migrate` makes,
# shared by every app server with nothing extra to run. CACHE_URL (or REDIS_URL) with a redis://,
# rediss:// or unix:// address: Redis, for an installation with several app servers and many
# users (README, Productie). CACHE_URL=locmem:// keeps it in each process (development only).
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or ""


def cache_settings(url: str) -> dict:
    scheme = url.partition("://")[0].lower()
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "regiekamer_cache",
            # 400 samenwerkingsverbanden with a few figures and tables each.
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4},
        }
    if scheme in ("redis", "rediss", "unix"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    raise ImproperlyConfigured(
        f"CACHE_URL: onbekend schema {scheme!r}; gebruik redis://, rediss://, unix:// of locmem://"
        " (zonder CACHE_URL: de databasecache)."
    )


CACHES = {"default": cache_settings(CACHE_URL)}
if TESTING and CACHE_URL and os.environ.get("PYTEST_XDIST_WORKER", "").startswith("gw"):
    # Each test process its own Redis database (0, 1, ...): one empties its own between tests.
    worker = os.environ["PYTEST_XDIST_WORKER"][2:]
    CACHES["default"]["LOCATION"] = urlsplit(CACHE_URL)._replace(path=f"/{worker}").geturl()
# A new release never reads what an older one cached: the code's digest is part of every key
# (regiekamer.dataversie.code_version), or the release's name when CACHE_CODE_VERSION gives it.
CACHE_CODE_VERSION = os.environ.get("CACHE_CODE_VERSION", "")
# What each process keeps of what it read from the cache (regiekamer.dataversie.near), in bytes.
LOCAL_CACHE_BYTES = int(os.environ.get("LOCAL_CACHE_BYTES", str(32 * 1024 * 1024)))

# NIST 800-63B: at least 12 characters, not a known common password, not like the user's own
# name or address; no composition rules (no NumericPasswordValidator) and no forced rotation.
# The length rule is Django's, with a Dutch message.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "gebruikers.wachtwoord.MinimaleLengte",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Context words and digits only: welkom123456, Regiekamer2026!, 123456789012.
    {"NAME": "gebruikers.wachtwoord.Voorspelbaar"},
]

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Grants nothing: lends ModelBackend the user's permissions from the memo of access.load.
    "regiekamer.access.AccessBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Who may use the admin (/admin/): users in these roles (regiekamer.access.may_use_admin).
# Only the beheerder; the other roles work in the browser pages.
ADMIN_ROLES = ["beheerder"]

LOGIN_URL = "login"
LOGOUT_REDIRECT_URL = "login"

# -- Accounts (gebruikers/): invitations and "wachtwoord vergeten" --
# After signing in (any way) a user lands where their place is (gebruikers.views.start).
LOGIN_REDIRECT_URL = "gebruikers:start"
# An invitation's and a reset's link stays valid 3 days (the mail says until when), once.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60


# -- Two-factor sign-in (gebruikers/tweestaps.py) --
# A second factor (an authenticator app, TOTP) after the password: required for the roles below
# when TWO_FACTOR_REQUIRED is on (production); off by default for the demo and the tests, so a
# newcomer can try the demo users without an app. A user who set it up voluntarily is asked the
# code either way. The names are the groups of regiekamer/roles.py (BEHEERDER, REGIEGROEP):
# settings import no app. A superuser always needs it when it is on.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=not (DEBUG or TESTING))
TWO_FACTOR_ROLES = ["beheerder", "regiegroep"]
# The name the authenticator app shows above the code ("Regiekamer: gebruikersnaam").
OTP_TOTP_ISSUER = "Regiekamer"
# After n wrong codes in a row a device answers nothing for factor * 2^(n-1) seconds (1, 2, 4,
# ... 512 s after ten): a typo costs a second, guessing a million codes takes centuries.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# A code of the previous or next 30 seconds counts too (a phone's clock a little off), and the
# device remembers the drift; a code once accepted is never accepted again (django-otp: last_t).
OTP_TOTP_SYNC = True
# The admin shows no secret key or QR code of anyone's device.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True


# -- Single sign-on over OpenID Connect (gebruikers/oidc.py) --
# On when OIDC_RP_CLIENT_ID is set: the login page offers "Inloggen met uw gemeente-account", the
# gemeente's identity provider (IdP) signs the user in, and gebruikers.oidc.GemeenteOIDCBackend
# matches the verified e-mail address to one active, invited account (no account is created
# for a stranger). Register the callback https://<host>/inloggen/sso/terug/ at the IdP.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
# A slow IdP gets 10 seconds, then the user reads that it did not answer.
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "gebruikers:oidc-callback"
LOGIN_REDIRECT_URL_FAILURE = "login"
# The installation trusts the IdP to have asked a second factor: an SSO sign-in then counts as
# two-factor (gebruikers/tweestaps.py reads the session flag tweestaps_door_idp).
OIDC_IDP_MFA = env_bool("OIDC_IDP_MFA")
OIDC_LOGIN_LABEL = os.environ.get("OIDC_LOGIN_LABEL", "Inloggen met uw gemeente-account")
if OIDC_ENABLED:
    _oidc_missing = [
        name
        for name in [
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
        ]
        + (["OIDC_OP_JWKS_ENDPOINT"] if OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")) else [])
        if not globals()[name]
    ]
    if _oidc_missing:
        raise ImproperlyConfigured(
            "Single sign-on (OIDC_RP_CLIENT_ID) is half ingesteld: zet ook "
            + ", ".join(_oidc_missing)
            + " (zie README, Single sign-on), of haal OIDC_RP_CLIENT_ID weg."
        )
    # After django-axes' backend, which keeps refusing a locked-out password login.
    AUTHENTICATION_BACKENDS.append("gebruikers.oidc.GemeenteOIDCBackend")
# django-axes counts failed passwords; the IdP checks the password of a sign-in through it, and
# a refused SSO callback is logged by gebruikers.oidc (axes_skips says why).
AXES_WHITELIST_CALLABLE = "gebruikers.oidc.axes_skips"
# The login page shows the SSO link when it is on (oidc_enabled, oidc_login_label).
TEMPLATES[0]["OPTIONS"]["context_processors"].append("gebruikers.oidc.login_context")


LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Amounts get their dots from regiekamer/opmaak.py; years and ids stay plain (2016).
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Development serves static files straight from the apps (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# Uploaded stukken and scans: outside the static files, no MEDIA_URL route; only views that
# check access serve them (regiekamer/uploads.py).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media")).resolve()
if any(
    static == MEDIA_ROOT or static in MEDIA_ROOT.parents
    for static in [Path(STATIC_ROOT).resolve(), *(Path(d).resolve() for d in STATICFILES_DIRS)]
):
    raise ImproperlyConfigured(
        "MEDIA_ROOT mag niet in de statische bestanden liggen (STATIC_ROOT of static/)."
    )
MAX_UPLOAD_MB = int(os.environ.get("MAX_UPLOAD_MB", "20"))

# E-mail. EMAIL_URL names the mail server, e.g. smtp+tls://user:password@smtp.example.nl:587
# (smtp://, smtp+tls:// or submission:// for STARTTLS on 587, smtp+ssl:// for 465; console://
# prints, memory:// keeps). Without it: the console with DEBUG, memory in the tests, and
# otherwise Django's default (a mail server on localhost:25; if none runs there, each message
# says "mislukt: de mailserver weigert de verbinding" on its page).
EMAIL_URL_SCHEMES = {"smtp+tls": "submission", "smtp+starttls": "submission", "smtp+ssl": "smtp"}


def email_settings(url: str) -> dict:
    scheme, _, rest = url.partition("://")
    if scheme == "smtp+ssl":
        rest += ("&" if "?" in rest else "?") + "ssl=1"
    scheme = EMAIL_URL_SCHEMES.get(scheme, scheme)
    if scheme not in dj_email_url.SCHEMES:
        raise ImproperlyConfigured(
            f"EMAIL_URL: onbekend schema {scheme!r}; gebruik smtp://, smtp+tls://, smtp+ssl://, "
            "console:// of memory://."
        )
    return dj_email_url.parse(f"{scheme}://{rest}")


EMAIL_CONFIGURED = bool(os.environ.get("EMAIL_URL"))
if EMAIL_CONFIGURED:
    globals().update(email_settings(os.environ["EMAIL_URL"]))
elif TESTING:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", globals().get("DEFAULT_FROM_EMAIL", "regiekamer@localhost")
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_TIMEOUT = globals().get("EMAIL_TIMEOUT") or 20
# The outbox (django-post-office, berichten/). Embedded default: a message is sent right after
# the change that made it has been saved, in the request. EMAIL_QUEUE=1 (production, several
# app servers): it waits in the outbox for the worker `manage.py verstuur_berichten --blijf`,
# which also retries a failure MAX_RETRIES times, RETRY_INTERVAL apart.
EMAIL_QUEUE = env_bool("EMAIL_QUEUE")
POST_OFFICE = {
    "BACKENDS": {
        "default": globals().get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    },
    "DEFAULT_PRIORITY": "medium",
    "MAX_RETRIES": 4,
    "RETRY_INTERVAL": timedelta(minutes=5),
    # Every attempt is logged, the successful ones too: the outbox shows when it went out.
    "LOG_LEVEL": 2,
    "MESSAGE_ID_ENABLED": True,
    "MESSAGE_ID_FQDN": os.environ.get("MESSAGE_ID_FQDN", "regiekamer"),
}

DJANGO_TABLES2_TEMPLATE = "django_tables2/regiekamer.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table"}

# Security: on by default, relaxed only for a local development installation.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "regiekamer.security.csrf_failure"
# A session ends after 30 minutes without a request and 12 hours after the login at the latest
# (regiekamer.middleware.SessionLimitMiddleware). An active session is saved (its cookie renewed)
# at most once a minute, not on every request: it then lives 31 minutes, so it still ends no
# sooner than 30 minutes after the last request, and at most a minute later.
SESSION_IDLE_SECONDS = 30 * 60
SESSION_RENEW_SECONDS = 60
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS + SESSION_RENEW_SECONDS
SESSION_SAVE_EVERY_REQUEST = False
SESSION_MAX_AGE = 12 * 60 * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not TESTING)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Failed logins (django-axes): at most 10 per 15 minutes for one username from one address, then
# the Dutch 429 page; at most 100 an hour for one account from any address
# (regiekamer.security.AccountLimitHandler). Another user is never locked out by them.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_ACCOUNT_FAILURE_LIMIT = 100
AXES_ACCOUNT_FAILURE_WINDOW = timedelta(hours=1)
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_HANDLER = "regiekamer.security.AccountLimitHandler"
AXES_LOCKOUT_TEMPLATE = "429.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client's address for lockout and logging: REMOTE_ADDR, or behind PROXY_COUNT trusted
# proxies the address the outermost one added to X-Forwarded-For.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "regiekamer.security.client_ip"

# Content Security Policy (django-csp): only the app's own files; no inline script or style,
# no eval, no CDN, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line with its time; the security lines (logger regiekamer.security) name the user
    # and the address themselves, never a password, session key or CSRF token.
    "formatters": {
        "tijd": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    # One line per record: a line break in a typed value is written escaped (logfilters.OneLine).
    "filters": {"een_regel": {"()": "regiekamer.logfilters.OneLine"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "tijd",
            "filters": ["een_regel"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint logs every rendering step at INFO; its warnings (a refused URL) still show.
        "weasyprint.progress": {"level": "WARNING"},
        # django-axes' own lines repeat ours (regiekamer.security) in more words.
        "axes": {"level": "WARNING"},
    },
}
