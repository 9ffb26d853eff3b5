import django_filters
from django.db.models import Q, QuerySet

from . import access

# What a number filter accepts: a database integer; a year (``__year``) as Python's dates know it.
NUMBER_BOUNDS = {"year": (1, 9999), "iso_year": (1, 9999)}
DEFAULT_BOUNDS = (-(2**63) + 1, 2**63 - 1)


def bound_number_filter(number_filter: django_filters.NumberFilter) -> None:
    """Give a number filter the bounds of what its lookup can take, so that ``?jaar=1e20`` is a
    refused filter value on the page, not a server error (an overflow in the database or in
    Python's dates)."""
    low, high = NUMBER_BOUNDS.get(number_filter.lookup_expr, DEFAULT_BOUNDS)
    number_filter.extra.setdefault("min_value", low)
    number_filter.extra.setdefault("max_value", high)


class JaNeeWidget(django_filters.widgets.BooleanWidget):
    """A yes/no filter whose empty choice reads "(alle)" instead of "Onbekend"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", "(alle)"), ("true", "Ja"), ("false", "Nee")]


def ja_nee_filter(**kwargs) -> django_filters.BooleanFilter:
    return django_filters.BooleanFilter(widget=JaNeeWidget, **kwargs)


class SearchFilterSet(django_filters.FilterSet):
    """A FilterSet with a free-text ``q`` over ``search_fields``.

    A list of one samenwerkingsverband passes it as ``samenwerkingsverband``, to scope choices.
    Every choice of rows (a gemeente, a samenwerkingsverband) offers only what the user may see.
    Every number filter accepts only what its lookup can take (``bound_number_filter``).
    """

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(method="search", label="Zoeken")

    def __init__(self, *args, samenwerkingsverband=None, **kwargs):
        self.samenwerkingsverband = samenwerkingsverband
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        for field in self.filters.values():
            if isinstance(field, django_filters.NumberFilter):
                bound_number_filter(field)
            queryset = getattr(field, "queryset", None)
            if user is not None and isinstance(queryset, QuerySet):
                field.queryset = access.scope(user, queryset)

    def search(self, queryset, name, value):
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition).distinct()
