"""Whether a gemeente takes a pluspakket in one begrotingsjaar, written into the period rows
(Pakketdeelname ``vanaf_jaar`` .. ``tot_en_met_jaar``, empty = open) without touching any other
year: a row around the year is split in two, shortened at its edge or deleted when it held only
that year; a new year joins the rows right before and after it (and merges them), else becomes
a row of its own. Every change is a save or delete of a row, so its history is kept.

Used by the uitvoeringsplan of the begrotingscyclus (begroting/views_raden.py); tests call it
directly (tests/formatie/test_deelname.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from partijen.models import Samenwerkingsverband

from .constants import EERSTE_JAAR, LAATSTE_JAAR, Pakketsoort, Pakketverdeling
from .models import Pakketdeelname


def neemt_deel(deelnames, jaar: int) -> bool:
    """Whether any of a gemeente's period rows covers ``jaar``."""
    return any(d.covers(jaar) for d in deelnames)


def _is_lid(pakket, gemeente) -> bool:
    """Whether ``gemeente`` takes part in the samenwerkingsverband of ``pakket``."""
    return Samenwerkingsverband.gemeenten.through.objects.filter(
        samenwerkingsverband_id=pakket.samenwerkingsverband_id, gemeente_id=gemeente.pk
    ).exists()


def check_deelname(pakket, gemeente, jaar: int) -> None:
    """Why ``gemeente`` cannot take ``pakket`` in ``jaar`` (ValidationError in Dutch): the
    basispakket is taken by every gemeente, only gemeenten of the samenwerkingsverband take
    part, and 'geheel voor één gemeente' has one deelnemer a year."""
    if pakket.soort == Pakketsoort.BASIS:
        raise ValidationError(
            f"{pakket} is een basispakket: iedere gemeente neemt het af, volgens de verdeelsleutel."
        )
    if not _is_lid(pakket, gemeente):
        raise ValidationError(f"{gemeente} neemt geen deel aan dit samenwerkingsverband.")
    if pakket.verdeling == Pakketverdeling.EEN:
        andere = [
            d
            for d in pakket.deelnames.exclude(gemeente=gemeente).select_related("gemeente")
            if d.covers(jaar)
        ]
        if andere:
            raise ValidationError(
                f"{pakket} is geheel voor één gemeente: in {jaar} neemt "
                f"{andere[0].gemeente} het al af."
            )


def check_deelnemers(pakket, jaar: int) -> None:
    """Refuse (ValidationError in Dutch) a pluspakket with rollen that nobody takes in ``jaar``
    while it has deelnemers in other years: its costs of that year would fall to nobody and the
    whole kostenverdeling could not be made (kosten.gegevens.pakket_sleutel). Asked after all
    of a form's cells are written, so that a swap of deelnemers in one save is allowed."""
    if pakket.soort == Pakketsoort.BASIS or not pakket.rollen.exists():
        return
    deelnames = list(Pakketdeelname.objects.filter(pakket=pakket))
    if deelnames and not any(d.covers(jaar) for d in deelnames):
        raise ValidationError(
            f"in {jaar} zou niemand {pakket} afnemen, zodat niemand de kosten van het pakket "
            f"in {jaar} draagt. Laat ten minste één gemeente het pakket afnemen, of zet de "
            "rollen van het pakket in een ander pakket."
        )


@transaction.atomic
def zet_deelname(pakket, gemeente, jaar: int, neemt: bool) -> bool:
    """Make ``gemeente`` take (``neemt``) or not take ``pakket`` in begrotingsjaar ``jaar``,
    changing no other year. Returns whether anything changed. Refuses (ValidationError) what
    ``check_deelname`` refuses when taking part, and a year outside 2000-2100 (a period row
    would get a year the database cannot hold, or a year before its start)."""
    if not isinstance(jaar, int) or not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise ValidationError(
            f"{jaar} is geen begrotingsjaar: kies een jaar tussen {EERSTE_JAAR} en {LAATSTE_JAAR}."
        )
    if pakket.soort == Pakketsoort.BASIS:
        check_deelname(pakket, gemeente, jaar)  # refused: every gemeente takes it
    if not _is_lid(pakket, gemeente):  # before anything is written out, also when leaving
        raise ValidationError(f"{gemeente} neemt geen deel aan dit samenwerkingsverband.")
    if not Pakketdeelname.objects.filter(pakket=pakket).exists():
        # A pluspakket without deelnemers is taken by every gemeente in every year
        # (kosten.gegevens.pakket_deelnemers): written out first, so that no other gemeente or
        # year changes when one cell does.
        for eigen in pakket.samenwerkingsverband.gemeenten.all():
            Pakketdeelname.objects.create(pakket=pakket, gemeente=eigen)
    rijen = list(
        Pakketdeelname.objects.select_for_update()
        .filter(pakket=pakket, gemeente=gemeente)
        .order_by("vanaf_jaar", "pk")
    )
    dekkend = [d for d in rijen if d.covers(jaar)]
    if neemt:
        if dekkend:
            return False
        check_deelname(pakket, gemeente, jaar)
        ervoor = next((d for d in rijen if d.tot_en_met_jaar == jaar - 1), None)
        erna = next((d for d in rijen if d.vanaf_jaar == jaar + 1), None)
        if ervoor and erna:
            ervoor.tot_en_met_jaar = erna.tot_en_met_jaar
            erna.delete()
            ervoor.save()
        elif ervoor:
            ervoor.tot_en_met_jaar = jaar
            ervoor.save()
        elif erna:
            erna.vanaf_jaar = jaar
            erna.save()
        else:
            Pakketdeelname.objects.create(
                pakket=pakket, gemeente=gemeente, vanaf_jaar=jaar, tot_en_met_jaar=jaar
            )
        return True
    if not dekkend:
        return False
    laatste = [d for d in dekkend if d.vanaf_jaar == jaar and d.tot_en_met_jaar == jaar]
    if (
        laatste
        and not Pakketdeelname.objects.filter(pakket=pakket)
        .exclude(pk__in=[d.pk for d in laatste])
        .exists()
    ):
        raise ValidationError(
            f"{gemeente} is de laatste deelnemer van {pakket}: zonder deelnemers neemt iedere "
            "gemeente het pakket af. Verwijder het pakket of kies eerst een andere deelnemer."
        )
    for rij in dekkend:  # one, unless stored periods overlap: every one loses the year
        vanaf, tot = rij.vanaf_jaar, rij.tot_en_met_jaar
        if vanaf == jaar and tot == jaar:
            rij.delete()
        elif vanaf == jaar:
            rij.vanaf_jaar = jaar + 1
            rij.save()
        elif tot == jaar:
            rij.tot_en_met_jaar = jaar - 1
            rij.save()
        else:  # the year lies inside the period: split it around the year
            rij.tot_en_met_jaar = jaar - 1
            rij.save()
            Pakketdeelname.objects.create(
                pakket=pakket, gemeente=gemeente, vanaf_jaar=jaar + 1, tot_en_met_jaar=tot
            )
    return True
