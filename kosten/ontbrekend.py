"""What keeps the cost table from being computed, and where to fix it.

The engine names each missing amount (``verdeling.Ontbrekend``); this adds the form that fixes
it, so every page says the same thing: the kostenverdeling, its PDF, the verrekening, the
dashboard, the formation page, the message after a save, the rol form.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .verdeling import PAKKET, SCHAAL, SLEUTEL, KostenFout, Ontbrekend

NIET_BEREKEND = "De kostenverdeling kan niet worden berekend."


@dataclass(frozen=True)
class Herstel:
    """One missing amount: what is missing (Dutch) and the form that fixes it."""

    tekst: str
    url: str
    label: str


def herstel(sv, ontbrekend: Ontbrekend) -> Herstel:
    if ontbrekend.soort == SCHAAL:
        query = urlencode({"schaal": ontbrekend.schaal, "jaar": ontbrekend.jaar})
        url = f"{reverse('formatie:salarisschalen', args=[sv.afkorting])}?{query}"
        return Herstel(ontbrekend.tekst, url, f"Bedrag voor schaal {ontbrekend.schaal} invullen")
    if ontbrekend.soort == SLEUTEL:
        url = reverse("kosten:verdeelsleutel-create", args=[sv.afkorting])
        return Herstel(ontbrekend.tekst, url, "Verdeelsleutel vastleggen")
    if ontbrekend.soort == PAKKET:
        url = reverse("formatie:pakket-list", args=[sv.afkorting])
        return Herstel(ontbrekend.tekst, url, "Pakketten bijwerken")
    url = reverse("formatie:rol-update", args=[sv.afkorting, ontbrekend.rol_id])
    return Herstel(ontbrekend.tekst, url, f"Uurtarief van {ontbrekend.rol} invullen")


def herstellen(sv, ontbrekend) -> list[Herstel]:
    return [herstel(sv, o) for o in ontbrekend]


def herstellen_fout(sv, fout: KostenFout) -> list[Herstel]:
    """The links that fix ``fout``: one per missing amount, the form of the pakket whose
    deelnemers or verdeling stop the calculation, or where the inwonertallen are recorded."""
    if fout.pakket_id is not None:
        url = reverse("formatie:pakket-update", args=[sv.afkorting, fout.pakket_id])
        return [Herstel(str(fout), url, "Pakket bewerken")]
    if fout.inwonertallen and sv.is_scenario:
        url = reverse("scenarios:scenario-update", args=[sv.afkorting])
        return [Herstel(str(fout), url, "Inwonertallen van het scenario invullen")]
    if fout.inwonertallen:
        return [Herstel(str(fout), reverse("gemeenten:gemeente-list"), "Naar de gemeenten")]
    return herstellen(sv, fout.ontbrekend)


def fout_context(sv, fout: KostenFout) -> dict:
    """Template context for a cost table that cannot be computed: ``fout`` (the whole
    message) and ``herstel`` (each missing amount with its link; empty for another cause)."""
    return {"fout": str(fout), "herstel": herstellen_fout(sv, fout)}


def fout_html(sv, fout: KostenFout, vooraf: str = "", gevolg: str = NIET_BEREKEND):
    """One message (safe HTML) for after a save: ``vooraf`` (what was saved), ``gevolg``
    (what cannot be computed), why, and the links that fix it."""
    items = herstellen_fout(sv, fout)
    if not items:
        return format_html("{} {} {}", vooraf, gevolg, str(fout))
    links = format_html_join(
        " ", '{} <a href="{}">{}</a>.', ((h.tekst, h.url, h.label) for h in items)
    )
    return format_html("{} {} {}", vooraf, gevolg, links)


ROL_ZONDER_BEDRAG = "Zonder dit bedrag kunnen de kosten van deze rol niet worden berekend."


def rol_html(sv, ontbrekend, vooraf: str = ""):
    """The warning for a rol that lacks an amount (``Rol.ontbrekende_bedragen``)."""
    return fout_html(sv, KostenFout(ontbrekend=ontbrekend), vooraf, ROL_ZONDER_BEDRAG)
