import django_tables2 as tables

from .models import Convenant, Gemeente, Samenwerkingsverband

NUMBER = {"td": {"class": "num"}, "th": {"class": "num"}}


class SamenwerkingsverbandTable(tables.Table):
    naam = tables.Column(linkify=True)
    aantal_gemeenten = tables.Column(verbose_name="Gemeenten", attrs=NUMBER)
    aantal_convenanten = tables.Column(verbose_name="Convenanten", attrs=NUMBER)

    class Meta:
        model = Samenwerkingsverband
        fields = ["naam", "afkorting", "juridische_vorm", "aantal_gemeenten", "aantal_convenanten"]


class GemeenteTable(tables.Table):
    naam = tables.Column(linkify=True)
    laatste_inwonertal = tables.Column(verbose_name="Inwonertal", default="onbekend", attrs=NUMBER)
    laatste_peildatum = tables.DateColumn(verbose_name="Peildatum", format="d-m-Y")

    class Meta:
        model = Gemeente
        fields = ["naam", "plaats", "laatste_inwonertal", "laatste_peildatum"]


class ConvenantTable(tables.Table):
    titel = tables.Column(linkify=True, attrs={"td": {"class": "wide"}})
    samenwerkingsverband = tables.Column(
        linkify=lambda record: record.samenwerkingsverband.get_absolute_url(),
        accessor="samenwerkingsverband__afkorting",
        verbose_name="Verband",
    )
    dagtekening = tables.DateColumn(format="d-m-Y")
    inwerkingtreding = tables.DateColumn(format="d-m-Y")
    einddatum = tables.DateColumn(format="d-m-Y", default="geen")
    aantal_artikelen = tables.Column(verbose_name="Artikelen", attrs=NUMBER)

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
