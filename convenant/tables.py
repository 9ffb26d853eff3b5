import django_tables2 as tables
from django.utils.dateformat import format as date_format

from partijen.models import Samenwerkingsverband

from .models import Convenant

NUMBER = {"td": {"class": "num"}, "th": {"class": "num"}}


class SamenwerkingsverbandTable(tables.Table):
    naam = tables.Column(linkify=True)
    aantal_gemeenten = tables.Column(verbose_name="Gemeenten", attrs=NUMBER)
    aantal_convenanten = tables.Column(verbose_name="Convenanten", attrs=NUMBER)

    class Meta:
        model = Samenwerkingsverband
        fields = ["naam", "afkorting", "juridische_vorm", "aantal_gemeenten", "aantal_convenanten"]


class ConvenantTable(tables.Table):
    titel = tables.Column(linkify=True, attrs={"td": {"class": "wide"}})
    samenwerkingsverband = tables.Column(
        linkify=lambda record: record.samenwerkingsverband.get_absolute_url(),
        accessor="samenwerkingsverband__afkorting",
        verbose_name="Verband",
    )
    # As exact as known: "2018" for a convenant the documents give only the year of.
    dagtekening = tables.Column(accessor="dagtekening_tekst", order_by="dagtekening")
    inwerkingtreding = tables.DateColumn(format="j-n-Y")
    # "geen" only when the text is known to set none; a convenant known only by name: unknown.
    einddatum = tables.Column(empty_values=())
    aantal_artikelen = tables.Column(verbose_name="Artikelen", attrs=NUMBER)

    def render_einddatum(self, record, value):
        if value:
            return date_format(value, "j-n-Y")
        return "onbekend" if record.zonder_tekst else "geen"

    def render_status(self, record, value):
        if record.zonder_tekst:
            return f"{value} (tekst niet vastgelegd)"
        return value

    class Meta:
        model = Convenant
        fields = [
            "titel",
            "versie",
            "samenwerkingsverband",
            "status",
            "dagtekening",
            "inwerkingtreding",
            "einddatum",
            "aantal_artikelen",
        ]
