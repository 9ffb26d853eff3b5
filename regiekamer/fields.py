"""Model fields for amounts a user types: their form field is the Dutch ``GetalField``.

Used in every app's models, so the browser forms, the formsets and the admin all read
``0,5``, ``73.000`` and ``€ 950.000`` and show ``0,50`` and ``58.500`` (``regiekamer.getallen``).
The database columns are those of Django's DecimalField and PositiveIntegerField.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms import NumberInput

from .getallen import AANTAL, BEDRAG, FTE, PERCENTAGE, UREN, GetalField, GetalInput


def _limits(field) -> dict:
    limits = {}
    for validator in field.validators:
        if isinstance(validator, MinValueValidator):
            limits["min_value"] = validator.limit_value
        elif isinstance(validator, MaxValueValidator):
            limits["max_value"] = validator.limit_value
    return limits


class _GetalModelField:
    kind = BEDRAG
    whole = False

    def formfield(self, **kwargs):
        widget = kwargs.get("widget")
        # The admin offers its number inputs (type=number) for integer columns: not for amounts.
        if (
            widget is None
            or isinstance(widget, NumberInput)
            or (isinstance(widget, type) and issubclass(widget, NumberInput))
        ):
            kwargs["widget"] = GetalInput(self.kind)
        defaults = {"form_class": GetalField, "kind": self.kind, **_limits(self)}
        if self.whole:
            defaults["whole"] = True
        return super().formfield(**{**defaults, **kwargs})


class BedragField(_GetalModelField, models.DecimalField):
    """Euros: ``58.500``, ``1.234,50``."""

    kind = BEDRAG


class FteField(_GetalModelField, models.DecimalField):
    """Fte, always shown with two decimals: ``0,50``."""

    kind = FTE


class PercentageField(_GetalModelField, models.DecimalField):
    kind = PERCENTAGE


class UrenField(_GetalModelField, models.DecimalField):
    kind = UREN


class AantalField(_GetalModelField, models.PositiveIntegerField):
    """A whole number of things (inwoners): ``50.250``."""

    kind = AANTAL
    whole = True


class AantalKleinField(_GetalModelField, models.PositiveSmallIntegerField):
    """A small whole number of things (vergaderingen per jaar)."""

    kind = AANTAL
    whole = True
