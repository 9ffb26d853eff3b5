from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdeelmethode(models.TextChoices):
    VASTGESTELD = "vastgesteld", _("Vastgestelde percentages")
    INWONERTAL = "inwonertal", _("Naar inwonertal op een peildatum")
