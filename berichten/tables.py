import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from .models import Bericht


class BerichtTable(tables.Table):
    aangemaakt = tables.DateTimeColumn(format="d-m-Y H:i", verbose_name="Aangemaakt")
    soort = tables.Column(verbose_name="Soort")
    # Through a redirect: the subject's own address costs a query per row to compute.
    onderwerpregel = tables.Column(
        verbose_name="Onderwerp",
        linkify=lambda record: reverse(
            "berichten:bericht-onderwerp", args=[record.samenwerkingsverband.afkorting, record.pk]
        ),
    )
    ontvanger_naam = tables.Column(verbose_name="Ontvanger")
    ontvanger_email = tables.Column(verbose_name="E-mailadres", default="—")
    status = tables.Column(empty_values=(), orderable=False, verbose_name="Status")

    class Meta:
        model = Bericht
        fields = [
            "aangemaakt",
            "soort",
            "onderwerpregel",
            "ontvanger_naam",
            "ontvanger_email",
            "status",
        ]
        order_by = "-aangemaakt"

    def render_status(self, record):
        if record.reden:
            return format_html("{}: {}", record.status_label, record.reden)
        return record.status_label
