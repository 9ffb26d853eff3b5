"""Who may manage whom: the one place of that rule.

- the beheerder manages every user and gives every role and place;
- a regiegroep user manages the users whose every place (samenwerkingsverband as regiegroep,
  as stuurgroep only) lies within their own regiegroep samenwerkingsverbanden
  (``access.regiegroep_sv_ids``), with at least one place there, who are regiegroep or
  stuurgroep and nothing else: never a beheerder, a superuser or an official of a gemeente.
  They give only the roles regiegroep and stuurgroep, and only in their own
  samenwerkingsverbanden;
- nobody deactivates themselves, nor takes the role of beheerder from themselves (the last
  beheerder would lock everyone out);
- only the beheerder changes the e-mail address of a colleague who has signed in (it would
  take over their account);
- only the beheerder resets someone's two-factor sign-in.

Every page of gebruikersbeheer asks these functions, about the very user it shows or writes.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet

from partijen.models import Samenwerkingsverband, Toegang
from regiekamer import access
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP

# The roles a regiegroep gives; the beheerder gives every role.
REGIEGROEP_GIVES = (REGIEGROEP, STUURGROEP)
ALL_ROLES = (REGIEGROEP, STUURGROEP, GEMEENTE, BEHEERDER)


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def may_manage_users(user) -> bool:
    """May ``user`` open gebruikersbeheer at all (the menu link, the list)?"""
    if not _active(user):
        return False
    if access.is_beheerder(user):
        return True
    return access.has_role(user, REGIEGROEP) and bool(access.regiegroep_sv_ids(user))


def _own_places(user) -> frozenset[int]:
    return access.regiegroep_sv_ids(user) if access.has_role(user, REGIEGROEP) else frozenset()


def manageable(user, queryset: QuerySet | None = None) -> QuerySet:
    """The users ``user`` may see and manage (of ``queryset``; default every user)."""
    queryset = get_user_model().objects.all() if queryset is None else queryset
    if not may_manage_users(user):
        return queryset.none()
    if access.is_beheerder(user):
        return queryset
    own = _own_places(user)
    regie = Toegang.samenwerkingsverbanden.through.objects
    stuur = Toegang.stuurgroep_samenwerkingsverbanden.through.objects
    gebruiker = OuterRef("pk")
    inside = Exists(
        regie.filter(toegang__gebruiker=gebruiker, samenwerkingsverband_id__in=own)
    ) | Exists(stuur.filter(toegang__gebruiker=gebruiker, samenwerkingsverband_id__in=own))
    outside = Exists(
        regie.filter(toegang__gebruiker=gebruiker).exclude(samenwerkingsverband_id__in=own)
    ) | Exists(stuur.filter(toegang__gebruiker=gebruiker).exclude(samenwerkingsverband_id__in=own))
    other_role = Exists(
        get_user_model()
        .groups.through.objects.filter(user_id=gebruiker)
        .exclude(group__name__in=REGIEGROEP_GIVES)
    )
    official = Exists(Toegang.objects.filter(gebruiker=gebruiker, gemeente__isnull=False))
    return queryset.filter(inside, is_superuser=False).exclude(outside | other_role | official)


def may_manage(user, target) -> bool:
    """May ``user`` change ``target`` (names, role, places, invitation, lockout, two-factor)?"""
    if target is None or target.pk is None:
        return False
    if access.is_beheerder(user):
        return _active(user)
    return manageable(user, get_user_model().objects.filter(pk=target.pk)).exists()


def may_deactivate(user, target) -> bool:
    """May ``user`` deactivate (or activate again) ``target``? Never themselves."""
    return target.pk != user.pk and may_manage(user, target)


def may_change_email(user, target) -> bool:
    """The address is the user name, where a new password goes and what single sign-on
    matches: whoever changes it can take the account. The beheerder changes anyone's; a
    regiegroep member their own, and a colleague's only while the invitation is open (never
    signed in, no password yet: a typo corrected)."""
    if access.is_beheerder(user) or target.pk == user.pk:
        return True
    return target.last_login is None and not target.has_usable_password()


def may_drop_beheerder(user, target) -> bool:
    """Nobody takes the role of beheerder from themselves, as nobody deactivates themselves."""
    return target.pk != user.pk or BEHEERDER not in access.groups(user)


def may_reset_two_factor(user, target) -> bool:
    """Only the beheerder resets someone's two-factor sign-in (a lost phone): a regiegroep
    member who could would take the second factor away from a colleague."""
    return access.is_beheerder(user) and may_manage(user, target)


def role_choices(user) -> list[tuple[str, str]]:
    """The roles ``user`` may give, as choices."""
    roles = ALL_ROLES if access.is_beheerder(user) else REGIEGROEP_GIVES
    return [(role, ROLE_LABELS[role]) for role in roles]


ROLE_LABELS = {
    REGIEGROEP: "Regiegroep",
    STUURGROEP: "Stuurgroep",
    GEMEENTE: "Ambtenaar van een gemeente",
    BEHEERDER: "Beheerder",
}


def samenwerkingsverband_choices(user) -> QuerySet:
    """The samenwerkingsverbanden ``user`` may give places in."""
    queryset = Samenwerkingsverband.objects.echt().order_by("naam")
    if access.is_beheerder(user):
        return queryset
    return queryset.filter(pk__in=_own_places(user))


def may_give_gemeente(user) -> bool:
    """Only the beheerder makes someone the official of a gemeente."""
    return access.is_beheerder(user)


def may_grant(
    user, role: str, samenwerkingsverbanden, stuurgroep_samenwerkingsverbanden, gemeente
) -> bool:
    """May ``user`` give this role and these places (a form as it is sent, forged or not)?"""
    if not may_manage_users(user):
        return False
    if access.is_beheerder(user):
        return True
    own = _own_places(user)
    places = {sv.pk for sv in samenwerkingsverbanden} | {
        sv.pk for sv in stuurgroep_samenwerkingsverbanden
    }
    return role in REGIEGROEP_GIVES and gemeente is None and places <= own
