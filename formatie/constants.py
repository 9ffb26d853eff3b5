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


class Pakketsoort(models.TextChoices):
    """Seed 001: what all gemeenten do together (basispakket) and what smaller, changing
    coalitions do (modulair); seed 004: basispakket and pluspakket."""

    BASIS = "basis", _("Basispakket (alle gemeenten, volgens de verdeelsleutel)")
    PLUS = "plus", _("Pluspakket of module (alleen de deelnemers)")


class Pakketverdeling(models.TextChoices):
    """How a pluspakket's costs are split over its deelnemers of a year."""

    INWONERS = "inwoners", _("Naar inwonertal van de deelnemers")
    GELIJK = "gelijk", _("In gelijke delen")
    EEN = "een", _("Geheel voor één gemeente")


# What the cost table and a gemeente's bill call their own columns ("Basispakket + each
# pluspakket = Totaal"): a pluspakket of that name would be taken for them.
GERESERVEERDE_PAKKETNAMEN = ("Basispakket", "Totaal")
GERESERVEERDE_NAAM_FOUT = (
    "Een pluspakket heet niet Basispakket of Totaal: zo heten de kolommen van de "
    "kostenverdeling en de rekening. Kies een andere naam."
)


def gereserveerde_pakketnaam(naam) -> bool:
    """Whether a pluspakket named ``naam`` would read as the basispakket or the total."""
    gewoon = " ".join(str(naam).split()).casefold()
    return gewoon in {n.casefold() for n in GERESERVEERDE_PAKKETNAMEN}


# The begrotingsjaren Regiekamer reads and computes (actual costs, voorschotten, pakket deelnames,
# the begrotingscyclus): far enough from date.min and date.max that every latest date of a
# cycle (a year before, two after, weeks either side) exists.
EERSTE_JAAR, LAATSTE_JAAR = 2000, 2100
