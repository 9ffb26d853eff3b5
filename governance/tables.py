import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from regiekamer import datums

from .models import Actiepunt, Besluit, Gremium, Knelpunt, Vergadering
from .vergaderinfo import plaats


class GremiumTable(tables.Table):
    naam = tables.Column(linkify=lambda record: record.get_absolute_url())
    looptijd = tables.Column(
        verbose_name="Bestaan", empty_values=(), order_by=("ingesteld", "opgeheven")
    )
    aantal_leden = tables.Column(verbose_name="Leden", attrs={"td": {"class": "num"}})
    historisch = tables.Column(verbose_name="Historisch", empty_values=(), orderable=False)

    class Meta:
        model = Gremium
        fields = [
            "naam",
            "soort",
            "periode",
            "looptijd",
            "cadans",
            "voorzitter",
            "aantal_leden",
            "historisch",
        ]

    def render_looptijd(self, record):
        return record.looptijd or "—"

    def value_looptijd(self, record):
        return record.looptijd

    def render_historisch(self, record):
        return "ja" if record.is_historisch else "nee"


class BesluitTable(tables.Table):
    # 'vóór 5-7-2021', 'datum onbekend': sorted by the date, the unknown ones last both ways.
    datum = tables.Column(accessor="datum_tekst", verbose_name="Datum", order_by=("datum",))
    gremium = tables.Column(linkify=lambda record: record.gremium.get_absolute_url())
    tekst = tables.Column(verbose_name="Besluit")
    vergadering = tables.Column(
        accessor="agendapunt__vergadering",
        verbose_name="Vergadering",
        linkify=lambda record: (
            record.agendapunt.vergadering.get_absolute_url() if record.agendapunt else None
        ),
        default="—",
    )

    class Meta:
        model = Besluit
        fields = ["datum", "gremium", "tekst", "uitkomst", "route", "vergadering"]

    def render_tekst(self, value, record):
        if not record.bron:
            return value
        return format_html('{}<br><small class="pm">Bron: {}</small>', value, record.bron)

    def value_tekst(self, value, record):
        return value

    def order_datum(self, queryset, is_descending):
        key = datums.sort_key("datum", descending=is_descending)
        return queryset.order_by(key, "gremium__naam", "-pk" if is_descending else "pk"), True


class ActiepuntTable(tables.Table):
    omschrijving = tables.Column()
    gremium = tables.Column(linkify=lambda record: record.gremium.get_absolute_url())
    deadline = tables.DateColumn(format="d-m-Y")
    eigenaar = tables.Column(default="—")
    # The column of the "Gereed" buttons: a head for a screen reader, none to see.
    actie = tables.TemplateColumn(
        template_name="governance/actiepunt_gereed.html",
        verbose_name=mark_safe('<span class="visually-hidden">Afhandelen</span>'),
        orderable=False,
    )

    class Meta:
        model = Actiepunt
        fields = ["omschrijving", "gremium", "eigenaar", "deadline", "status", "actie"]
        row_attrs = {"class": lambda record: "overdue" if record.is_overdue() else ""}

    def render_deadline(self, value, record):
        if value is None:
            return "—"
        text = value.strftime("%d-%m-%Y")
        return f"{text} (te laat)" if record.is_overdue(timezone.localdate()) else text


class KnelpuntTable(tables.Table):
    omschrijving = tables.Column(linkify=lambda record: record.get_absolute_url())
    datum = tables.DateColumn(format="d-m-Y")
    geescaleerd_op = tables.DateColumn(format="d-m-Y", default="—", verbose_name="Geëscaleerd")
    opgelost_op = tables.DateColumn(format="d-m-Y", default="open", verbose_name="Opgelost")

    class Meta:
        model = Knelpunt
        fields = ["datum", "omschrijving", "ingebracht_door", "geescaleerd_op", "opgelost_op"]


class VergaderingTable(tables.Table):
    begin = tables.DateTimeColumn(
        format="D j F Y, H:i",
        verbose_name="Datum en tijd",
        linkify=lambda record: record.get_absolute_url(),
    )
    gremium = tables.Column(linkify=lambda record: record.gremium.get_absolute_url())
    plaats = tables.Column(
        accessor="locatie",
        verbose_name="Locatie",
        order_by=("locatie", "locatie_gemeente__naam"),
        empty_values=(),
    )
    voorzitter = tables.Column(default="—")
    aantal_agendapunten = tables.Column(verbose_name="Agendapunten", attrs={"td": {"class": "num"}})

    class Meta:
        model = Vergadering
        fields = ["begin", "gremium", "plaats", "voorzitter", "status", "aantal_agendapunten"]
        row_attrs = {"class": lambda record: "cancelled" if record.is_geannuleerd else ""}

    def render_plaats(self, record):
        return plaats(record) or "—"

    def value_plaats(self, record):
        return plaats(record)
