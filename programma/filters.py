import django_filters

from regiekamer.filters import SearchFilterSet, ja_nee_filter

from .constants import Rapportagestatus
from .models import Opdracht, Programmaplan, Thema, Voortgangsrapportage


class ProgrammaplanFilterSet(SearchFilterSet):
    search_fields = ("titel", "aanleiding")

    class Meta:
        model = Programmaplan
        fields = ["q"]


class OpdrachtFilterSet(SearchFilterSet):
    search_fields = ("titel", "omschrijving", "verantwoordelijk_uitvoerder")
    thema = django_filters.ModelChoiceFilter(queryset=Thema.objects.none(), empty_label="(alle)")
    te_controleren = ja_nee_filter(label="Te controleren")
    stappen = ja_nee_filter(
        method="filter_deelopdrachten", label="Alleen deelopdrachten (geen opdracht met stappen)"
    )

    class Meta:
        model = Opdracht
        fields = ["q", "thema", "te_controleren", "stappen"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["thema"].queryset = Thema.objects.filter(
            plan__samenwerkingsverband=self.samenwerkingsverband
        )

    def filter_deelopdrachten(self, queryset, name, value):
        if value:
            return queryset.deelopdrachten()
        return queryset


class RapportageFilterSet(SearchFilterSet):
    search_fields = ("periode", "samenvatting")
    status = django_filters.ChoiceFilter(choices=Rapportagestatus.choices, empty_label="(alle)")
    voorbeeld = ja_nee_filter(label="Voorbeeld")

    class Meta:
        model = Voortgangsrapportage
        fields = ["q", "status", "voorbeeld"]
