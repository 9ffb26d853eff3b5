"""The kernel's one table: the data version of every samenwerkingsverband (``dataversie``)."""

from django.db import models

from .declarations import SHARED


class Dataversie(models.Model):
    """The version of one samenwerkingsverband's data (``sleutel`` "sv:<id>"), or of the data
    every samenwerkingsverband shares ("*"). Every write moves it to a new random token in the
    same transaction (``regiekamer.dataversie``); cached figures are keyed on it."""

    sleutel = models.CharField("sleutel", max_length=32, primary_key=True)
    versie = models.BigIntegerField("versie")

    # No user reads or edits it: the kernel keeps it.
    access_scope = SHARED

    class Meta:
        verbose_name = "dataversie"
        verbose_name_plural = "dataversies"

    def __str__(self) -> str:
        return f"{self.sleutel}: {self.versie}"
