import django_filters

from partijen.models import Gemeente, Samenwerkingsverband
from regiekamer.filters import SearchFilterSet


class GemeenteFilterSet(SearchFilterSet):
    search_fields = ("naam", "plaats")
    samenwerkingsverband = django_filters.ModelChoiceFilter(
        field_name="samenwerkingsverbanden",
        queryset=Samenwerkingsverband.objects.echt(),
        label="Samenwerkingsverband",
        empty_label="(alle)",
    )

    class Meta:
        model = Gemeente
        fields = ["q", "samenwerkingsverband"]
