"""The overview of a samenwerkingsverband's begrotingsjaren: per year the next open step, its
latest date and where it stands (``kalender.volgende_termijn`` on that one year)."""

import django_tables2 as tables
from django.utils.html import format_html

from .constants import Stapstatus
from .kalender import DAGEN, volgende_termijn

# A status in colour and word (the colours of the programme's kleurstatus, app.css).
KLEUR = {
    Stapstatus.OPEN: "kleur-plan",
    Stapstatus.VERLOPEN: "kleur-probleem",
    Stapstatus.OP_TIJD: "kleur-goed",
    Stapstatus.TE_LAAT: "kleur-risico",
}


def status_html(status: str):
    return format_html('<span class="kleur {}">{}</span>', KLEUR[status], Stapstatus(status).label)


def cyclus_rijen(cycli, gemeenten, vandaag) -> list[dict]:
    """One row per begrotingsjaar (``cycli`` with zienswijzen prefetched): no query per row."""
    rijen = []
    for cyclus in cycli:
        volgende = volgende_termijn([cyclus], gemeenten, vandaag)
        rij = {
            "cyclus": cyclus,
            "jaar": cyclus.jaar,
            "vaststelling_begroting": cyclus.vaststelling_begroting,
            "stap": "",
            "uiterste_datum": None,
            "status": "",
        }
        if volgende is not None:
            termijn = volgende[1]
            rij |= {
                "stap": termijn.naam,
                "uiterste_datum": termijn.uiterste_datum,
                "status": termijn.status(vandaag),
            }
        rijen.append(rij)
    return rijen


class CyclusTable(tables.Table):
    jaar = tables.Column(
        verbose_name="Begrotingsjaar",
        linkify=lambda record: record["cyclus"].get_absolute_url(),
        attrs={"td": {"class": "jaar"}},
    )
    vaststelling_begroting = tables.DateColumn(
        verbose_name="Vaststelling begroting",
        format="d-m-Y",
        default="nog niet gepland",
        attrs={"td": {"data-label": "Vaststelling begroting"}},
    )
    stap = tables.Column(
        verbose_name="Volgende stap",
        default="alle stappen gezet",
        attrs={"td": {"data-label": "Volgende stap"}},
    )
    uiterste_datum = tables.Column(
        verbose_name="Uiterste datum",
        default="—",
        attrs={"td": {"data-label": "Uiterste datum", "class": "datum"}},
    )
    status = tables.Column(
        verbose_name="Status", default="—", attrs={"td": {"data-label": "Status"}}
    )

    class Meta:
        orderable = False
        attrs = {"class": "table cycli"}

    def render_uiterste_datum(self, value):
        return f"{DAGEN[value.weekday()]} {value:%d-%m-%Y}"

    def render_status(self, value):
        return status_html(value)
