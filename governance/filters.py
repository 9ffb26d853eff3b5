import django_filters
from django.db.models import Q
from django.utils import timezone

from regiekamer.filters import SearchFilterSet, ja_nee_filter

from .constants import Actiestatus, Besluitroute, Besluituitkomst, Gremiumsoort, Vergaderstatus
from .models import Actiepunt, Besluit, Gremium, Knelpunt, Vergadering


class ScopedFilterSet(SearchFilterSet):
    """Gremium choices limited to the page's samenwerkingsverband."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "gremium" in self.filters and self.samenwerkingsverband is not None:
            self.filters["gremium"].queryset = Gremium.objects.filter(
                samenwerkingsverband=self.samenwerkingsverband
            )


class GremiumFilterSet(ScopedFilterSet):
    search_fields = ("naam", "doel")
    soort = django_filters.ChoiceFilter(choices=Gremiumsoort.choices, empty_label="(alle)")
    historisch = ja_nee_filter(method="filter_historisch", label="Historisch")

    class Meta:
        model = Gremium
        fields = ["q", "soort", "historisch"]

    def filter_historisch(self, queryset, name, value):
        """Historisch: so marked, or past its date of opheffing (Gremium.is_historisch)."""
        voorbij = Q(historisch=True) | Q(opgeheven__lte=timezone.localdate())
        return queryset.filter(voorbij) if value else queryset.exclude(voorbij)


class BesluitFilterSet(ScopedFilterSet):
    search_fields = ("tekst", "agendapunt__titel")
    gremium = django_filters.ModelChoiceFilter(
        queryset=Gremium.objects.none(), empty_label="(alle)"
    )
    uitkomst = django_filters.ChoiceFilter(choices=Besluituitkomst.choices, empty_label="(alle)")
    route = django_filters.ChoiceFilter(choices=Besluitroute.choices, empty_label="(alle)")
    vanaf = django_filters.DateFilter(field_name="datum", lookup_expr="gte", label="Vanaf")
    tot = django_filters.DateFilter(field_name="datum", lookup_expr="lte", label="Tot en met")

    class Meta:
        model = Besluit
        fields = ["q", "gremium", "uitkomst", "route", "vanaf", "tot"]


class VergaderingFilterSet(ScopedFilterSet):
    search_fields = ("gremium__naam", "locatie", "agendapunten__titel")
    gremium = django_filters.ModelChoiceFilter(
        queryset=Gremium.objects.none(), empty_label="(alle)"
    )
    status = django_filters.ChoiceFilter(choices=Vergaderstatus.choices, empty_label="(alle)")
    wanneer = django_filters.ChoiceFilter(
        choices=[("komend", "Komend"), ("geweest", "Geweest")],
        empty_label="(alle)",
        method="filter_wanneer",
        label="Komend of geweest",
    )
    jaar = django_filters.NumberFilter(field_name="begin", lookup_expr="year", label="Jaar")

    class Meta:
        model = Vergadering
        fields = ["q", "gremium", "status", "wanneer", "jaar"]

    def filter_wanneer(self, queryset, name, value):
        now = timezone.now()
        if value == "komend":
            return queryset.filter(begin__gte=now)
        if value == "geweest":
            return queryset.filter(begin__lt=now)
        return queryset


class ActiepuntFilterSet(ScopedFilterSet):
    search_fields = ("omschrijving",)
    gremium = django_filters.ModelChoiceFilter(
        queryset=Gremium.objects.none(), empty_label="(alle)"
    )
    status = django_filters.ChoiceFilter(choices=Actiestatus.choices, empty_label="(alle)")
    te_laat = ja_nee_filter(method="filter_te_laat", label="Te laat")
    mijn = ja_nee_filter(method="filter_mijn", label="Mijn acties")

    class Meta:
        model = Actiepunt
        fields = ["q", "gremium", "status", "te_laat", "mijn"]

    def filter_te_laat(self, queryset, name, value):
        if value:
            return queryset.te_laat()
        return queryset

    def filter_mijn(self, queryset, name, value):
        if value and self.request is not None:
            return queryset.filter(eigenaar__gebruiker=self.request.user)
        return queryset


class KnelpuntFilterSet(ScopedFilterSet):
    search_fields = ("omschrijving", "oplossing", "ingebracht_door")
    open = ja_nee_filter(field_name="opgelost_op", lookup_expr="isnull", label="Open")

    class Meta:
        model = Knelpunt
        fields = ["q", "open"]
