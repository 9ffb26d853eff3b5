"""Drafting, sending and showing a raadsinformatiebrief (its merge fields: ``brieven.velden``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partijen.models import Functie, Gemeente, Samenwerkingsverband

from .models import Briefstatus, Raadsinformatiebrief
from .velden import addressee_lines, merge, missing_values, standard_text
from .weergave import signatory_names


def latest_letter(sv: Samenwerkingsverband, gemeente: Gemeente) -> Raadsinformatiebrief | None:
    """The gemeente's most recently stored letter in this samenwerkingsverband."""
    return (
        Raadsinformatiebrief.objects.filter(samenwerkingsverband=sv, gemeente=gemeente)
        .select_related("samenwerkingsverband", "gemeente", "convenant")
        .order_by("-pk")
        .first()
    )


def draft_letter(sv: Samenwerkingsverband, gemeente: Gemeente) -> Raadsinformatiebrief:
    """An unsaved concept letter, prefilled: the standard text, and the place of the
    gemeente's previous letter. A signatory the gemeente's letterhead knows stays empty, so the
    letterhead decides on the letter's own date (``Gemeente.ondertekenaars_op``); one it does not
    know is taken from the previous letter (or stays empty)."""
    convenant = sv.convenanten.huidig()
    vorige = latest_letter(sv, gemeente)
    bekend = gemeente.ondertekenaars_op(timezone.localdate())

    def signatory(functie, vorige_naam):
        return "" if functie in bekend or vorige is None else vorige_naam

    return Raadsinformatiebrief(
        samenwerkingsverband=sv,
        gemeente=gemeente,
        convenant=convenant,
        plaats=vorige.plaats if vorige else (gemeente.plaats or gemeente.naam),
        onderwerp=f"Samenwerking {sv.naam}",
        aanhef=vorige.aanhef if vorige else "Geachte leden van de gemeenteraad,",
        tekst=standard_text(convenant),
        slot=vorige.slot if vorige else "Met vriendelijke groet,",
        burgemeester=signatory(Functie.BURGEMEESTER, vorige and vorige.burgemeester),
        gemeentesecretaris=signatory(
            Functie.GEMEENTESECRETARIS, vorige and vorige.gemeentesecretaris
        ),
    )


def letterhead_gaps(brief: Raadsinformatiebrief, datum: date) -> list[str]:
    """What the gemeente's letterhead or the letter must still give before the letter can go to
    the council: the address for council mail, and a name for each signatory on ``datum``."""
    gemeente = brief.gemeente
    gaps = []
    if not (gemeente.adres and gemeente.postcode and gemeente.plaats):
        gaps.append(
            f"Vul het adres voor raadspost van {gemeente.naam} in (adres, postcode en plaats, "
            f"op de pagina van de gemeente)."
        )
    for functie, naam in signatory_names(brief, datum).items():
        if not naam:
            gaps.append(
                f"Vul de naam van de {functie.label.lower()} in bij de brief, of in het "
                f"briefhoofd van {gemeente.naam}."
            )
    return gaps


@transaction.atomic
def send_letter(brief: Raadsinformatiebrief, user) -> Raadsinformatiebrief:
    """Send the letter to the council: store its merged text, figures and address; freeze it."""
    locked = (
        # Lock only the letter's own row (PostgreSQL cannot lock the nullable convenant join).
        Raadsinformatiebrief.objects.select_for_update(of=("self",))
        .select_related("samenwerkingsverband", "gemeente", "convenant")
        .get(pk=brief.pk)
    )
    if locked.is_frozen:
        raise ValidationError("Deze raadsinformatiebrief is al verzonden.")
    locked.datum = locked.datum or timezone.localdate()
    locked.full_clean()
    fields = locked.velden()
    missing = missing_values(locked.tekst, fields) + letterhead_gaps(locked, locked.datum)
    if missing:
        raise ValidationError(" ".join(["De brief is niet verzonden.", *missing]))
    locked.verzonden_tekst = merge(locked.tekst, fields)
    locked.verzonden_cijfers = {name: str(value) for name, value in fields.items()}
    locked.verzonden_adres = "\n".join(addressee_lines(locked.gemeente))
    # The signatories are frozen with the letter: a name left empty is the letterhead's on the
    # letter's date, now, and never changes afterwards.
    names = signatory_names(locked, locked.datum)
    locked.burgemeester = names[Functie.BURGEMEESTER]
    locked.gemeentesecretaris = names[Functie.GEMEENTESECRETARIS]
    locked.verzonden_op = timezone.now()
    locked.verzonden_door = user if user is not None and user.is_authenticated else None
    locked.status = Briefstatus.VERZONDEN
    locked.save()
    return locked


@dataclass
class Briefweergave:
    """A letter as it is shown and printed: frozen when sent, merged with today's figures else."""

    brief: Raadsinformatiebrief
    geadresseerde: list[str]
    datum: date
    tekst: str
    velden: dict[str, str] = field(default_factory=dict)
    fout: str = ""
    # What the letter must still give before it can be sent (a field without a value yet).
    ontbreekt: list[str] = field(default_factory=list)

    @property
    def verzonden(self) -> bool:
        return self.brief.is_frozen


def letter_view(brief: Raadsinformatiebrief) -> Briefweergave:
    if brief.is_frozen:
        return Briefweergave(
            brief=brief,
            geadresseerde=brief.verzonden_adres.splitlines(),
            datum=brief.datum,
            tekst=brief.verzonden_tekst,
            velden=dict(brief.verzonden_cijfers),
        )
    fields = brief.velden()
    weergave = Briefweergave(
        brief=brief,
        geadresseerde=addressee_lines(brief.gemeente),
        datum=brief.peildatum,
        tekst="",
        ontbreekt=missing_values(brief.tekst, fields) + letterhead_gaps(brief, brief.peildatum),
    )
    weergave.velden = dict(fields)
    try:
        weergave.tekst = merge(brief.tekst, fields)
    except ValidationError as error:
        weergave.tekst, weergave.fout = brief.tekst, " ".join(error.messages)
    return weergave
