"""Tables of the voorstellen and process plannings (issue 21)."""

import django_tables2 as tables
from django.utils.html import format_html

from regiekamer.vagedatum import Stand

from .constants import Orgaan
from .models import Procesplanning, Voorstel
from .route import orgaanstand

# The colour of a state, always with its words (never colour alone).
STAND_KLASSE = {
    Stand.GEDAAN: "stand-gedaan",
    Stand.LATER_GEDAAN: "stand-later",
    Stand.TE_LAAT: "stand-te-laat",
    Stand.GEPLAND: "stand-gepland",
    Stand.ONGEPLAND: "stand-gepland",
}


def stand_html(code: str, tekst: str | None = None):
    return format_html(
        '<span class="stand {}">{}</span>', STAND_KLASSE[code], tekst or Stand.WOORDEN[code]
    )


class VoorstelTable(tables.Table):
    titel = tables.Column(linkify=lambda record: record.get_absolute_url())
    colleges = tables.Column(verbose_name="Colleges", empty_values=(), orderable=False)
    raden = tables.Column(verbose_name="Raden", empty_values=(), orderable=False)
    stand = tables.Column(verbose_name="Stand", empty_values=(), orderable=False)

    class Meta:
        model = Voorstel
        fields = ["titel", "colleges", "raden", "stand"]

    def _stand(self, record, orgaan):
        return orgaanstand(record.behandelingen.all(), orgaan)

    def _render(self, record, orgaan):
        s = self._stand(record, orgaan)
        if not s.totaal:
            return "—"
        if s.te_laat:
            return stand_html(Stand.TE_LAAT, s.tekst)
        return stand_html(Stand.GEDAAN if s.klaar else Stand.GEPLAND, s.tekst)

    def render_colleges(self, record):
        return self._render(record, Orgaan.COLLEGE)

    def render_raden(self, record):
        return self._render(record, Orgaan.RAAD)

    def value_colleges(self, record):
        return self._stand(record, Orgaan.COLLEGE).tekst

    def value_raden(self, record):
        return self._stand(record, Orgaan.RAAD).tekst

    def _algemeen(self, record) -> str:
        standen = [self._stand(record, o) for o in Orgaan.values]
        standen = [s for s in standen if s.totaal]
        if not standen:
            return Stand.ONGEPLAND
        if any(s.te_laat for s in standen):
            return Stand.TE_LAAT
        return Stand.GEDAAN if all(s.klaar for s in standen) else Stand.GEPLAND

    def render_stand(self, record):
        code = self._algemeen(record)
        woorden = {Stand.ONGEPLAND: "Nog geen route", Stand.GEDAAN: "Besloten"}
        return stand_html(code, woorden.get(code))

    def value_stand(self, record):
        return Stand.WOORDEN[self._algemeen(record)]


class ProcesplanningTable(tables.Table):
    naam = tables.Column(linkify=lambda record: record.get_absolute_url())
    aantal_stappen = tables.Column(verbose_name="Stappen", attrs={"td": {"class": "num"}})
    eerste = tables.DateColumn(verbose_name="Eerste stap vanaf", format="j-n-Y")
    laatste = tables.DateColumn(verbose_name="Laatste stap uiterlijk", format="j-n-Y")

    class Meta:
        model = Procesplanning
        fields = ["naam", "jaar", "aantal_stappen", "eerste", "laatste"]
