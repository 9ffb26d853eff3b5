"""The raadsinformatiebrief as a printed letter, rendered by ``regiekamer.pdf``."""

from django.utils import formats, timezone

from brieven.opstellen import draft_letter, latest_letter, letter_view
from kosten.rapporten import data_state
from regiekamer.pdf import RapportFout

from .models import Raadsinformatiebrief


def _choices(sv) -> str:
    return ", ".join(sv.gemeenten.order_by("naam").values_list("naam", flat=True))


def find_gemeente(sv, naam: str | None):
    """The participating gemeente called ``naam`` (any case); a Dutch RapportFout otherwise."""
    if not naam:
        raise RapportFout(
            f"Kies een gemeente met --gemeente, bijvoorbeeld --gemeente Nederweert. "
            f"Deelnemende gemeenten van {sv.naam}: {_choices(sv)}."
        )
    gemeente = sv.gemeenten.filter(naam__iexact=naam.strip()).first()
    if gemeente is None:
        raise RapportFout(
            f"De gemeente '{naam}' neemt niet deel aan {sv.naam}. Kies uit: {_choices(sv)}."
        )
    return gemeente


def raadsinformatiebrief_report(
    sv, gemeente=None, jaar=None, brief=None, **options
) -> tuple[str, dict]:
    """The letter to a gemeente's council: its latest stored letter, else a draft.

    ``gemeente`` is the gemeente's name. ``brief`` (a pk), as the letter's own page passes it,
    prints exactly that letter. A sent letter prints its frozen text and figures; a concept
    takes the figures of this moment. ``jaar`` is not used: a letter carries its own date.
    """
    if brief is not None:
        letter = (
            Raadsinformatiebrief.objects.filter(samenwerkingsverband=sv, pk=brief)
            .select_related("samenwerkingsverband", "gemeente", "convenant")
            .first()
        )
        if letter is None:
            raise RapportFout(f"Geen raadsinformatiebrief {brief} in {sv.naam}.")
    else:
        found = find_gemeente(sv, gemeente)
        letter = latest_letter(sv, found) or draft_letter(sv, found)
    weergave = letter_view(letter)
    if weergave.fout:
        raise RapportFout(f"De brief kan niet worden afgedrukt: {weergave.fout}")
    if letter.is_frozen:
        stand = "verzonden op " + formats.date_format(
            timezone.localtime(letter.verzonden_op), "j F Y"
        )
    else:
        stand = "concept; " + (data_state(sv) or "bedragen van dit moment")
    context = {
        "titel": f"Raadsinformatiebrief gemeente {letter.gemeente.naam}",
        "orientatie": "staand brief",
        "gegevens_stand": stand,
        "weergave": weergave,
        "brief": letter,
    }
    return "rapporten/raadsinformatiebrief.html", context
