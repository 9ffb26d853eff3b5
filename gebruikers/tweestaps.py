"""Two-factor sign-in (helper B writes the real module; this stub only lets gebruikersbeheer
reset a user's devices)."""

import logging

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger("regiekamer.security")


def reset(user) -> int:
    """Delete the user's authenticator apps and recovery codes; the number deleted."""
    deleted = 0
    for model in (TOTPDevice, StaticDevice):
        count, _ = model.objects.filter(user=user).delete()
        deleted += count
    logger.info("Tweestapsverificatie gereset: gebruiker=%s", user.get_username())
    return deleted
