"""Who may see and do what: the rules of Regiekamer, in one place.

A role (Django group, see ``roles.py``) says *what kind* of thing a user may do; the user's
``Toegang`` says *where*: the samenwerkingsverbanden they take part in, and for an official of
a gemeente, that gemeente.

- beheerder: sees and administers everything;
- regiegroep: edits the samenwerkingsverbanden it takes part in; a gemeente's shared data
  (naam, address, contactpersoon, inwonertallen) only when it takes part in every
  samenwerkingsverband of that gemeente (see "Shared gemeenten" below);
- stuurgroep: reads them and records decisions (``roles.STUURGROEP_EDITS``); a user may sit
  in one samenwerkingsverband's stuurgroep and another's regiegroep
  (``Toegang.stuurgroep_samenwerkingsverbanden``): each place gives only its own rights;
- gemeente: an official reads the samenwerkingsverbanden of their gemeente and edits that
  gemeente's own data (address, contactpersoon, inwonertallen, budget), not another's, and
  not its name.

Nobody sees a samenwerkingsverband they take no part in: its pages answer 404, its admin
pages too. Browser views and the admin both ask :func:`can` and :func:`scope`; no per-object
permission rows exist. A user with two places (regiegroep of one samenwerkingsverband, official
of a gemeente in another) gets the union of the two and nothing more: every write asks about
the row it writes (:func:`may_save` for a row as a form leaves it), never only the model
permission plus "can see it".
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

from django.apps import apps
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from .declarations import scope_of
from .roles import (
    BEHEERDER,
    GEMEENTE,
    GEMEENTE_EDITS,
    REGIEGROEP,
    STUURGROEP,
    STUURGROEP_EDITS,
)


def _party(setting: str):
    """A model of the parties (partijen/), named in settings as Django names the user model:
    the kernel stands beside that app and does not import it."""
    return apps.get_model(getattr(settings, setting))


def samenwerkingsverband_model():
    return _party("REGIEKAMER_SAMENWERKINGSVERBAND_MODEL")


def model_label(model) -> str:
    return model._meta.label_lower


def perm_name(model, action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


# -- a user's access, read once ------------------------------------------------------------------
#
# Every page asks who the user is: their roles, their Toegang, what they may see, their model
# permissions (five queries). A process keeps that, for the users it served last, under the
# *access version*: the row ``ACCESS_KEY`` of the kernel's table ``Dataversie``, which every write
# to a row access reads moves in the same transaction (:func:`reads`; the signals of
# ``regiekamer.dataversie``). A request reads that version (one query) and takes the user's
# access from the memo when it is unchanged, so a change made on any app server is seen by the
# next request on every other. A version is a random token: one of a rolled-back transaction
# never returns.

ACCESS_KEY = "toegang"
MEMO_SIZE = 4096  # users; a few hundred bytes each
_memo: OrderedDict = OrderedDict()
_memo_lock = threading.Lock()
_STATE = ("_access_groups", "_access_toegang", "_access_visible")
_PERMISSIONS = ("_perm_cache", "_user_perm_cache", "_group_perm_cache")  # ModelBackend's own
PARTY_MODELS = (  # the settings naming the models of partijen/ that access reads
    "REGIEKAMER_TOEGANG_MODEL",
    "REGIEKAMER_SAMENWERKINGSVERBAND_MODEL",
    "REGIEKAMER_GEMEENTE_MODEL",
)


@functools.cache
def reads(model) -> bool:
    """Whether access reads rows of ``model``: users, roles and their permissions, Toegang,
    samenwerkingsverbanden (their scenarios, their gemeenten) and gemeenten; a write to one
    moves the access version."""
    return model._meta.label_lower in {
        settings.AUTH_USER_MODEL.lower(),
        "auth.group",
        "auth.permission",
        *(getattr(settings, name).lower() for name in PARTY_MODELS),
    }


def access_version() -> int:
    rows = apps.get_model("regiekamer", "Dataversie").objects.filter(sleutel=ACCESS_KEY)
    return next(iter(rows.values_list("versie", flat=True)), 0)


def load(user) -> None:
    """Read the user's access once for this user object (a request's ``request.user``): from
    the memo when the access version is unchanged, else from the database."""
    if getattr(user, "_access_loaded", False) or not user.is_authenticated:
        return
    user._access_loaded = True
    user._access_version = access_version()
    key = (user.pk, user.is_active, user.is_superuser, user._access_version)
    with _memo_lock:
        state = _memo.get(key)
        if state is not None:
            _memo.move_to_end(key)
    if state is None:
        user._access_groups = _read_groups(user)
        user._access_toegang = _read_toegang(user)
        visible = None if is_beheerder(user) else _read_visible(user)
        permissions = frozenset(ModelBackend().get_all_permissions(user))
        state = (user._access_groups, user._access_toegang, visible, permissions)
        with _memo_lock:
            _memo[key] = state
            while len(_memo) > MEMO_SIZE:
                _memo.popitem(last=False)
    user._access_groups, user._access_toegang, user._access_visible, permissions = state
    user._perm_cache = set(permissions)


def version_of(user) -> int:
    """The access version the user's access was read at (0 for an anonymous user)."""
    load(user)
    return getattr(user, "_access_version", 0)


def forget(user) -> None:
    """Read the user's access again (their roles or Toegang changed in this request)."""
    for attribute in ("_access_loaded", "_access_version", *_STATE, *_PERMISSIONS):
        user.__dict__.pop(attribute, None)


def forget_all() -> None:
    """Empty this process's memo (the tests, between one test and the next)."""
    with _memo_lock:
        _memo.clear()


class AccessBackend:
    """Listed in ``AUTHENTICATION_BACKENDS`` before ModelBackend: authenticates nobody, loads no
    session's user (no ``get_user``) and grants nothing. Before ModelBackend answers a question
    about permissions, it loads the user's access (:func:`load`), which fills ModelBackend's own
    cache of the user's permissions from the memo: the answer then costs no query."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        load(user_obj)
        return False

    def has_module_perms(self, user_obj, app_label):
        load(user_obj)
        return False

    def get_all_permissions(self, user_obj, obj=None):
        load(user_obj)
        return set()


def _read_groups(user) -> frozenset[str]:
    return frozenset(user.groups.values_list("name", flat=True))


def _part(user, attribute: str, read):
    """One part of the user's access (``_STATE``): as :func:`load` left it, else read now (an
    anonymous user, or a part forgotten by a write)."""
    if not hasattr(user, attribute):
        load(user)
    if not hasattr(user, attribute):
        setattr(user, attribute, read(user))
    return getattr(user, attribute)


def groups(user) -> frozenset[str]:
    return _part(user, "_access_groups", _read_groups)


def is_beheerder(user) -> bool:
    return user.is_active and (user.is_superuser or BEHEERDER in groups(user))


def may_use_admin(user) -> bool:
    """The admin (/admin/) is the beheerder's: an active user in one of
    ``settings.ADMIN_ROLES`` (or a superuser). Its pages still ask :func:`can` and
    :func:`scope` about every row, a second wall should the setting name more roles."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or bool(groups(user) & set(settings.ADMIN_ROLES)))
    )


def has_role(user, role: str) -> bool:
    return role in groups(user)


def _toegang(user) -> tuple[frozenset[int], int | None, frozenset[int]]:
    """The ids of the samenwerkingsverbanden the user takes part in with their role(s), their
    gemeente, and the samenwerkingsverbanden they take part in only as stuurgroep member.

    A scenario (``Samenwerkingsverband.scenario_van``) is seen and edited by exactly who sees
    and edits its real samenwerkingsverband: the ids of the scenarios of the user's
    samenwerkingsverbanden join their ids here, once, in the same query."""
    return _part(user, "_access_toegang", _read_toegang)


def _read_toegang(user) -> tuple[frozenset[int], int | None, frozenset[int]]:
    rows = (
        _party("REGIEKAMER_TOEGANG_MODEL")
        .objects.filter(gebruiker=user)
        .values_list(
            "gemeente_id",
            "samenwerkingsverbanden",
            "samenwerkingsverbanden__scenarios",
            "stuurgroep_samenwerkingsverbanden",
            "stuurgroep_samenwerkingsverbanden__scenarios",
        )
    )
    stuurgroep = frozenset(sv for row in rows for sv in row[3:] if sv is not None)
    ids = frozenset(sv for row in rows for sv in row[1:3] if sv is not None) - stuurgroep
    gemeente = next((row[0] for row in rows), None)
    return (ids, gemeente, stuurgroep)


def member_sv_ids(user) -> frozenset[int]:
    """Samenwerkingsverbanden the user takes part in as regiegroep or stuurgroep member."""
    return _toegang(user)[0] | _toegang(user)[2]


def regiegroep_sv_ids(user) -> frozenset[int]:
    """Where the user acts with every right of their role(s): not where they sit only in the
    stuurgroep."""
    return _toegang(user)[0]


def stuurgroep_sv_ids(user) -> frozenset[int]:
    """Where the user records decisions as stuurgroep member."""
    ids, _, stuurgroep = _toegang(user)
    return stuurgroep | ids if has_role(user, STUURGROEP) else stuurgroep


def own_gemeente_id(user) -> int | None:
    return _toegang(user)[1]


def visible_sv_ids(user) -> frozenset[int] | None:
    """The samenwerkingsverbanden the user may see; None means all (beheerder)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if is_beheerder(user):
        return None
    return _part(user, "_access_visible", _read_visible)


def _read_visible(user) -> frozenset[int]:
    ids = set(member_sv_ids(user))
    gemeente = own_gemeente_id(user)
    if gemeente is not None:
        # The real samenwerkingsverbanden of the gemeente and their scenarios; a scenario
        # the gemeente takes part in only as a what-if is not its official's to see.
        ids.update(
            samenwerkingsverband_model()
            .objects.filter(
                Q(gemeenten=gemeente, scenario_van__isnull=True)
                | Q(scenario_van__gemeenten=gemeente)
            )
            .values_list("pk", flat=True)
        )
    return frozenset(ids)


def visible_samenwerkingsverbanden(user, scenarios: bool = False):
    """The samenwerkingsverbanden the user may see: the real ones (every list, menu, picker and
    filter), or with ``scenarios`` also their scenarios (the lookup of one by its afkorting)."""
    ids = visible_sv_ids(user)
    queryset = samenwerkingsverband_model().objects.all()
    if not scenarios:
        queryset = queryset.echt()
    return queryset if ids is None else queryset.filter(pk__in=ids)


def _visible_q(model, user) -> Q | None:
    """The rows of ``model`` the user may see, as a Q; None: all rows."""
    ids = visible_sv_ids(user)
    lookups = scope_of(model).via
    if ids is None or not lookups:
        return None
    condition = Q()
    orphan = Q()
    for lookup in lookups:
        condition |= Q(**{f"{lookup}__in": ids})
        orphan &= Q(**{f"{lookup}__isnull": True})
    # A row that belongs to no samenwerkingsverband yet (a new gemeente) is shared.
    condition |= orphan
    gemeente_lookup = scope_of(model).gemeente
    if gemeente_lookup and own_gemeente_id(user) is not None:
        condition |= Q(**{gemeente_lookup: own_gemeente_id(user)})
    return condition


def scope(user, queryset: QuerySet) -> QuerySet:
    """The rows of ``queryset`` the user may see (no duplicates, order kept)."""
    condition = _visible_q(queryset.model, user)
    if condition is None:
        return queryset
    if scope_of(queryset.model).is_samenwerkingsverband:
        return queryset.filter(pk__in=visible_sv_ids(user))
    inner = queryset.model._base_manager.filter(condition).values("pk")
    return queryset.filter(pk__in=inner)


def stored_sv_ids(model, pks) -> frozenset[int]:
    """The samenwerkingsverbanden the stored rows ``pks`` of ``model`` belong to (empty: none,
    they are shared)."""
    declared = scope_of(model)
    if declared.is_samenwerkingsverband:
        return frozenset(pks)
    if declared.shared:
        return frozenset()
    rows = model._base_manager.filter(pk__in=pks)
    return frozenset(
        value
        for lookup in declared.via
        for value in rows.values_list(lookup, flat=True)
        if value is not None
    )


def sv_ids_of(obj: Model) -> frozenset[int]:
    """The samenwerkingsverbanden a saved row belongs to (empty: none, it is shared)."""
    if not hasattr(obj, "_access_sv_ids"):
        pks = [obj.pk] if obj.pk is not None else []
        obj._access_sv_ids = stored_sv_ids(type(obj), pks) if pks else frozenset()
    return obj._access_sv_ids


def _sv_ids_as_edited(obj: Model) -> frozenset[int]:
    """The samenwerkingsverbanden a row belongs to as a form leaves it, before it is saved: a
    foreign key is read from the row itself (a new row, or one moved to another parent), the
    rest of the way from the database."""
    declared = scope_of(type(obj))
    if declared.is_samenwerkingsverband:
        return frozenset([obj.pk]) if obj.pk is not None else frozenset()
    ids = set()
    for lookup in declared.via:
        hop, _, rest = lookup.partition("__")
        field = type(obj)._meta.get_field(hop)
        if field.concrete and (field.many_to_one or field.one_to_one):
            value = getattr(obj, field.attname)
            if value is not None and not rest:
                ids.add(value)
            elif value is not None:
                related = field.related_model._base_manager.filter(pk=value)
                ids.update(related.values_list(rest, flat=True))
        elif obj.pk is not None:
            ids.update(type(obj)._base_manager.filter(pk=obj.pk).values_list(lookup, flat=True))
    return frozenset(ids - {None})


def may_save(user, action: str, obj: Model, model=None) -> bool:
    """:func:`can` for a row about to be saved (``action`` add or change) or deleted, read as
    the form leaves it: a new row is judged by the parent it goes to, an edited one also by
    where it would go (a budget moved to another gemeente or samenwerkingsverband)."""
    obj.__dict__.pop("_access_sv_ids", None)
    obj._access_sv_ids = _sv_ids_as_edited(obj)
    try:
        return can(user, action, obj, model)
    finally:
        obj.__dict__.pop("_access_sv_ids", None)


def gemeente_id_of(obj: Model) -> int | None:
    lookup = scope_of(type(obj)).gemeente
    if lookup == "pk":
        return obj.pk
    return getattr(obj, f"{lookup}_id", None) if lookup else None


def can_view(user, obj: Model) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    ids = visible_sv_ids(user)
    if ids is None:
        return True
    if scope_of(type(obj)).shared:
        return True
    owners = sv_ids_of(obj)
    if not owners:
        return True
    if owners & ids:
        return True
    own = own_gemeente_id(user)
    return own is not None and gemeente_id_of(obj) == own


def can(user, action: str, obj: Model | None, model=None) -> bool:
    """May ``user`` do ``action`` (view, add, change, delete) on ``obj``?

    For "add", ``obj`` is where the new row goes (a samenwerkingsverband, a gemeente, a
    convenant, ...; None: nowhere in particular) and ``model`` the model of the new row.
    """
    model = model or type(obj)
    if not user.is_authenticated or not user.has_perm(perm_name(model, action)):
        return False
    return allowed(user, action, obj, model)


def allowed(user, action: str, obj: Model | None, model=None) -> bool:
    """The "where" half of :func:`can`: may the user act on this row, given their role may act
    on its model at all (the model permission, checked by the caller)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_beheerder(user):
        return True
    model = model or type(obj)
    label = model_label(model)
    declared = scope_of(model)
    if declared.shared and action != "view":
        return False  # a shared row (a domein): only the beheerder changes it
    if obj is None:
        # Not tied to a row yet (a new samenwerkingsverband or gemeente): the regiegroep.
        return action == "view" or has_role(user, REGIEGROEP)
    if not can_view(user, obj):
        return False
    if action == "view":
        return True
    if declared.gedeeld:
        gemeente = _gemeente_of(obj)
        return gemeente is not None and may_edit_gemeente(user, gemeente)
    owners = sv_ids_of(obj)
    if has_role(user, REGIEGROEP) and (owners & regiegroep_sv_ids(user) or not owners):
        return True
    if label in STUURGROEP_EDITS and owners & stuurgroep_sv_ids(user):
        return True
    own = own_gemeente_id(user)
    return (
        has_role(user, GEMEENTE)
        and declared.gemeente is not None
        # What an official may do to their gemeente's rows (roles.GEMEENTE_EDITS), never a
        # permission their other role brings (a regiegroep elsewhere: a zienswijze here).
        and action in GEMEENTE_EDITS.get(label, ())
        and own is not None
        and gemeente_id_of(obj) == own
    )


class PlacePerms:
    """``perms`` on a page of one samenwerkingsverband: ``{{ perms.formatie.change_rol }}`` is
    whether the user may change a rol *of this samenwerkingsverband*, so that a page shows only
    the buttons and links that will be honoured there.

    Django's ``perms`` asks the role alone, in any place: a user who is regiegroep in one
    samenwerkingsverband and stuurgroep in another was shown, in the second, edit links that
    answered 403. For a model whose rows belong to a samenwerkingsverband this asks :func:`can`
    with the samenwerkingsverband as where the row is; a gemeente's own data, a shared domein and
    a permission of no model keep Django's answer (the page's form or the admin decides per row).
    """

    ACTIONS = ("view", "add", "change", "delete")

    def __init__(self, user, sv):
        self.user, self.sv = user, sv

    def __getitem__(self, app_label: str) -> _PlaceAppPerms:
        return _PlaceAppPerms(self, app_label)

    def __contains__(self, perm: str) -> bool:
        app_label, _, codename = perm.partition(".")
        return self[app_label][codename]

    def __iter__(self):
        raise TypeError("PlacePerms is not iterable.")  # as Django's PermWrapper

    def has(self, app_label: str, codename: str) -> bool:
        action, _, model_name = codename.partition("_")
        try:
            model = apps.get_model(app_label, model_name) if action in self.ACTIONS else None
        except LookupError:
            model = None
        scope = scope_of(model) if model is not None else None
        if scope is None or scope.shared or scope.gedeeld or scope.gemeente is not None:
            return self.user.has_perm(f"{app_label}.{codename}")
        return can(self.user, action, self.sv, model)


class _PlaceAppPerms:
    """``perms.<app>`` of :class:`PlacePerms`."""

    def __init__(self, perms: PlacePerms, app_label: str):
        self.perms, self.app_label = perms, app_label

    def __getitem__(self, codename: str) -> bool:
        return self.perms.has(self.app_label, codename)

    def __bool__(self) -> bool:
        return self.perms.user.has_module_perms(self.app_label)

    def __iter__(self):
        raise TypeError("PlacePerms is not iterable.")


# --- Shared gemeenten ---------------------------------------------------------------------
#
# A gemeente may take part in several samenwerkingsverbanden; its own data (naam, address,
# contactpersoon, inwonertallen) is shared by all of them. A regiegroep changes it, or brings
# the gemeente into a samenwerkingsverband, only when no other samenwerkingsverband's data is
# touched: when it takes part in every samenwerkingsverband the gemeente belongs to. Every path
# asks these functions: the browser forms, the admin and the workbook import.


def _gemeente_of(obj: Model):
    """The gemeente a row of shared data belongs to (a gemeente is its own)."""
    lookup = scope_of(type(obj)).gemeente
    return obj if lookup == "pk" else getattr(obj, lookup, None) if lookup else None


def _is_official_of(user, gemeente) -> bool:
    return (
        has_role(user, GEMEENTE)
        and gemeente.pk is not None
        and own_gemeente_id(user) == gemeente.pk
    )


def _created_by(gemeente, user) -> bool:
    """Whether ``user`` created the gemeente (its first history row names them)."""
    creator = (
        gemeente.history.filter(history_type="+")
        .order_by("history_date", "history_id")
        .values_list("history_user_id", flat=True)
        .first()
    )
    return creator is not None and creator == user.pk


def _real_sv_ids(gemeente) -> frozenset[int]:
    """The real samenwerkingsverbanden a gemeente belongs to: a scenario that counts it in is a
    what-if, and gives nobody a say over the gemeente's own data (nor takes one away)."""
    if not hasattr(gemeente, "_access_real_sv_ids"):
        owners = sv_ids_of(gemeente)
        gemeente._access_real_sv_ids = (
            frozenset(
                samenwerkingsverband_model()
                .objects.echt()
                .filter(pk__in=owners)
                .values_list("pk", flat=True)
            )
            if owners
            else frozenset()
        )
    return gemeente._access_real_sv_ids


def _regiegroep_owns(user, gemeente, joining=None) -> bool:
    """A regiegroep member of every real samenwerkingsverband the gemeente belongs to (or
    will, once it has joined ``joining``)."""
    owners = _real_sv_ids(gemeente) | ({joining.pk} if joining is not None else set())
    return has_role(user, REGIEGROEP) and owners <= regiegroep_sv_ids(user)


def may_rename_gemeente(user, gemeente, joining=None) -> bool:
    """May ``user`` change the gemeente's naam? The beheerder; a regiegroep member of every
    samenwerkingsverband it belongs to; for a gemeente in none yet, the user who created it.
    Not its official: they edit their gemeente's data, not its name. ``joining``: decide as
    if the gemeente had joined that samenwerkingsverband (the workbook import)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if is_beheerder(user):
        return True
    if not has_role(user, REGIEGROEP):
        return False
    if gemeente.pk is None:
        return True  # a new gemeente, being created by this user
    if _real_sv_ids(gemeente) or joining is not None:
        return _regiegroep_owns(user, gemeente, joining)
    return _created_by(gemeente, user)


def may_edit_gemeente(user, gemeente, joining=None) -> bool:
    """May ``user`` change the gemeente's shared data (address, contactpersoon, inwonertallen)?
    Whoever may rename it, and the gemeente's own official."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return _is_official_of(user, gemeente) or may_rename_gemeente(user, gemeente, joining)


def may_attach_gemeente(user, gemeente) -> bool:
    """May ``user`` bring this existing gemeente into a samenwerkingsverband? Whoever may edit
    it; a regiegroep also a gemeente that belongs to no samenwerkingsverband it does not take
    part in (one in none yet included). Leaving one's own samenwerkingsverband is always
    allowed, and a new gemeente may always be created."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return may_edit_gemeente(user, gemeente) or _regiegroep_owns(user, gemeente)


def gemeente_refusal(gemeente, request: str) -> str:
    """Why the user may not do this to a gemeente (Dutch); ``request``: what they tried, as
    in "vraag ... om ``request``"."""
    return (
        f"{gemeente.naam} neemt deel aan een samenwerkingsverband waarvan u geen lid bent; "
        f"vraag de beheerder of een ambtenaar van {gemeente.naam} om {request}."
    )


# --- Refusals ------------------------------------------------------------------------------
#
# A refusal names who the user is and why, once for every page: the 403 page and the forms.


class Refused(PermissionDenied):
    """A 403 whose message (Dutch) is shown on the 403 page: see :func:`refusal`."""


def _gemeente_naam(pk) -> str:
    return (
        _party("REGIEKAMER_GEMEENTE_MODEL")
        .objects.filter(pk=pk)
        .values_list("naam", flat=True)
        .first()
        or ""
    )


def _target_gemeente(obj):
    """The gemeente a row of a gemeente's own data belongs to (a gemeente, inwonertal, budget)."""
    if obj is None:
        return None
    lookup = scope_of(type(obj)).gemeente
    if lookup == "pk":
        return obj
    return getattr(obj, lookup, None) if lookup else None


def refusal(user, obj: Model | None = None, model=None) -> str:
    """Why ``user`` may not change ``obj`` (a row, or the samenwerkingsverband a page belongs
    to; None: nothing in particular), naming who they are (Dutch): "U bent medewerker van
    Weert; Leudal past u niet aan.", "U bent lid van de stuurgroep: u leest mee, de
    regiegroep past aan." ``model``: the kind of row, when ``obj`` is where it would go."""
    if user is None or not user.is_authenticated:
        return "U bent niet ingelogd."
    label = model_label(model or type(obj)) if (model or obj is not None) else ""
    owners = sv_ids_of(obj) if obj is not None and obj.pk is not None else frozenset()
    own = own_gemeente_id(user)
    if has_role(user, GEMEENTE) and own is not None:
        eigen = _gemeente_naam(own)
        target = _target_gemeente(obj)
        if target is not None and target.pk != own:
            return f"U bent medewerker van {eigen}; {target.naam} past u niet aan."
        return (
            f"U bent medewerker van {eigen}: u leest mee en past alleen de eigen gegevens van "
            f"{eigen} aan (adres, contactpersoon, inwonertallen en budget)."
        )
    in_stuurgroep = bool(owners & stuurgroep_sv_ids(user)) and not owners & regiegroep_sv_ids(user)
    if in_stuurgroep or has_role(user, STUURGROEP) and not has_role(user, REGIEGROEP):
        return "U bent lid van de stuurgroep: u leest mee, de regiegroep past aan."
    if has_role(user, REGIEGROEP):
        target = obj if label and scope_of(model or type(obj)).gedeeld else None
        gemeente = _gemeente_of(target) if target is not None else None
        if gemeente is not None:
            return "U bent lid van de regiegroep. " + gemeente_refusal(gemeente, "dit te wijzigen")
        if label and scope_of(model or type(obj)).shared:
            return (
                "U bent lid van de regiegroep; gedeelde gegevens die bij geen "
                "samenwerkingsverband horen, past alleen de beheerder aan."
            )
        return "U bent lid van de regiegroep; deze handeling hoort bij de beheerder."
    return "U heeft nog geen rol in Regiekamer; vraag de beheerder om toegang."


def scope_choices(user, form) -> None:
    """Limit every choice of rows in ``form`` (a select of gemeenten, gremia, ...) to the rows
    the user may see, so a page never offers, nor accepts, another samenwerkingsverband's."""
    sv_model = samenwerkingsverband_model()
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None:
            field.queryset = scope(user, queryset)
            if queryset.model is sv_model:
                # A choice of samenwerkingsverband is a real one, never a scenario.
                field.queryset = field.queryset.echt()


def grant(user, samenwerkingsverband) -> None:
    """Let ``user`` take part in ``samenwerkingsverband`` (its creator, a new member)."""
    toegang, _ = _party("REGIEKAMER_TOEGANG_MODEL").objects.get_or_create(gebruiker=user)
    toegang.samenwerkingsverbanden.add(samenwerkingsverband)
    forget(user)
