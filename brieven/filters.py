import django_filters

from partijen.models import Gemeente
from regiekamer.filters import SearchFilterSet

from .models import Briefstatus, Raadsinformatiebrief


class RaadsinformatiebriefFilterSet(SearchFilterSet):
    search_fields = ("onderwerp", "kenmerk", "tekst", "verzonden_tekst")
    gemeente = django_filters.ModelChoiceFilter(
        queryset=Gemeente.objects.none(), label="Gemeente", empty_label="(alle)"
    )
    status = django_filters.ChoiceFilter(
        choices=Briefstatus.choices, label="Status", empty_label="(alle)"
    )

    class Meta:
        model = Raadsinformatiebrief
        fields = ["q", "gemeente", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.samenwerkingsverband is not None:
            self.filters["gemeente"].queryset = self.samenwerkingsverband.gemeenten.all()
