"""Two-factor sign-in: the rules, as plain functions (the middleware, the pages and the
gebruikersbeheer use them; the tests call them).

After the password a user gives a second factor, a code from an authenticator app (TOTP,
django-otp's ``TOTPDevice``) or one of ten recovery codes (``StaticDevice``, each code once):

- it is *required* (:func:`required_for`) when ``TWO_FACTOR_REQUIRED`` is on and the user has
  one of ``TWO_FACTOR_ROLES`` (beheerder, regiegroep) or is a superuser; such a user without an
  app sets one up first;
- a user who set it up voluntarily (:func:`has_device`) is asked the code as well;
- a sign-in through the gemeente's identity provider counts as two-factor when the installation
  trusts that provider to ask one (``OIDC_IDP_MFA``, session flag :data:`IDP_SESSION_KEY`,
  set by ``gebruikers.oidc``).

Until then the session is "half": :class:`gebruikers.middleware.TwoFactorMiddleware` lets it
reach only the code and set-up pages, the logout and the login.
Every step is logged on ``regiekamer.security`` (who, address; never a code or key).
"""

from __future__ import annotations

import logging
from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime

import django_otp
import qrcode
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from regiekamer import access
from regiekamer.security import log_address

logger = logging.getLogger("regiekamer.security")

# Set by gebruikers.oidc when the identity provider asked the second factor (OIDC_IDP_MFA).
IDP_SESSION_KEY = "tweestaps_door_idp"
# The recovery codes just made, shown once by the page that reads them (then removed).
NEW_CODES_SESSION_KEY = "tweestaps_nieuwe_herstelcodes"
# The app being set up in this session (its unconfirmed device).
PENDING_SESSION_KEY = "tweestaps_in_te_stellen"
RECOVERY_CODES = 10
APP_NAME = "Authenticator-app"
RECOVERY_NAME = "Herstelcodes"


# --- who needs it -------------------------------------------------------------------------


def required_for(user) -> bool:
    """Whether this user must sign in with a second factor: the setting is on and the user has
    a role that needs it (``TWO_FACTOR_ROLES``) or is a superuser."""
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or bool(access.groups(user) & set(settings.TWO_FACTOR_ROLES))


def has_device(user) -> bool:
    """Whether the user has set up an authenticator app (a confirmed TOTP device)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_tweestaps_device"):
        user._tweestaps_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return user._tweestaps_device


def with_device(users: QuerySet, name: str = "heeft_tweestaps") -> QuerySet:
    """``users`` with a boolean ``name`` (default ``heeft_tweestaps``): whether each has set up
    an authenticator app; one subquery in the list's own query, whatever the number of rows."""
    confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return users.annotate(**{name: Exists(confirmed)})


def signed_in_through_idp(request) -> bool:
    """The sign-in went through the gemeente's identity provider, which this installation
    trusts to ask a second factor itself."""
    return bool(getattr(settings, "OIDC_IDP_MFA", False) and request.session.get(IDP_SESSION_KEY))


def needs_verification(request) -> bool:
    """Whether the signed-in user must still give a second factor in this session (a "half"
    session). Cached on the request as ``request.tweestaps_nodig``, which a template may read
    (the header hides the menu of a half session); at most one query (the device), none for a
    verified session beyond the one django-otp's middleware makes to load its device."""
    if not hasattr(request, "tweestaps_nodig"):
        user = request.user
        request.tweestaps_nodig = (
            user.is_authenticated
            and not user.is_verified()
            and not signed_in_through_idp(request)
            and (required_for(user) or has_device(user))
        )
    return request.tweestaps_nodig


# --- setting up an app --------------------------------------------------------------------


def pending_device(request) -> TOTPDevice:
    """The app being set up in this session: the same secret when the page is opened again
    (an app that scanned it before still fits), a new one in another session. A secret shown
    in one session never becomes the app of another: whoever opened the set-up page with the
    password alone learns nothing of the app the user sets up later."""
    user = request.user
    pk = request.session.get(PENDING_SESSION_KEY)
    device = TOTPDevice.objects.filter(pk=pk, user=user, confirmed=False).first() if pk else None
    if device is None:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
        request.session[PENDING_SESSION_KEY] = device.pk
    return device


def secret(device: TOTPDevice) -> str:
    """The secret key as an app asks it to be typed: base32 in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice, title: str = "QR-code voor de authenticator-app") -> str:
    """The device's ``otpauth://`` address as a QR code: an inline SVG of one path on white
    (no style attribute: the Content-Security-Policy allows none), sized by CSS."""
    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(device.config_url)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    path = "".join(
        f"M{x},{y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    return format_html(
        '<svg class="qr" viewBox="0 0 {size} {size}" width="{px}" height="{px}" role="img" '
        'aria-label="{title}" xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">'
        '<rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>',
        size=size,
        px=size * 5,
        title=title,
        path=mark_safe(path),  # noqa: S308 (digits and letters of our own)
    )


@transaction.atomic
def confirm(request, device: TOTPDevice, code: str) -> bool:
    """Confirm the app being set up with its first ``code``: the user's other apps are removed,
    ten new recovery codes made (kept in the session to be shown once), and the session is
    verified. False when the code does not fit (counted by the device's throttling). The
    device is locked for the check, so one code sent twice at once confirms it once."""
    user = request.user
    pending = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False)
    device = pending.filter(pk=device.pk).first()
    if device is None or not device.verify_token(code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    user._tweestaps_device = True
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    request.session.pop(PENDING_SESSION_KEY, None)
    request.session[NEW_CODES_SESSION_KEY] = new_recovery_codes(user)
    verified(request, device)
    logger.info(
        "Tweestapsverificatie ingesteld: gebruiker=%s adres=%s",
        user.get_username(),
        log_address(request),
    )
    return True


# --- recovery codes -----------------------------------------------------------------------


def new_recovery_codes(user) -> list[str]:
    """Ten new one-time recovery codes for the user (the old ones stop working), as shown."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    tokens = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=t) for t in tokens)
    return [shown_recovery_code(t) for t in tokens]


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def shown_recovery_code(token: str) -> str:
    """A recovery code as shown: two groups of four ("abcd-efgh")."""
    return f"{token[:4]}-{token[4:]}"


def normalized(code: str) -> str:
    """What the user typed, without spaces or dashes, in lower case; a 0 or 1 in a recovery
    code is read as the letter o or l (base32 has no 0 or 1)."""
    plain = "".join(code.split()).replace("-", "").lower()
    if plain.isdigit():
        return plain
    return plain.translate(str.maketrans("01", "ol"))


# --- giving the code ----------------------------------------------------------------------


@dataclass
class Outcome:
    """What became of a code: ``device`` when it was accepted; ``locked_until`` when the
    device refused to check it after too many wrong codes; ``recovery_left`` after a recovery
    code."""

    device: object = None
    locked_until: datetime | None = None
    failures: int = 0
    recovery_left: int | None = None

    @property
    def accepted(self) -> bool:
        return self.device is not None


def locked(device) -> Outcome | None:
    """An outcome saying until when, if the device refuses to check a code now (too many wrong
    codes in a row: django-otp's throttling); None when it checks."""
    allowed, info = device.verify_is_allowed()
    if allowed:
        return None
    return Outcome(locked_until=info.get("locked_until"), failures=info.get("failure_count", 0))


@transaction.atomic
def verify(request, code: str) -> Outcome:
    """Check a code the signed-in user typed: six digits against the app, anything else
    against the recovery codes (each works once). An accepted code verifies the session; every
    outcome is logged. The device is locked for the check (``select_for_update``), so the same
    code sent twice at once is accepted once."""
    user = request.user
    plain = normalized(code)
    if len(plain) == 6 and plain.isdigit():
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
        kind = "app"
    else:
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
        kind = "herstelcode"
    device = devices.select_for_update().order_by("pk").first()
    if device is None:
        outcome = Outcome()
    else:
        outcome = locked(device) or Outcome(
            device=device if device.verify_token(plain) else None,
            failures=device.throttling_failure_count,
        )
    name, address = user.get_username(), log_address(request)
    if outcome.accepted:
        verified(request, device)
        if kind == "herstelcode":
            outcome.recovery_left = device.token_set.count()
        logger.info("Tweestapscode juist: gebruiker=%s adres=%s middel=%s", name, address, kind)
    elif outcome.locked_until:
        logger.warning(
            "Tweestapscode geweigerd, te veel onjuiste codes: gebruiker=%s adres=%s "
            "middel=%s pogingen=%s",
            name,
            address,
            kind,
            outcome.failures,
        )
    else:
        logger.warning(
            "Tweestapscode onjuist: gebruiker=%s adres=%s middel=%s", name, address, kind
        )
    return outcome


def verified(request, device) -> None:
    """The session is signed in with a second factor from now on (a new session key: what
    was known of the half session is worth nothing)."""
    django_otp.login(request, device)
    request.session.cycle_key()
    request.tweestaps_nodig = False


# --- switching off ------------------------------------------------------------------------


@transaction.atomic
def remove_devices(user) -> int:
    """Remove the user's apps and recovery codes; how many devices there were."""
    count, _ = TOTPDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.filter(user=user)
    count += static.count()
    static.delete()
    if hasattr(user, "_tweestaps_device"):
        del user._tweestaps_device
    return count


def reset(user, request=None) -> int:
    """The beheerder resets the user's two-factor sign-in: every app and recovery code of the
    user is removed, so the next sign-in (and any open session) asks to set it up again where
    it is required. ``request``: who does it, for the log line. Returns how many devices there
    were."""
    count = remove_devices(user)
    by = request.user.get_username() if request is not None else "(systeem)"
    address = log_address(request)
    logger.warning(
        "Tweestapsverificatie hersteld (reset): gebruiker=%s door=%s adres=%s apparaten=%s",
        user.get_username(),
        by,
        address,
        count,
    )
    return count


def switch_off(request) -> int:
    """The user switches their own two-factor sign-in off (only where it is not required)."""
    count = remove_devices(request.user)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    logger.warning(
        "Tweestapsverificatie uitgeschakeld: gebruiker=%s adres=%s",
        request.user.get_username(),
        log_address(request),
    )
    return count


def status(user) -> dict:
    """What the account page shows: the app (since when, last used) and the recovery codes."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()
    return {
        "app": device,
        "verplicht": required_for(user),
        "herstelcodes": recovery_codes_left(user) if device else 0,
    }


def log_new_recovery_codes(request) -> None:
    logger.info(
        "Nieuwe herstelcodes gemaakt: gebruiker=%s adres=%s",
        request.user.get_username(),
        log_address(request),
    )
