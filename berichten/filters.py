import django_filters

from regiekamer.filters import SearchFilterSet

from .constants import Berichtsoort, Verzendstatus
from .models import POST_OFFICE_STATUS, Bericht


class BerichtFilterSet(SearchFilterSet):
    search_fields = ("onderwerpregel", "ontvanger_naam", "ontvanger_email")
    soort = django_filters.ChoiceFilter(
        choices=Berichtsoort.choices, label="Soort", empty_label="(alle)"
    )
    status = django_filters.ChoiceFilter(
        choices=Verzendstatus.choices, label="Status", empty_label="(alle)", method="by_status"
    )

    class Meta:
        model = Bericht
        fields = ["q", "soort", "status"]

    def by_status(self, queryset, name, value):
        if value == Verzendstatus.GEEN_ADRES:
            return queryset.filter(ontvanger_email="")
        if value == Verzendstatus.OPGERUIMD:
            return queryset.exclude(ontvanger_email="").filter(email__isnull=True)
        codes = [code for code, status in POST_OFFICE_STATUS.items() if status == value]
        return queryset.exclude(ontvanger_email="").filter(email__status__in=codes)
