import django_tables2 as tables

from convenant.tables import NUMBER
from partijen.models import Gemeente
from regiekamer.opmaak import format_euro


class GemeenteTable(tables.Table):
    naam = tables.Column(linkify=True)
    laatste_inwonertal = tables.Column(verbose_name="Inwonertal", default="onbekend", attrs=NUMBER)
    laatste_peildatum = tables.DateColumn(verbose_name="Peildatum", format="d-m-Y")

    class Meta:
        model = Gemeente
        fields = ["naam", "plaats", "laatste_inwonertal", "laatste_peildatum"]

    def render_laatste_inwonertal(self, value):
        return format_euro(value)  # 50.000: a dot per thousand
