"""Raadsinformatiebrieven in the browser: list, draft, edit, preview, print and send."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import DetailView

from berichten.models import Bericht
from berichten.verzenden import announce, verzendlijst
from brieven.opstellen import draft_letter, letter_view
from brieven.verzenden import mail_letter, pdf_filename
from regiekamer.history import history_rows
from regiekamer.pdf import make_pdf
from regiekamer.views import (
    EditPermissionMixin,
    FrozenRedirectMixin,
    ObjectCreateView,
    ObjectUpdateView,
    PdfDownloadMixin,
    RealOnlyMixin,
    SamenwerkingsverbandFormMixin,
    SamenwerkingsverbandListView,
    SamenwerkingsverbandMixin,
    query_pk,
)

from .filters import RaadsinformatiebriefFilterSet
from .forms import RaadsinformatiebriefForm
from .models import Raadsinformatiebrief
from .rapporten import raadsinformatiebrief_report
from .tables import RaadsinformatiebriefTable
from .velden import ESCAPE_HELP, field_help, merge_fields

BRIEF_RELATED = ("samenwerkingsverband", "gemeente", "convenant", "verzonden_door")


def list_url(afkorting: str) -> str:
    return reverse("brieven:brief-list", args=[afkorting])


SCENARIO_TEXT = (
    "Een scenario krijgt geen raadsinformatiebrieven: een brief gaat over het echte "
    "samenwerkingsverband."
)


class BriefListView(RealOnlyMixin, SamenwerkingsverbandListView):
    scenario_text = SCENARIO_TEXT
    queryset = Raadsinformatiebrief.objects.select_related(
        "samenwerkingsverband", "gemeente"
    ).prefetch_related(Prefetch("berichten", queryset=Bericht.objects.select_related("email")))
    table_class = RaadsinformatiebriefTable
    filterset_class = RaadsinformatiebriefFilterSet
    template_name = "brieven/brief_list.html"
    title = "Raadsinformatiebrieven"
    create_url_name = "brieven:brief-create"


class BriefScopedMixin(SamenwerkingsverbandMixin):
    def get_queryset(self):
        return Raadsinformatiebrief.objects.filter(
            samenwerkingsverband=self.get_samenwerkingsverband()
        ).select_related(*BRIEF_RELATED)


class BriefFormMixin(SamenwerkingsverbandFormMixin):
    model = Raadsinformatiebrief
    form_class = RaadsinformatiebriefForm
    template_name = "brieven/brief_form.html"

    def field_rows_for(self, form):
        """The merge fields and their values now, for the panel beside the editor."""
        instance = form.instance
        gemeente = instance.gemeente if instance.gemeente_id else self.chosen_gemeente()
        if gemeente is None:
            return None
        sv = self.get_samenwerkingsverband()
        convenant = instance.convenant if instance.convenant_id else sv.convenanten.huidig()
        return merge_fields(
            sv,
            gemeente,
            convenant,
            peildatum=instance.peildatum,
            besluitdatum=instance.besluitdatum,
        )

    def chosen_gemeente(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["intro"] = (
            "Velden tussen rechte haken, zoals [gemeente] of [aandeel_totaal], worden bij het "
            "tonen en afdrukken ingevuld, met de bedragen van dat moment en het herijkingsmoment "
            "na de datum van de brief. Bij het verzenden worden tekst en bedragen vastgelegd. "
            f"{ESCAPE_HELP} Een alinea van één regel die begint met '# ' is een tussenkop."
        )
        fields = self.field_rows_for(context["form"])
        if fields is not None:
            context["velden"] = field_help(fields)
            context["kosten_fout"] = fields.kosten_fout
        return context


class BriefCreateView(RealOnlyMixin, BriefFormMixin, ObjectCreateView):
    """First the gemeente, then the prefilled concept (the standard text with merge fields)."""

    scenario_text = SCENARIO_TEXT
    success_message = "Brief opgesteld als concept."

    def chosen_gemeente(self):
        pk = query_pk(self.request, "gemeente")
        if pk is None:
            return None
        return self.get_samenwerkingsverband().gemeenten.filter(pk=pk).first()

    def get(self, request, *args, **kwargs):
        if self.chosen_gemeente() is None:
            sv = self.get_samenwerkingsverband()
            return render(
                request,
                "brieven/brief_kies_gemeente.html",
                {
                    "samenwerkingsverband": sv,
                    "gemeenten": sv.gemeenten.order_by("naam"),
                    "cancel_url": list_url(sv.afkorting),
                },
            )
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        gemeente = self.chosen_gemeente()
        if gemeente is None or self.request.method != "GET":
            return {}
        draft = draft_letter(self.get_samenwerkingsverband(), gemeente)
        return {name: getattr(draft, name) for name in RaadsinformatiebriefForm.Meta.fields}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = "Nieuwe raadsinformatiebrief"
        return context

    def get_cancel_url(self):
        return list_url(self.get_samenwerkingsverband().afkorting)


class FrozenLetterRedirectMixin(FrozenRedirectMixin):
    frozen_text = "Deze brief is verzonden aan de gemeenteraad en verandert niet meer."


class BriefUpdateView(
    FrozenLetterRedirectMixin, BriefScopedMixin, BriefFormMixin, ObjectUpdateView
):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = f"Raadsinformatiebrief {self.object.gemeente.naam} bewerken"
        return context


class BriefDetailView(PdfDownloadMixin, BriefScopedMixin, DetailView):
    """The letter as it will be printed; ``?download=pdf`` prints exactly this letter."""

    template_name = "brieven/brief_detail.html"

    def get_pdf(self):
        brief = self.get_object()
        sv = self.get_samenwerkingsverband()
        pdf, _ = make_pdf("raadsinformatiebrief", raadsinformatiebrief_report, sv, brief=brief.pk)
        return pdf, pdf_filename(brief)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["weergave"] = letter_view(self.object)
        context["history"] = history_rows(Raadsinformatiebrief.history.filter(id=self.object.pk))
        context.update(
            verzendlijst(self.object, self.request.user, self.get_samenwerkingsverband())
        )
        return context


class BriefSendView(FrozenLetterRedirectMixin, BriefScopedMixin, EditPermissionMixin, DetailView):
    """GET asks for confirmation and shows the letter; POST sends it and freezes it."""

    model = Raadsinformatiebrief
    template_name = "brieven/brief_verzenden.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["weergave"] = letter_view(self.object)
        return context

    def post(self, request, *args, **kwargs):
        brief = self.get_object()
        try:
            berichten = mail_letter(brief, request.user)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return HttpResponseRedirect(
                reverse("brieven:brief-update", args=[self.kwargs["afkorting"], brief.pk])
            )
        griffie, kopie = berichten[:1], berichten[1:]
        announce(
            request,
            griffie,
            "griffies",
            verzonden="Verzonden aan de gemeenteraad; tekst en bedragen zijn nu vastgelegd.",
            niets="De brief is vastgelegd (tekst en bedragen veranderen niet meer); er",
        )
        if kopie and kopie[0].ontvanger_email:
            messages.info(request, f"U krijgt een kopie op {kopie[0].ontvanger_email}.")
        return HttpResponseRedirect(brief.get_absolute_url())
