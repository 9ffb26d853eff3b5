from django.db import models
from django.utils.translation import gettext_lazy as _


class ConvenantStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    ONDERTEKEND = "ondertekend", _("Ondertekend")


class Herijkingssoort(models.TextChoices):
    HERIJKING = "herijking", _("Herijking (go/no-go)")
    EVALUATIE = "evaluatie", _("Evaluatie")


class Aanspreekvorm(models.TextChoices):
    DE_HEER = "de heer", _("de heer")
    MEVROUW = "mevrouw", _("mevrouw")
