"""The form of gebruikersbeheer: a colleague's names, e-mail, role and places, for an
invitation and for a change alike. What it offers and accepts follows ``rules``: a regiegroep
user sees only their own samenwerkingsverbanden and the roles regiegroep and stuurgroep."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.validators import RegexValidator
from django.db import transaction
from django.db.models import Q

from partijen.models import Gemeente, Toegang
from regiekamer import access
from regiekamer.forms import PkMultipleChoiceField
from regiekamer.roles import BEHEERDER, GEMEENTE

from . import rules

# A name stands in the invitation mail and on every page: one line, no control characters.
ONE_LINE = RegexValidator(
    r"[\x00-\x1f\x7f]",
    inverse_match=True,
    message="Een naam past op één regel: zonder regeleinde of tab.",
)


class GebruikerForm(forms.Form):
    voornaam = forms.CharField(max_length=150, validators=[ONE_LINE])
    achternaam = forms.CharField(max_length=150, validators=[ONE_LINE])
    email = forms.EmailField(
        label="E-mailadres",
        # It becomes the user name, which holds 150 characters (the login takes no more).
        max_length=get_user_model()._meta.get_field("username").max_length,
        help_text="Wordt ook de gebruikersnaam. De uitnodiging gaat naar dit adres.",
    )
    rollen = forms.MultipleChoiceField(
        label="Rol",
        widget=forms.CheckboxSelectMultiple,
        help_text="Meestal één: de regiegroep past aan, de stuurgroep leest mee en legt "
        "besluiten vast, de ambtenaar leest mee en past de gegevens van de eigen gemeente aan.",
    )
    samenwerkingsverbanden = PkMultipleChoiceField(
        queryset=None,
        required=False,
        label="Samenwerkingsverbanden",
        widget=forms.CheckboxSelectMultiple,
        help_text="Waar deze collega met de rol hierboven werkt.",
    )
    stuurgroep_samenwerkingsverbanden = PkMultipleChoiceField(
        queryset=None,
        required=False,
        label="Alleen als stuurgroeplid in",
        widget=forms.CheckboxSelectMultiple,
        help_text="Waar deze collega alleen in de stuurgroep zit: lezen en besluiten vastleggen.",
    )
    gemeente = forms.ModelChoiceField(
        queryset=Gemeente.objects.order_by("naam"),
        required=False,
        empty_label="(geen)",
        help_text="Alleen voor een ambtenaar van een gemeente: die gemeente.",
    )

    def __init__(self, *args, actor, instance=None, **kwargs):
        self.actor = actor
        self.instance = instance
        if instance is not None:
            # FormView passes initial={} always: the user's own values first.
            kwargs["initial"] = initial_of(instance) | (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)
        self.fields["rollen"].choices = rules.role_choices(actor)
        for name in ("samenwerkingsverbanden", "stuurgroep_samenwerkingsverbanden"):
            self.fields[name].queryset = rules.samenwerkingsverband_choices(actor)
        if not rules.may_give_gemeente(actor):
            del self.fields["gemeente"]
        if instance is not None and not instance.email:
            # An old account without an address (made before invitations): its other fields
            # are saved without one.
            self.fields["email"].required = False
        if instance is not None:
            self.fields["email"].help_text = (
                "Hierheen gaat een link voor een nieuw wachtwoord. Was de gebruikersnaam het oude "
                "adres, dan verandert die mee."
            )
        if instance is not None and not rules.may_change_email(actor, instance):
            self.fields["email"].disabled = True
            self.fields["email"].required = False  # an old account without one: names still
            self.fields["email"].help_text = (
                "Alleen de beheerder wijzigt het e-mailadres van een collega die al heeft "
                "ingelogd: het is de gebruikersnaam en het adres voor een nieuw wachtwoord."
            )

    def clean_email(self):
        if self.fields["email"].disabled:
            return self.instance.email
        email = self.cleaned_data["email"].strip().lower()
        if not email:
            return email  # allowed only where the account has none (see __init__)
        others = get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                "Er is al een gebruiker met dit e-mailadres; zoek die op in de lijst."
            )
        return email

    def clean(self):
        data = super().clean()
        rollen = data.get("rollen") or []
        regie = list(data.get("samenwerkingsverbanden") or [])
        stuur = list(data.get("stuurgroep_samenwerkingsverbanden") or [])
        gemeente = data.get("gemeente")
        if GEMEENTE in rollen and gemeente is None:
            self.add_error("gemeente", "Kies de gemeente van deze ambtenaar.")
        if gemeente is not None and GEMEENTE not in rollen:
            self.add_error(
                "gemeente", "Alleen een ambtenaar van een gemeente hoort bij een gemeente."
            )
        if (
            rollen
            and BEHEERDER not in rollen
            and self.instance is not None
            and not rules.may_drop_beheerder(self.actor, self.instance)
        ):
            self.add_error(
                "rollen", "U kunt uzelf de rol beheerder niet afnemen; vraag een andere beheerder."
            )
        both = set(regie) & set(stuur)
        if both:
            self.add_error(
                "stuurgroep_samenwerkingsverbanden",
                "Kies een samenwerkingsverband hier of hierboven, niet allebei: "
                + ", ".join(sv.naam for sv in both)
                + ".",
            )
        if rollen and BEHEERDER not in rollen and not (regie or stuur or gemeente):
            self.add_error(
                None,
                "Kies minstens één samenwerkingsverband"
                + (" of een gemeente" if "gemeente" in self.fields else "")
                + ": zonder plek ziet deze collega niets.",
            )
        return data

    def may_save(self) -> bool:
        """May the actor give what the form holds (``rules.may_grant``, per role)?"""
        data = self.cleaned_data
        return all(
            rules.may_grant(
                self.actor,
                rol,
                data["samenwerkingsverbanden"],
                data["stuurgroep_samenwerkingsverbanden"],
                data.get("gemeente"),
            )
            for rol in data["rollen"]
        )

    @transaction.atomic
    def save(self):
        """The user, their role(s) and their places together, or nothing."""
        data = self.cleaned_data
        user = self.instance
        if user is None:
            user = get_user_model()(username=data["email"])
            user.set_unusable_password()
        elif user.username.lower() == (user.email or "").lower():
            user.username = data["email"]  # the user name follows the address it was
        user.first_name = data["voornaam"].strip()
        user.last_name = data["achternaam"].strip()
        user.email = data["email"]
        user.is_staff = BEHEERDER in data["rollen"]
        user.save()
        user.groups.set(Group.objects.filter(name__in=data["rollen"]))
        toegang, _ = Toegang.objects.get_or_create(gebruiker=user)
        gemeente = data.get("gemeente")
        if "gemeente" in self.fields and toegang.gemeente != gemeente:
            toegang.gemeente = gemeente
            toegang.save()
        toegang.samenwerkingsverbanden.set(data["samenwerkingsverbanden"])
        toegang.stuurgroep_samenwerkingsverbanden.set(data["stuurgroep_samenwerkingsverbanden"])
        access.forget(user)
        return user


def initial_of(user) -> dict:
    toegang = Toegang.objects.filter(gebruiker=user).first()
    return {
        "voornaam": user.first_name,
        "achternaam": user.last_name,
        "email": user.email,
        "rollen": list(user.groups.values_list("name", flat=True)),
        "samenwerkingsverbanden": list(toegang.samenwerkingsverbanden.all()) if toegang else [],
        "stuurgroep_samenwerkingsverbanden": (
            list(toegang.stuurgroep_samenwerkingsverbanden.all()) if toegang else []
        ),
        "gemeente": toegang.gemeente if toegang else None,
    }
