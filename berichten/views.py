"""The outbox in the browser: every message of a samenwerkingsverband with its status, and
"opnieuw versturen" for one that failed or had no address."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView
from post_office.models import Email

from regiekamer.views import (
    EditPermissionMixin,
    SamenwerkingsverbandListView,
    SamenwerkingsverbandMixin,
    local_url,
)

from .constants import Verzendstatus
from .filters import BerichtFilterSet
from .models import Bericht
from .tables import BerichtTable
from .verzenden import resend


class BerichtListView(SamenwerkingsverbandListView):
    queryset = Bericht.objects.with_status().select_related("samenwerkingsverband")
    table_class = BerichtTable
    filterset_class = BerichtFilterSet
    title = "Verzonden berichten"


class BerichtOnderwerpView(SamenwerkingsverbandMixin, DetailView):
    """The page of what a message is about (a rapportage, a letter, a meeting, an action)."""

    model = Bericht

    def get_queryset(self):
        return Bericht.objects.filter(samenwerkingsverband=self.get_samenwerkingsverband())

    def get(self, request, *args, **kwargs):
        url = self.get_object().get_absolute_url()
        if not url:
            raise Http404("Waar dit bericht over ging, bestaat niet meer.")
        return HttpResponseRedirect(url)


# Why a message is not sent again, by its status (what may be resent: failed, no address).
NOT_AGAIN = {
    Verzendstatus.VERZONDEN: (messages.info, "is al verzonden."),
    Verzendstatus.WACHTRIJ: (
        messages.info,
        "staat al in de wachtrij; de status hieronder zegt of het is aangekomen bij de mailserver.",
    ),
    Verzendstatus.OPGERUIMD: (
        messages.error,
        "is niet meer bewaard (opgeruimd): opnieuw versturen kan niet meer.",
    ),
}


class BerichtResendView(SamenwerkingsverbandMixin, EditPermissionMixin, View):
    """POST: send a message that failed (or had no address) again; back to where it was."""

    model = Bericht

    def get_permission_object(self):
        return get_object_or_404(
            Bericht.objects.with_status(),
            samenwerkingsverband=self.get_samenwerkingsverband(),
            pk=self.kwargs["pk"],
        )

    def post(self, request, *args, **kwargs):
        # Locked: of two clicks at once, the second waits and finds it queued or sent.
        list(Email.objects.select_for_update(of=("self",)).filter(bericht__pk=self.kwargs["pk"]))
        bericht = self.get_permission_object()
        # Back to where it was asked, else to what it is about, else (that is gone) the outbox.
        fallback = bericht.get_absolute_url() or reverse(
            "berichten:bericht-list", args=[self.kwargs["afkorting"]]
        )
        back = local_url(request, request.POST.get("terug", ""), fallback)
        if not bericht.may_resend:
            # Why not, by status: sent, still waiting, or no longer kept.
            level, why = NOT_AGAIN[bericht.status]
            level(request, f"Het bericht aan {bericht.ontvanger_naam} {why}")
            return HttpResponseRedirect(back)
        resend(bericht)
        if bericht.status == Verzendstatus.GEEN_ADRES:
            messages.error(
                request,
                f"Niet verzonden: van {bericht.ontvanger_naam} is nog geen e-mailadres bekend. "
                "Vul het in en verstuur opnieuw.",
            )
        else:
            wanneer = (
                "staat opnieuw in de wachtrij"
                if settings.EMAIL_QUEUE
                else "is opnieuw aan de mailserver aangeboden"
            )
            messages.success(
                request,
                f"Het bericht aan {bericht.ontvanger_naam} ({bericht.ontvanger_email}) {wanneer}; "
                "de status in de verzendlijst zegt of de mailserver het heeft aangenomen.",
            )
        return HttpResponseRedirect(back)
