import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q

from regiekamer.filters import SearchFilterSet

from . import rules
from .tables import ACTIEF, GEBLOKKEERD, GEDEACTIVEERD, UITGENODIGD

STATUSSEN = [(s, s) for s in (ACTIEF, UITGENODIGD, GEDEACTIVEERD, GEBLOKKEERD)]


class GebruikerFilterSet(SearchFilterSet):
    search_fields = ("first_name", "last_name", "email", "username")
    rol = django_filters.ChoiceFilter(
        label="Rol", empty_label="(alle)", field_name="groups__name", distinct=True
    )
    samenwerkingsverband = django_filters.ModelChoiceFilter(
        label="Samenwerkingsverband", empty_label="(alle)", queryset=None, method="in_sv"
    )
    status = django_filters.ChoiceFilter(
        label="Status", empty_label="(alle)", choices=STATUSSEN, method="by_status"
    )

    class Meta:
        model = get_user_model()
        fields = ["q", "rol", "samenwerkingsverband", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        self.filters["rol"].extra["choices"] = rules.role_choices(user)
        self.filters["samenwerkingsverband"].queryset = rules.samenwerkingsverband_choices(user)

    def in_sv(self, queryset, name, value):
        return queryset.filter(
            Q(toegang__samenwerkingsverbanden=value)
            | Q(toegang__stuurgroep_samenwerkingsverbanden=value)
        ).distinct()

    def by_status(self, queryset, name, value):
        if value == GEDEACTIVEERD:
            return queryset.filter(is_active=False)
        active = queryset.filter(is_active=True)
        if value == GEBLOKKEERD:
            return active.filter(geblokkeerd=True)
        invited = Q(last_login__isnull=True, password__startswith="!")
        if value == UITGENODIGD:
            return active.filter(invited, geblokkeerd=False)
        return active.filter(geblokkeerd=False).exclude(invited)
