import django_filters

from partijen.constants import JuridischeVorm
from partijen.models import Samenwerkingsverband
from regiekamer.filters import SearchFilterSet

from .constants import ConvenantStatus
from .models import Convenant


class SamenwerkingsverbandFilterSet(SearchFilterSet):
    search_fields = ("naam", "afkorting")

    juridische_vorm = django_filters.ChoiceFilter(
        choices=JuridischeVorm.choices, label="Juridische vorm", empty_label="(alle)"
    )

    class Meta:
        model = Samenwerkingsverband
        fields = ["q", "juridische_vorm"]


class ConvenantFilterSet(SearchFilterSet):
    search_fields = ("titel", "artikelen__tekst")
    status = django_filters.ChoiceFilter(
        choices=ConvenantStatus.choices, label="Status", empty_label="(alle)"
    )
    jaar = django_filters.NumberFilter(field_name="dagtekening", lookup_expr="year", label="Jaar")
    samenwerkingsverband = django_filters.ModelChoiceFilter(
        queryset=Samenwerkingsverband.objects.echt(),
        label="Samenwerkingsverband",
        empty_label="(alle)",
    )

    class Meta:
        model = Convenant
        fields = ["q", "samenwerkingsverband", "status", "jaar"]
