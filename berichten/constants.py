from django.db import models
from django.utils.translation import gettext_lazy as _


class Berichtsoort(models.TextChoices):
    """What a message is about: every kind of e-mail Regiekamer sends."""

    RAPPORTAGE = "rapportage", _("Voortgangsrapportage")
    RAADSINFORMATIEBRIEF = "raadsinformatiebrief", _("Raadsinformatiebrief")
    KOPIE = "kopie", _("Kopie aan de afzender")
    UITNODIGING = "uitnodiging", _("Uitnodiging vergadering")
    WIJZIGING = "wijziging", _("Wijziging vergadering")
    AFZEGGING = "afzegging", _("Afzegging vergadering")
    ACTIE = "actie", _("Actie toegewezen")
    HERINNERING = "herinnering", _("Herinnering actie")


class Verzendstatus(models.TextChoices):
    """Where one message to one recipient stands, as the outbox shows it."""

    VERZONDEN = "verzonden", _("verzonden")
    WACHTRIJ = "wachtrij", _("in de wachtrij")
    MISLUKT = "mislukt", _("mislukt")
    GEEN_ADRES = "geen_adres", _("niet verzonden: geen e-mailadres")
    # The stored e-mail was deleted (post-office's ``cleanup_mail`` of old mail): what became
    # of it is no longer known, and there is nothing left to send again.
    OPGERUIMD = "opgeruimd", _("niet meer bewaard")
