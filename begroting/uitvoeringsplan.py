"""The uitvoeringsplan of a begrotingsjaar: which pluspakketten each gemeente of the
samenwerkingsverband takes that year (from the Pakketdeelnames) with its share of their costs
(the kostenverdeling), and the changes a user ticks, written through
``formatie.deelname.zet_deelname`` for that one year."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Prefetch

from formatie.deelname import check_deelnemers, neemt_deel, zet_deelname
from formatie.models import Pakket, Pakketdeelname
from kosten.gegevens import load_kostenverdeling
from kosten.verdeling import KostenFout

from .models import Begrotingscyclus


class UitvoeringsplanForm(forms.ModelForm):
    class Meta:
        model = Begrotingscyclus
        fields = ["uitvoeringsplan"]
        widgets = {"uitvoeringsplan": forms.Textarea(attrs={"rows": 6})}


@dataclass
class Cel:
    pakket: Pakket
    neemt: bool
    bedrag: Decimal | None  # the gemeente's share of the pakket's costs that year
    gemeente_pk: int

    @property
    def sleutel(self) -> str:
        """The checkbox's value: pakket and gemeente."""
        return f"{self.pakket.pk}-{self.gemeente_pk}"


@dataclass
class Rij:
    gemeente: object
    cellen: list[Cel]
    basis: Decimal | None
    totaal: Decimal | None


@dataclass
class Plan:
    jaar: int
    pakketten: list[Pakket]
    rijen: list[Rij]
    fout: str = ""  # why the costs cannot be shown
    zonder_deelnemers: list[Pakket] = field(default_factory=list)  # taken by every gemeente

    def cel(self, sleutel: str) -> Cel | None:
        return next((c for r in self.rijen for c in r.cellen if c.sleutel == sleutel), None)


def matrix(sv, jaar: int) -> Plan:
    """Gemeente × pluspakket for ``jaar``: ticked where a period row covers the year (a pakket
    without any deelname is taken by every gemeente), with the shares of the kostenverdeling
    (none where the formation cannot be costed, ``fout`` says why)."""
    pakketten = list(
        Pakket.objects.plus()
        .filter(samenwerkingsverband=sv)
        .order_by("volgorde", "naam")
        .prefetch_related(Prefetch("deelnames", queryset=Pakketdeelname.objects.all()))
    )
    gemeenten = list(sv.gemeenten.order_by("naam"))
    kv, fout = None, ""
    try:
        kv = load_kostenverdeling(sv)
    except KostenFout as error:
        fout = f"De kosten zijn niet te berekenen: {error}"
    if kv is not None and jaar not in kv.jaren:
        kv, fout = None, f"In {jaar} heeft de formatie geen kosten."
    plan = Plan(jaar, pakketten, [], fout)
    plan.zonder_deelnemers = [p for p in pakketten if not p.deelnames.all()]
    for gemeente in gemeenten:
        cellen = []
        for pakket in pakketten:
            eigen = [d for d in pakket.deelnames.all() if d.gemeente_id == gemeente.pk]
            neemt = neemt_deel(eigen, jaar) or pakket in plan.zonder_deelnemers
            bedrag = kv.aandeel_pakket(gemeente.naam, jaar, pakket.pk) if kv else None
            cellen.append(Cel(pakket, neemt, bedrag, gemeente.pk))
        basis = kv.aandeel_pakket(gemeente.naam, jaar, None) if kv else None
        totaal = kv.aandeel(gemeente.naam, jaar) if kv else None
        plan.rijen.append(Rij(gemeente, cellen, basis, totaal))
    return plan


def gekozen(plan: Plan, aangevinkt: list[str], geopend: list[str]) -> dict[str, bool]:
    """The cells the user changed: ticked now (``aangevinkt``) against ticked when the page was
    opened (``geopend``); a change someone else made meanwhile to another cell is left alone.
    An unknown cell (a pakket or gemeente not of this page) refuses the whole form."""
    for sleutel in [*aangevinkt, *geopend]:
        if plan.cel(sleutel) is None:
            raise ValidationError(
                "het formulier noemt een pakket of gemeente die niet (meer) bij dit "
                "samenwerkingsverband hoort. Laad de pagina opnieuw."
            )
    nu, toen = set(aangevinkt), set(geopend)
    return {sleutel: sleutel in nu for sleutel in sorted(nu ^ toen)}


def sla_op(plan: Plan, keuzes: dict[str, bool]) -> list[str]:
    """Write each chosen cell for the plan's year; what changed, in Dutch. Call it inside a
    transaction: a refused cell (ValidationError) must undo the others."""
    gedaan = []
    # Leaving before taking part: a 'geheel voor één gemeente' pakket changes hands in one save.
    for sleutel, neemt in sorted(keuzes.items(), key=lambda keuze: keuze[1]):
        cel = plan.cel(sleutel)
        rij = next(r for r in plan.rijen if cel in r.cellen)
        if zet_deelname(cel.pakket, rij.gemeente, plan.jaar, neemt):
            gedaan.append(f"{rij.gemeente} neemt {cel.pakket} {'af' if neemt else 'niet meer af'}")
    for pakket in {plan.cel(sleutel).pakket for sleutel in keuzes}:
        check_deelnemers(pakket, plan.jaar)
    return gedaan
