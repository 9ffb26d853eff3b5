"""Filters of the voorstellen and process plannings (issue 21)."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from regiekamer.filters import SearchFilterSet, ja_nee_filter

from .constants import Orgaan
from .models import Behandeling, Procesplanning, Voorstel


def te_laat_behandelingen(op=None):
    """The lookups of "te laat" (``regiekamer.vagedatum.stand``): the latest planned day has
    passed and it was not dealt with."""
    op = op or timezone.localdate()
    return Q(gepland_uiterlijk__lt=op, datum__isnull=True)


class VoorstelFilterSet(SearchFilterSet):
    search_fields = ("titel", "omschrijving", "bron")
    orgaan = django_filters.ChoiceFilter(
        choices=Orgaan.choices,
        empty_label="(alle)",
        label="Langs",
        method="filter_orgaan",
    )
    te_laat = ja_nee_filter(method="filter_te_laat", label="Te laat")

    class Meta:
        model = Voorstel
        fields = ["q", "orgaan", "te_laat"]

    def filter_orgaan(self, queryset, name, value):
        return queryset.filter(
            Exists(Behandeling.objects.filter(voorstel=OuterRef("pk"), orgaan=value))
        )

    def filter_te_laat(self, queryset, name, value):
        laat = Exists(Behandeling.objects.filter(te_laat_behandelingen(), voorstel=OuterRef("pk")))
        return queryset.filter(laat) if value else queryset.exclude(laat)


class ProcesplanningFilterSet(SearchFilterSet):
    search_fields = ("naam", "toelichting", "stappen__stap")

    class Meta:
        model = Procesplanning
        fields = ["q"]
