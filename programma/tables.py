import django_tables2 as tables

from .models import Opdracht, Programmaplan, Voortgangsrapportage

CODE_ORDER = ("thema__nummer", "nummer", "stap")


class ProgrammaplanTable(tables.Table):
    titel = tables.Column(linkify=lambda record: record.get_absolute_url())
    periode = tables.Column(order_by=("jaar_van", "jaar_tot"), verbose_name="Periode")
    datum = tables.DateColumn(format="d-m-Y")
    aantal_themas = tables.Column(verbose_name="Thema's", attrs={"td": {"class": "num"}})

    class Meta:
        model = Programmaplan
        fields = ["titel", "periode", "versie", "datum", "van", "voor", "aantal_themas"]


class OpdrachtTable(tables.Table):
    code = tables.Column(
        verbose_name="Nr.",
        order_by=CODE_ORDER,
        linkify=lambda record: record.get_absolute_url(),
        attrs={"td": {"class": "nowrap"}},
    )
    titel = tables.Column(linkify=lambda record: record.get_absolute_url())
    thema = tables.Column(accessor="thema__naam", verbose_name="Thema")
    start = tables.DateColumn(format="d-m-Y", default="—")
    eind = tables.DateColumn(format="d-m-Y", default="—")
    te_controleren = tables.BooleanColumn(verbose_name="Controleren", yesno="controleren,")

    class Meta:
        model = Opdracht
        fields = ["code", "titel", "thema", "verantwoordelijk_uitvoerder", "start", "eind"]
        order_by = CODE_ORDER
        row_attrs = {"class": lambda record: "flagged" if record.te_controleren else ""}


class RapportageTable(tables.Table):
    periode = tables.Column(linkify=lambda record: record.get_absolute_url())
    peildatum = tables.DateColumn(format="d-m-Y")
    vastgesteld_op = tables.DateTimeColumn(format="d-m-Y H:i", default="—")
    aantal_oranje = tables.Column(verbose_name="Risico", attrs={"td": {"class": "num"}})
    aantal_rood = tables.Column(verbose_name="Probleem", attrs={"td": {"class": "num"}})
    voorbeeld = tables.BooleanColumn(yesno="voorbeeld,")

    class Meta:
        model = Voortgangsrapportage
        fields = [
            "periode",
            "peildatum",
            "status",
            "vastgesteld_op",
            "aantal_oranje",
            "aantal_rood",
        ]
        order_by = ("-peildatum",)
