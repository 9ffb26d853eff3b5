import django_filters
from django.db.models import Q, QuerySet

from . import access


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
    """

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(method="search", label="Zoeken")

    def __init__(self, *args, samenwerkingsverband=None, **kwargs):
        self.samenwerkingsverband = samenwerkingsverband
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        for field in self.filters.values():
            queryset = getattr(field, "queryset", None)
            if user is not None and isinstance(queryset, QuerySet):
                field.queryset = access.scope(user, queryset)

    def search(self, queryset, name, value):
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition).distinct()
