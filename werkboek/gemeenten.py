"""What an import may do to the gemeenten it names, asked of ``regiekamer.access`` for each,
and what it reports back (:class:`ImportResult`)."""

from dataclasses import dataclass, field
from decimal import Decimal

from kosten.constants import Verdeelmethode
from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer import access

from .cellen import Problems, WerkboekFout, did_you_mean, format_decimal, key, show
from .kolommen import GEMEENTEN
from .lezen import Formatie


@dataclass
class ImportResult:
    samenwerkingsverband: Samenwerkingsverband
    gemeenten: int
    fasen: int
    rollen: int
    bezettingen: int
    verdeelmethode: str
    nieuwe_gemeenten: list[str] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A one-line Dutch summary, e.g. for the command line or a message."""
        text = (
            f"Formatie van {self.samenwerkingsverband.afkorting} ingelezen: "
            f"{_count(self.gemeenten, 'gemeente', 'gemeenten')}, "
            f"{_count(self.fasen, 'fase', 'fasen')}, "
            f"{_count(self.rollen, 'rol', 'rollen')} "
            f"({_count(self.bezettingen, 'bezetting', 'bezettingen')}); verdeelsleutel "
        )
        if self.verdeelmethode == Verdeelmethode.VASTGESTELD:
            text += "met vastgestelde percentages."
        else:
            text += "naar inwonertal."
        if self.nieuwe_gemeenten:
            text += " Nieuwe gemeenten: " + ", ".join(self.nieuwe_gemeenten) + "."
        return text


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def refuse_mistyped_gemeenten(formatie: Formatie, existing: dict) -> None:
    """A gemeente the app does not know is created by the import, unless its name is close to
    a known one: "Weerd" would take Weert's share. Refused before anything is written."""
    new = [r for r in formatie.gemeenten if key(r.naam) not in existing]
    if not new:
        return
    known = list(Gemeente.objects.values_list("naam", flat=True))
    problems = Problems()
    for rij in new:
        hint = did_you_mean(rij.naam, known)
        if hint:
            problems.cell(
                GEMEENTEN, rij.row, "gemeente", f'"{rij.naam}" is geen bekende gemeente.{hint}'
            )
    if problems.messages:
        raise WerkboekFout(problems.messages)


def check_shared_gemeenten(formatie: Formatie, sv, existing: dict, user) -> set[int]:
    """Refuse (:class:`WerkboekFout`) what ``user`` may not do to the existing gemeenten the
    workbook names: bring in one of another samenwerkingsverband, or change the inwonertal of
    one they may not edit. An inwonertal equal to the one the kostenverdeling uses at the
    peildatum is no change: returns the gemeenten whose inwonertallen the import leaves alone."""
    problems = Problems()
    kept = set()
    deelnemers = set(sv.gemeenten.values_list("pk", flat=True))
    for rij in formatie.gemeenten:
        gemeente = existing.get(key(rij.naam))
        if gemeente is None:
            continue  # a new gemeente: created by the import
        if gemeente.pk not in deelnemers and not access.may_attach_gemeente(user, gemeente):
            message = access.gemeente_refusal(
                gemeente, f"de gemeente aan {sv.afkorting} toe te voegen"
            )
            problems.cell(GEMEENTEN, rij.row, "gemeente", message)
            continue
        # A scenario's inwonertallen are its own (``Inwonertal.scenario``): no real figure changes.
        if sv.is_scenario or access.may_edit_gemeente(user, gemeente, joining=sv):
            continue
        kept.add(gemeente.pk)
        if rij.inwonertal is None:
            continue
        known = (
            gemeente.inwonertallen.filter(peildatum__lte=formatie.peildatum)
            .order_by("-peildatum")
            .first()
        )
        if known is not None and known.aantal == rij.inwonertal:
            continue
        message = access.gemeente_refusal(gemeente, "het inwonertal te wijzigen")
        peildatum = show(formatie.peildatum)
        if known is None:
            message += f" Er is geen inwonertal op of vóór {peildatum}."
        else:
            message += (
                f" Op {peildatum} telt {gemeente.naam} {format_decimal(Decimal(known.aantal))} "
                "inwoners: neem dat getal over."
            )
        problems.cell(GEMEENTEN, rij.row, "inwonertal", message)
    if problems.messages:
        raise WerkboekFout(problems.messages)
    return kept
