import django_filters

from regiekamer.filters import SearchFilterSet

from .constants import ConvenantStatus, JuridischeVorm
from .models import Convenant, Gemeente, Samenwerkingsverband


class SamenwerkingsverbandFilterSet(SearchFilterSet):
    search_fields = ("naam", "afkorting")

    juridische_vorm = django_filters.ChoiceFilter(
        choices=JuridischeVorm.choices, label="Juridische vorm", empty_label="(alle)"
    )

    class Meta:
        model = Samenwerkingsverband
        fields = ["q", "juridische_vorm"]


class GemeenteFilterSet(SearchFilterSet):
    search_fields = ("naam", "plaats")
    samenwerkingsverband = django_filters.ModelChoiceFilter(
        field_name="samenwerkingsverbanden",
        queryset=Samenwerkingsverband.objects.all(),
        label="Samenwerkingsverband",
        empty_label="(alle)",
    )

    class Meta:
        model = Gemeente
        fields = ["q", "samenwerkingsverband"]


class ConvenantFilterSet(SearchFilterSet):
    search_fields = ("titel", "artikelen__tekst")
    status = django_filters.ChoiceFilter(
        choices=ConvenantStatus.choices, label="Status", empty_label="(alle)"
    )
    jaar = django_filters.NumberFilter(field_name="dagtekening", lookup_expr="year", label="Jaar")
    samenwerkingsverband = django_filters.ModelChoiceFilter(
        queryset=Samenwerkingsverband.objects.all(),
        label="Samenwerkingsverband",
        empty_label="(alle)",
    )

    class Meta:
        model = Convenant
        fields = ["q", "samenwerkingsverband", "status", "jaar"]
