import django_filters

from regiekamer.filters import SearchFilterSet

from .constants import Pakketsoort, Pakketverdeling
from .models import Pakket


class PakketFilterSet(SearchFilterSet):
    search_fields = ("naam", "omschrijving", "deelnames__gemeente__naam")
    soort = django_filters.ChoiceFilter(choices=Pakketsoort.choices, empty_label="(alle)")
    verdeling = django_filters.ChoiceFilter(choices=Pakketverdeling.choices, empty_label="(alle)")

    class Meta:
        model = Pakket
        fields = ["q", "soort", "verdeling"]
