from django.db import models
from django.utils.translation import gettext_lazy as _


class Kostensoort(models.TextChoices):
    """How a rol is paid (Bijlage 1, Financieel overzicht)."""

    SCHAAL = "schaal", _("Salarisschaal (integrale jaarkosten per fte)")
    UUR = "uur", _("Inhuur (uurtarief × uren)")
    VAST = "vast", _("Vast bedrag per fase")


class Werkgroepsoort(models.TextChoices):
    STRUCTUREEL = "structureel", _("Structureel")
    THEMATISCH = "thematisch", _("Thematisch")
