import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from convenant.tables import NUMBER
from partijen.models import Samenwerkingsverband


class ScenarioTable(tables.Table):
    """A real samenwerkingsverband's scenario's, each with its own pages."""

    naam = tables.Column(
        verbose_name="Scenario",
        linkify=lambda record: reverse("scenarios:scenario-detail", args=[record.afkorting]),
    )
    afkorting = tables.Column(verbose_name="Afkorting")
    aantal_gemeenten = tables.Column(verbose_name="Gemeenten", attrs=NUMBER, orderable=True)
    toelichting = tables.Column(verbose_name="Toelichting", orderable=False, default="—")
    paginas = tables.Column(verbose_name="Pagina's", empty_values=(), orderable=False)

    class Meta:
        model = Samenwerkingsverband
        fields = ["naam", "afkorting", "aantal_gemeenten", "toelichting", "paginas"]
        order_by = "naam"

    def render_toelichting(self, value):
        return value if len(value) <= 160 else value[:157].rstrip() + "…"

    # Set by the page when the user may delete the scenario's (the regiegroep).
    may_delete = False

    def render_paginas(self, record):
        links = format_html(
            '<a href="{}">Formatie</a> · <a href="{}">Kostenverdeling</a>',
            reverse("formatie:bezetting", args=[record.afkorting]),
            reverse("kosten:kostenverdeling", args=[record.afkorting]),
        )
        if self.may_delete:
            links = format_html(
                '{} · <a href="{}">Verwijderen</a>',
                links,
                reverse("scenarios:scenario-delete", args=[record.afkorting]),
            )
        return links
