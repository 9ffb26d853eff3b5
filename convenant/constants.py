from django.db import models
from django.utils.translation import gettext_lazy as _


class ConvenantStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    ONDERTEKEND = "ondertekend", _("Ondertekend")
