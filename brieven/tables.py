import django_tables2 as tables
from django.utils import formats, timezone

from .models import Raadsinformatiebrief


class RaadsinformatiebriefTable(tables.Table):
    gemeente = tables.Column(accessor="gemeente__naam", verbose_name="Gemeente")
    onderwerp = tables.Column(linkify=lambda record: record.get_absolute_url())
    datum = tables.DateColumn(format="d-m-Y", default="—")
    kenmerk = tables.Column(default="—")
    verzonden_op = tables.DateTimeColumn(format="d-m-Y H:i", default="—")

    class Meta:
        model = Raadsinformatiebrief
        fields = ["gemeente", "onderwerp", "datum", "kenmerk", "status", "verzonden_op"]

    def render_status(self, value, record):
        """Verzonden, and when the griffie's e-mail did not arrive at the mail server, why."""
        if record.griffie_verzending:
            return f"{value} (aan de griffie {record.griffie_verzending})"
        return value

    def value_status(self, value, record):
        return self.render_status(value, record)

    def render_verzonden_op(self, value, record):
        """A letter taken over from the documents has a date of sending, no time."""
        if record.bron:
            return formats.date_format(timezone.localtime(value), "d-m-Y")
        return formats.date_format(timezone.localtime(value), "d-m-Y H:i")
