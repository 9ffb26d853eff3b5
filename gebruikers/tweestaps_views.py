"""The pages of two-factor sign-in (the rules: gebruikers/tweestaps.py).

- "Tweestapsverificatie instellen": a QR code and the secret to type, then the first code
  from the app; the session is verified and ten recovery codes are shown, once;
- "Code invoeren": after the password, a code from the app or a recovery code;
- "Tweestapsverificatie": the account page of every user: status, set up (again), new recovery
  codes, switch off where it is not required.

Each page honours a safe ``next`` (the page the user was going to) and otherwise leads to
``LOGIN_REDIRECT_URL``.
"""

from __future__ import annotations

import math

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from regiekamer.access import Refused
from regiekamer.views import local_next

from . import tweestaps

WRONG_CODE = (
    "Deze code klopt niet. Neem de code die de app nu toont (hij verandert elke 30 seconden) "
    "en controleer of de tijd op uw telefoon goed staat."
)


def next_url(request) -> str:
    """Where the user was going: a ``next`` on this site, else ``LOGIN_REDIRECT_URL``."""
    return local_next(request) or resolve_url(settings.LOGIN_REDIRECT_URL)


def with_next(request, name: str) -> str:
    """The address of page ``name`` that keeps the ``next`` of this request."""
    path = local_next(request)
    return reverse(name) + ("?" + urlencode({"next": path}) if path else "")


def waiting_time(until) -> str:
    """How long until ``until``, in words ("8 seconden", "4 minuten")."""
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
    if seconds < 120:
        return "1 seconde" if seconds == 1 else f"{seconds} seconden"
    minutes = math.ceil(seconds / 60)
    if minutes < 120:
        return f"{minutes} minuten"
    return f"{math.ceil(minutes / 60)} uur"


def locked_message(outcome) -> str:
    return (
        f"U heeft {outcome.failures} keer achter elkaar een onjuiste code ingevoerd. Wacht "
        f"{waiting_time(outcome.locked_until)} en probeer het dan opnieuw met de code die de "
        "app op dat moment toont."
    )


class OneTimeCodeInput(forms.TextInput):
    """A code is typed anew after a mistake: the field never shows the one sent."""

    def format_value(self, value):
        return None


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        attrs = {
            "autocomplete": "one-time-code",
            "autocapitalize": "off",
            "spellcheck": "false",
            "autofocus": True,
            "class": "tweestaps-code",
        }
        attrs.update(kwargs.pop("attrs", {}))
        super().__init__(max_length=24, widget=OneTimeCodeInput(attrs=attrs), **kwargs)


class AppCodeForm(forms.Form):
    """The first code from the app, when setting it up: six digits ("123 456" too)."""

    code = CodeField(
        label="Code uit de app",
        help_text="De zes cijfers die de app toont, bijvoorbeeld 123\u00a0456.",
        # No autofocus: on a phone it would scroll past the QR code and the steps to the field.
        attrs={"inputmode": "numeric", "autofocus": False},
    )

    def clean_code(self):
        plain = tweestaps.normalized(self.cleaned_data["code"])
        if not (len(plain) == 6 and plain.isdigit()):
            raise ValidationError(
                "Vul de zes cijfers in die de app toont, bijvoorbeeld 123\u00a0456."
            )
        return plain


class SignInCodeForm(forms.Form):
    """The code after the password: six digits from the app, or a recovery code."""

    code = CodeField(
        label="Code uit de app of herstelcode",
        help_text="De zes cijfers die de app nu toont, of een van uw herstelcodes (abcd-efgh).",
    )

    def clean_code(self):
        plain = tweestaps.normalized(self.cleaned_data["code"])
        app = len(plain) == 6 and plain.isdigit()
        recovery = len(plain) == 8 and plain.isalnum()
        if not (app or recovery):
            raise ValidationError(
                "Een code uit de app heeft zes cijfers (123\u00a0456); een herstelcode acht tekens "
                "(abcd-efgh)."
            )
        return plain


class NextMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = local_next(self.request)
        context["next_url"] = next_url(self.request)
        return context


# Pages with a secret (the app's key, recovery codes) or a code typed: no browser keeps them.
no_store = method_decorator(never_cache, name="dispatch")


@no_store
class CodeView(NextMixin, FormView):
    """The second step of the sign-in, the page "Code invoeren"."""

    template_name = "gebruikers/tweestaps_code.html"
    form_class = SignInCodeForm

    def dispatch(self, request, *args, **kwargs):
        if not tweestaps.needs_verification(request):
            return HttpResponseRedirect(next_url(request))
        if not tweestaps.has_device(request.user):
            return redirect(with_next(request, "gebruikers:tweestaps-instellen"))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title="Code invoeren", **kwargs)

    def form_valid(self, form):
        outcome = tweestaps.verify(self.request, form.cleaned_data["code"])
        if outcome.locked_until:
            form.add_error("code", locked_message(outcome))
            return self.form_invalid(form)
        if not outcome.accepted:
            form.add_error("code", WRONG_CODE + " Een herstelcode werkt maar één keer.")
            return self.form_invalid(form)
        if outcome.recovery_left is not None:
            left = outcome.recovery_left
            text = (
                f"U heeft een herstelcode gebruikt; die werkt nu niet meer. U heeft er nog {left}."
            )
            if left <= 3:
                text += " Maak nieuwe herstelcodes aan via Tweestapsverificatie."
            messages.warning(self.request, text)
        return HttpResponseRedirect(next_url(self.request))


@no_store
class InstellenView(NextMixin, FormView):
    """The page "Tweestapsverificatie instellen": scan (or type), then the first code."""

    template_name = "gebruikers/tweestaps_instellen.html"
    form_class = AppCodeForm

    def dispatch(self, request, *args, **kwargs):
        if tweestaps.needs_verification(request) and tweestaps.has_device(request.user):
            # An app is set up: the code of that app first (set up another one afterwards).
            return redirect(with_next(request, "gebruikers:tweestaps-code"))
        self.device = tweestaps.pending_device(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title="Tweestapsverificatie instellen",
            qr=tweestaps.qr_svg(self.device),
            # On the phone itself (which cannot scan its own screen): a link the app opens.
            app_link=self.device.config_url,
            geheim=tweestaps.secret(self.device),
            verplicht=tweestaps.required_for(self.request.user),
            vervangt=tweestaps.has_device(self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        locked = tweestaps.locked(self.device)
        if locked:
            form.add_error("code", locked_message(locked))
            return self.form_invalid(form)
        if not tweestaps.confirm(self.request, self.device, form.cleaned_data["code"]):
            form.add_error("code", WRONG_CODE)
            return self.form_invalid(form)
        messages.success(self.request, "Tweestapsverificatie is ingesteld.")
        return redirect(with_next(self.request, "gebruikers:tweestaps-herstelcodes"))


@no_store
class HerstelcodesView(NextMixin, TemplateView):
    """The recovery codes just made, shown once (GET); new ones (POST)."""

    template_name = "gebruikers/tweestaps_herstelcodes.html"

    def get_context_data(self, **kwargs):
        codes = self.request.session.pop(tweestaps.NEW_CODES_SESSION_KEY, None)
        user = self.request.user
        heeft_app = tweestaps.has_device(user)
        return super().get_context_data(
            title="Herstelcodes",
            codes=codes,
            heeft_app=heeft_app,
            over=tweestaps.recovery_codes_left(user) if heeft_app and not codes else None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not tweestaps.has_device(request.user):
            messages.error(
                request, "Stel eerst tweestapsverificatie in; daarna krijgt u herstelcodes."
            )
            return redirect("gebruikers:tweestaps")
        request.session[tweestaps.NEW_CODES_SESSION_KEY] = tweestaps.new_recovery_codes(
            request.user
        )
        tweestaps.log_new_recovery_codes(request)
        messages.success(
            request, "Er zijn tien nieuwe herstelcodes gemaakt; de oude werken niet meer."
        )
        return redirect(with_next(request, "gebruikers:tweestaps-herstelcodes"))


class AccountView(TemplateView):
    """The account page "Tweestapsverificatie": the user's status and what they can do."""

    template_name = "gebruikers/tweestaps_account.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title="Tweestapsverificatie", **tweestaps.status(self.request.user), **kwargs
        )


class UitschakelenView(TemplateView):
    """Switch two-factor sign-in off (confirm with a POST), where the role does not need it."""

    template_name = "gebruikers/tweestaps_uitschakelen.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title="Tweestapsverificatie uitschakelen",
            verplicht=tweestaps.required_for(self.request.user),
            heeft_app=tweestaps.has_device(self.request.user),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not tweestaps.has_device(request.user):
            messages.info(request, "Tweestapsverificatie stond al uit.")
            return redirect("gebruikers:tweestaps")
        if tweestaps.required_for(request.user):
            raise Refused(
                "Voor uw rol is tweestapsverificatie verplicht: u kunt het niet uitschakelen. "
                "Nieuwe telefoon? Stel de app opnieuw in via Tweestapsverificatie."
            )
        tweestaps.switch_off(request)
        messages.success(
            request,
            "Tweestapsverificatie is uitgeschakeld; de app en uw herstelcodes werken niet meer.",
        )
        return redirect("gebruikers:tweestaps")
