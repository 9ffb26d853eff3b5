"""The raadsinformatiebrief as a printed letter, rendered by ``regiekamer.pdf``: the
gemeente's letter (its letterhead and signatories, ``brieven.weergave``), laid out by the same
template as its page (``brieven/includes/brief.html``), without the reports' "uit Regiekamer"
header and footer (``rapporten/brief_base.html``)."""

from brieven.opstellen import draft_letter, latest_letter, letter_view
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
    context = {
        "titel": f"Raadsinformatiebrief gemeente {letter.gemeente.naam}",
        "weergave": weergave,
        "brief": letter,
    }
    return "rapporten/raadsinformatiebrief.html", context
