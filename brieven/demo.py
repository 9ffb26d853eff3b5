"""Load the letters of the record (fixtures/mlw_brieven.json): sent letters, frozen as sent.

A letter of the documents is loaded as it was sent: its own date, its own text (no merge
fields, never merged again), its addressee block and signatories, ``verzonden_op`` on its date
and nobody as ``verzonden_door``. A second load finds the letter and leaves it alone: a sent
letter never changes, so an edited fixture is refused instead of silently ignored.
"""

from datetime import datetime, time

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.demo import parse_date

from .forms import RaadsinformatiebriefForm
from .models import Briefstatus, Raadsinformatiebrief

# What a second load compares: every field a user edits, and what sending stored.
STORED = [*RaadsinformatiebriefForm.Meta.fields, "status", "verzonden_adres", "bron"]


def _convenant(sv: Samenwerkingsverband, dagtekening):
    if dagtekening is None:
        return None
    convenant = sv.convenanten.filter(dagtekening=dagtekening).order_by("versie", "pk").first()
    if convenant is None:
        raise ImproperlyConfigured(f"Geen convenant van {sv.naam} met dagtekening {dagtekening}.")
    return convenant


def sent_letter(sv: Samenwerkingsverband, b: dict) -> Raadsinformatiebrief:
    """The unsaved letter as the fixture describes it, sent on its own date."""
    tekst = "\n\n".join(b["alineas"])
    datum = parse_date(b["datum"])
    return Raadsinformatiebrief(
        samenwerkingsverband=sv,
        gemeente=Gemeente.objects.get(naam=b["gemeente"]),
        convenant=_convenant(sv, parse_date(b.get("convenant_dagtekening"))),
        status=Briefstatus.VERZONDEN,
        plaats=b["plaats"],
        datum=datum,
        besluitdatum=parse_date(b.get("besluitdatum")),
        onderwerp=b["onderwerp"],
        kenmerk=b["kenmerk"],
        aanhef=b["aanhef"],
        tekst=tekst,
        slot=b["slot"],
        gemeentesecretaris=b["gemeentesecretaris"],
        burgemeester=b["burgemeester"],
        # Only the date is known; the pages show no time for a letter with a ``bron``.
        verzonden_op=timezone.make_aware(datetime.combine(datum, time.min)),
        verzonden_door=None,
        verzonden_adres="\n".join(b["geadresseerde"]),
        # The document's own text: it holds no merge fields and is never merged again.
        verzonden_tekst=tekst,
        verzonden_cijfers={},
        bron=b["bron"],
    )


def load_brieven_record(data: dict) -> None:
    sv = Samenwerkingsverband.objects.get(afkorting=data["samenwerkingsverband"])
    for b in data["brieven"]:
        brief = sent_letter(sv, b)
        stored = Raadsinformatiebrief.objects.filter(
            samenwerkingsverband=sv,
            gemeente=brief.gemeente,
            datum=brief.datum,
            onderwerp=brief.onderwerp,
        ).first()
        if stored is None:
            brief.full_clean()
            brief.save()
            continue
        changed = [n for n in STORED if getattr(stored, n) != getattr(brief, n)]
        if changed:
            raise ImproperlyConfigured(
                f"De verzonden brief '{brief.onderwerp}' aan {brief.gemeente.naam} verschilt "
                f"van de vastlegging ({', '.join(changed)}); een verzonden brief "
                "verandert niet."
            )
