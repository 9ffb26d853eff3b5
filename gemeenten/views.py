"""The pages of a gemeente: its own data, inwonertallen and budgets, its samenwerkingsverbanden
and its contactpersonen. They gather from kosten/ and governance/, so they stand above both."""

from django.http import Http404
from django.views.generic import DetailView

from governance.query import contactpersonen
from kosten.forms import GemeenteBudgetFormSet
from partijen import forms
from partijen.models import Functionaris, Gemeente, Inwonertal
from regiekamer import access
from regiekamer.history import history_rows
from regiekamer.logo import serve_logo
from regiekamer.views import (
    ObjectCreateView,
    ObjectListView,
    ObjectUpdateView,
    ScopedQuerysetMixin,
    UserFormMixin,
)

from .filters import GemeenteFilterSet
from .tables import GemeenteTable


class GemeenteListView(ObjectListView):
    queryset = Gemeente.objects.with_latest_inwonertal().order_by("naam")
    filterset_class = GemeenteFilterSet
    table_class = GemeenteTable
    create_url_name = "gemeenten:gemeente-create"


class GemeenteDetailView(ScopedQuerysetMixin, DetailView):
    model = Gemeente
    template_name = "gemeenten/gemeente_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        gemeente = self.object
        context["inwonertallen"] = gemeente.inwonertallen.all()
        context["functionarissen"] = gemeente.functionarissen.all()
        context["samenwerkingsverbanden"] = access.scope(
            self.request.user, gemeente.samenwerkingsverbanden.echt()
        )
        context["can_edit"] = access.can(self.request.user, "change", gemeente)
        context["contactpersonen"] = contactpersonen(gemeente)
        context["history"] = history_rows(
            gemeente.history.all(),
            Inwonertal.history.filter(gemeente_id=gemeente.pk),
            Functionaris.history.filter(gemeente_id=gemeente.pk),
        )
        return context


class GemeenteLogoView(ScopedQuerysetMixin, DetailView):
    """The letterhead's logo, for an <img> on the gemeente's and its letters' pages: only for
    who may see the gemeente, as a download that never runs (``regiekamer.logo``)."""

    model = Gemeente

    def get(self, request, *args, **kwargs):
        gemeente = self.get_object()
        if not gemeente.logo:
            raise Http404("Deze gemeente heeft geen logo.")
        return serve_logo(gemeente.logo, gemeente.logo_bestandsnaam or f"logo {gemeente.naam}")


class GemeenteCreateView(UserFormMixin, ObjectCreateView):
    model = Gemeente
    form_class = forms.GemeenteForm
    # The letterhead's functionarissen follow on the edit page.
    formset_classes = {"inwonertallen": forms.InwonertalFormSet}


class GemeenteUpdateView(UserFormMixin, ObjectUpdateView):
    """The gemeente's own data: address for council mail, letterhead (logo, functionarissen
    who sign), contactpersoon, inwonertallen and budgets (also for an official of that
    gemeente)."""

    model = Gemeente
    form_class = forms.GemeenteForm
    formset_classes = {
        "inwonertallen": forms.InwonertalFormSet,
        "functionarissen": forms.FunctionarisFormSet,
        "budgetten": GemeenteBudgetFormSet,
    }

    def get_formset_kwargs(self, name):
        if name == "budgetten":
            visible = self.object.samenwerkingsverbanden.echt()
            return {"samenwerkingsverbanden": access.scope(self.request.user, visible)}
        return {}
