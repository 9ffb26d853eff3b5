from django.db import models
from django.utils.translation import gettext_lazy as _


class Stap(models.TextChoices):
    """The steps of the begrotingscyclus of begrotingsjaar Y (Wgr art. 34, 34b, 35); the codes
    are those of ``manage.py begrotingskalender``."""

    KADERS = "kaders", _("Algemene financiële en beleidsmatige kaders naar de raden")
    ONTWERPBEGROTING = "ontwerpbegroting", _("Ontwerpbegroting naar de raden")
    ZIENSWIJZEN = "zienswijzen", _("Zienswijzen van de raden en reactie daarop")
    BEGROTING_GS = "begroting_gs", _("Vastgestelde begroting naar Gedeputeerde Staten")
    VOORLOPIGE_JAARREKENING = (
        "voorlopige_jaarrekening",
        _("Voorlopige jaarrekening naar de raden"),
    )
    JAARREKENING_GS = "jaarrekening_gs", _("Vastgestelde jaarrekening naar Gedeputeerde Staten")


class Stapstatus(models.TextChoices):
    """Where a step stands on a day (codes of the calendar's ``status`` column)."""

    OPEN = "open", _("Open")
    VERLOPEN = "verlopen", _("Termijn verstreken")
    OP_TIJD = "op_tijd", _("Op tijd gedaan")
    TE_LAAT = "te_laat", _("Te laat gedaan")
