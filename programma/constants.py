from django.db import models
from django.utils.translation import gettext_lazy as _


class Kleurstatus(models.TextChoices):
    """How a running opdracht is going (§7 of the programmaplan)."""

    GOED = "goed", _("Goed")
    RISICO = "risico", _("Risico")
    PROBLEEM = "probleem", _("Probleem")


class Uitvoering(models.TextChoices):
    """Where an opdracht stands in a report: not started (grey), running, or done (appendix)."""

    NIET_GESTART = "niet_gestart", _("Nog niet gestart")
    LOPEND = "lopend", _("Loopt")
    AFGEROND = "afgerond", _("Afgerond")


class Rapportagestatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VASTGESTELD = "vastgesteld", _("Verzonden aan de stuurgroep")
