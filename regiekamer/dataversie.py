"""The data version of every samenwerkingsverband, and the cache keyed on it.

A figure a page computes (the cost model, the dashboard's blocks, a rendered table) depends on
the rows of one samenwerkingsverband and on the rows all of them share (gemeenten and their
inwonertallen, domeinen, the users' names). Every write to such a row moves the version of the
samenwerkingsverband it belongs to, or the shared version ("*") for a shared row, **before** the
write and in the same transaction (the model signals connected by :func:`connect`). A value is
cached under a key that holds both versions, so a cached figure is never stale: once a write is
committed, every reader builds a new key. A version is a random token, never a counter: the token
of a transaction that was rolled back never comes back, so a value cached under it (a page that
computed inside that transaction) is never read again and expires.

Moving the version before the write also orders the locks: every transaction that writes a
samenwerkingsverband's rows takes its version row first, so two of them cannot deadlock on the
rows themselves.

Writes that send no signal (``bulk_create``, ``QuerySet.update``) call :func:`changed` themselves.

The cache is Django's (settings.CACHES): the database cache by default (shared by every app
server, nothing extra to run), Redis when CACHE_URL or REDIS_URL names one. A cache that does not
answer costs speed, never a wrong or missing page: the value is then computed.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import IntegrityError, connection, transaction
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.middleware.csrf import get_token
from django.utils import timezone

from . import access
from .access import ACCESS_KEY, _sv_ids_as_edited, reads, stored_sv_ids
from .declarations import is_history_model, regiekamer_app, scope_of

log = logging.getLogger(__name__)

T = TypeVar("T")
SHARED_KEY = "*"
TIMEOUT = 24 * 60 * 60  # a day: an unused value leaves the cache; a used one is recomputed daily
_MISSING = object()


def sv_key(sv_id: int) -> str:
    return f"sv:{sv_id}"


def _model():
    return apps.get_model("regiekamer", "Dataversie")


# -- moving the version -----------------------------------------------------------------------


def changed(sv_ids: Iterable[int] | None) -> None:
    """Move the version of these samenwerkingsverbanden (``None``: of the shared data, which is
    part of every key, and of who may what: a bulk write may touch anything) to a new random
    token, in the current transaction."""
    if sv_ids is None:
        _move([SHARED_KEY, ACCESS_KEY])
    else:
        _rows_changed(sv_ids)


def changed_access() -> None:
    """Move the access version (``regiekamer.access.load``): users, roles, Toegang."""
    _move([ACCESS_KEY])


def _move(keys: list[str]) -> None:
    if not keys:
        return
    if getattr(_request, "versions", None):
        _request.versions = {}  # read again after this write
    token = secrets.randbits(62)
    model = _model()
    updated = model.objects.filter(sleutel__in=keys).update(versie=token)
    if updated == len(keys):
        return
    existing = set(model.objects.filter(sleutel__in=keys).values_list("sleutel", flat=True))
    for key in keys:
        if key in existing:
            continue
        try:
            with transaction.atomic():
                model.objects.create(sleutel=key, versie=token)
        except IntegrityError:  # made meanwhile by another transaction: move it
            model.objects.filter(sleutel=key).update(versie=token)


# Within one request a version is read once (a page with several cached parts asks once); a
# write of the request itself forgets it. Outside a request (a command, a worker) it is read
# every time: nothing tells such a process when another one writes.
_request = threading.local()


def _start_request(**kwargs):
    _request.versions = {}


def _end_request(**kwargs):
    _request.versions = None


def versie(sv_id: int) -> str:
    """The version of a samenwerkingsverband's data, the shared data included (one query)."""
    memo = getattr(_request, "versions", None)
    if memo is not None and sv_id in memo:
        return memo[sv_id]
    version = versies([sv_id])[sv_id]
    if memo is not None:
        memo[sv_id] = version
    return version


def with_versie(queryset):
    """Samenwerkingsverbanden with their version read in the same query (a page's lookup of
    its samenwerkingsverband); :func:`remember_versie` then keeps it for the request, so the
    page's cached parts ask no more."""
    rows = _model().objects
    own = Concat(Value("sv:"), Cast(OuterRef("pk"), CharField()))
    return queryset.annotate(
        _versie_gedeeld=Subquery(rows.filter(sleutel=SHARED_KEY).values("versie")[:1]),
        _versie_eigen=Subquery(rows.filter(sleutel=own).values("versie")[:1]),
    )


def remember_versie(sv) -> None:
    """Keep the version read by :func:`with_versie` for the rest of the request."""
    memo = getattr(_request, "versions", None)
    if memo is not None and hasattr(sv, "_versie_eigen"):
        memo[sv.pk] = _version_text(sv._versie_gedeeld, sv._versie_eigen)


def versies(sv_ids) -> dict[int, str]:
    """The versions of several samenwerkingsverbanden at once (one query)."""
    sv_ids = list(sv_ids)
    shared, own = _read_versions(sv_ids)
    return {pk: _version_text(shared, own.get(pk)) for pk in sv_ids}


def _read_versions(sv_ids: list[int]) -> tuple[int, dict[int, int]]:
    """The shared version and those of ``sv_ids`` (one query; 0 where none was ever moved)."""
    keys = {sv_key(pk): pk for pk in sv_ids}
    rows = dict(
        _model().objects.filter(sleutel__in=[SHARED_KEY, *keys]).values_list("sleutel", "versie")
    )
    return rows.get(SHARED_KEY, 0), {pk: rows[key] for key, pk in keys.items() if key in rows}


def _version_text(shared, own) -> str:
    """A samenwerkingsverband's version in a key: the shared data's and its own."""
    return f"{shared or 0}.{own or 0}"


# -- which rows belong where ------------------------------------------------------------------


@functools.cache
def tracked(model) -> bool:
    """Rows whose writes move a version: every model of Regiekamer's apps but the history tables
    and the version table itself, and the user (whose name pages show)."""
    if model._meta.app_config is None:  # a migration's model: a new release keys anew anyway
        return False
    if model._meta.label == settings.AUTH_USER_MODEL:
        return True
    if model is _model() or is_history_model(model) or model._meta.proxy:
        return False
    return regiekamer_app(model._meta.app_config)


def _target(model, sv_ids: set[int]) -> Iterable[int] | None:
    """What a write to a row of ``model`` belonging to ``sv_ids`` moves: ``None`` (the shared
    version) for a shared row and for a row of no samenwerkingsverband (yet): as ``access``
    does, such a row counts as shared (a gemeente in none, a person in no gremium, shown on
    the gemeente's page and in the admin's lists); else those samenwerkingsverbanden."""
    if model._meta.label == settings.AUTH_USER_MODEL or scope_of(model).shared:
        return None
    return sv_ids or None


def _rows_changed(target: Iterable[int] | None) -> None:
    """A signal's write: those samenwerkingsverbanden's versions, or (``None``) the shared one;
    the access version moves only for the rows access reads (``access.reads``)."""
    _move([SHARED_KEY] if target is None else sorted({sv_key(pk) for pk in target}))


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a login changes nothing a page shows, nor anyone's access
    if sender._meta.label == settings.AUTH_USER_MODEL or (raw and tracked(sender)):
        changed(None)  # a user's name, or loaddata (a demo, a restore): the access too
        return
    if reads(sender):
        changed_access()
    if not tracked(sender):
        return
    ids = set(_sv_ids_as_edited(instance))
    if instance.pk is not None and not instance._state.adding:
        ids |= stored_sv_ids(sender, [instance.pk])  # where it was: it may move
    _rows_changed(_target(sender, ids))


def _after_create(sender, instance, created=False, raw=False, **kwargs):
    """A new samenwerkingsverband gets a version of its own at once: its key is never one a
    rolled-back samenwerkingsverband with the same id used (SQLite reuses ids)."""
    if created and not raw and tracked(sender) and scope_of(sender).is_samenwerkingsverband:
        changed([instance.pk])


def _before_delete(sender, instance, **kwargs):
    if reads(sender):
        changed_access()
    if tracked(sender):
        _rows_changed(_target(sender, stored_sv_ids(sender, [instance.pk])))


def _before_m2m(sender, instance, action, model, pk_set, **kwargs):
    if action not in ("pre_add", "pre_remove", "pre_clear"):
        return
    owner = type(instance)
    if reads(owner) or reads(model):  # a user's roles, a role's permissions, a Toegang
        changed_access()
    if not (tracked(owner) or tracked(model)):
        return
    if scope_of(owner).shared and scope_of(model).shared:
        _rows_changed(None)
        return
    ids = stored_sv_ids(owner, [instance.pk]) | stored_sv_ids(model, pk_set or ())
    _rows_changed(ids or None)  # rows of no samenwerkingsverband count as shared (_target)


def connect() -> None:
    """Connect the signals (RegiekamerConfig.ready)."""
    pre_save.connect(_before_save, dispatch_uid="dataversie_save")
    post_save.connect(_after_create, dispatch_uid="dataversie_create")
    pre_delete.connect(_before_delete, dispatch_uid="dataversie_delete")
    m2m_changed.connect(_before_m2m, dispatch_uid="dataversie_m2m")
    request_started.connect(_start_request, dispatch_uid="dataversie_request_started")
    request_finished.connect(_end_request, dispatch_uid="dataversie_request_finished")


# -- the viewer ------------------------------------------------------------------------------


def token_placeholder() -> str:
    """Stands in the stored part for the CSRF token: derived from SECRET_KEY (no text a user
    types can carry it), the same in every process."""
    digest = hashlib.sha256(f"versiecache-csrf:{settings.SECRET_KEY}".encode()).hexdigest()
    return f"csrf{digest[:28]}"


def own_token(html: str, request, token=None) -> str:
    """``html`` stored with :func:`token_placeholder`, with this request's own CSRF token
    (``token``: the one its template context already holds)."""
    placeholder = token_placeholder()
    if placeholder not in html:
        return html
    return html.replace(placeholder, str(token or get_token(request)))


def viewer(request) -> tuple:
    """What a part may depend on besides the data: who looks, with which roles and access
    (its version moves with every change of anyone's Toegang or role), at which address, on
    which day."""
    user = request.user
    return (
        user.pk,
        ",".join(sorted(access.groups(user))) if user.is_authenticated else "",
        access.version_of(user),
        request.get_full_path(),
        timezone.localdate().isoformat(),
    )


# -- the cache --------------------------------------------------------------------------------


@functools.cache
def code_version() -> str:
    """A digest of the code and templates: a new release never reads what an older one cached.
    CACHE_CODE_VERSION sets it (e.g. the release's commit); else the files' contents."""
    if configured := getattr(settings, "CACHE_CODE_VERSION", ""):
        return configured
    base = Path(settings.BASE_DIR)
    roots = [base / name for name in settings.REGIEKAMER_APPS] + [base / "templates"]
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".html", ".jinja", ".css", ".svg") and path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(naam: str, sv_id: int | str, version: str, vary: tuple) -> str:
    """The key: the code, the database (two installations may share one Redis), the version
    and ``vary``."""
    database = connection.settings_dict
    where = f"{database['HOST']}:{database['PORT']}/{database['NAME']}"
    digest = hashlib.sha256(
        "\x1f".join([code_version(), where, version, *map(str, vary)]).encode()
    ).hexdigest()[:40]
    return f"rk:{naam}:{sv_id}:{digest}"


def cached(
    sv_id: int,
    naam: str,
    compute: Callable[[], T],
    *vary,
    timeout=TIMEOUT,
    valid: Callable[[T], bool] | None = None,
) -> T:
    """``compute()``, from the cache when this samenwerkingsverband's data has not changed since
    it was stored under ``naam`` and ``vary`` (strings: a query string, the viewer's role, the
    day when the value depends on it). ``valid``: whether a stored value still holds at this
    moment (a list of meetings still to come, until the first of them begins); if not, it is
    computed and stored again."""
    key = cache_key(naam, sv_id, versie(sv_id), vary)
    return _through_cache(key, naam, compute, timeout, valid)


class _NearCache:
    """The values this process read or stored last, pickled (every read gets its own copy, as
    from the shared cache), up to ``LOCAL_CACHE_BYTES``; the least recently used leave first,
    and none outlives its timeout in the shared cache.

    It may keep a value without ever asking the shared cache again because a key holds the
    versions this request read: a write anywhere gives the next request another key."""

    def __init__(self):
        self.entries: OrderedDict[str, bytes] = OrderedDict()
        self.expires: dict[str, float] = {}
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            data = self.entries.get(key)
            if data is None:
                return _MISSING
            if self.expires[key] < time.monotonic():
                self._drop(key)
                return _MISSING
            self.entries.move_to_end(key)
        return pickle.loads(data)  # noqa: S301 (this process's own pickle)

    def set(self, key, value, timeout=TIMEOUT) -> None:
        limit = settings.LOCAL_CACHE_BYTES
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(data) > limit // 8:
            return  # one value may not push out everything else
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = data
            self.expires[key] = time.monotonic() + timeout
            self.size += len(data)
            while self.size > limit:
                self._drop(next(iter(self.entries)))

    def _drop(self, key) -> None:
        self.size -= len(self.entries.pop(key))
        del self.expires[key]

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.expires.clear()
            self.size = 0


near = _NearCache()


def _through_cache(key: str, naam: str, compute, timeout, valid=None):
    """The value under ``key``: from this process's own copy, else from the shared cache, else
    ``compute()`` stored in both; a cache that does not answer costs speed, never a wrong or
    missing value."""
    value = near.get(key)
    if value is not _MISSING and (valid is None or valid(value)):
        return value
    try:
        value = cache.get(key, _MISSING)
    except Exception:  # the cache server is away: slower, never wrong
        log.warning("De cache antwoordt niet; %s wordt berekend.", naam, exc_info=True)
        return compute()
    if value is not _MISSING and (valid is None or valid(value)):
        near.set(key, value, timeout)
        return value
    value = compute()
    near.set(key, value, timeout)
    try:
        cache.set(key, value, timeout)
    except Exception:
        log.warning("De cache antwoordt niet; %s is niet bewaard.", naam, exc_info=True)
    return value


def cached_over(sv_ids, naam: str, compute: Callable[[], T], *vary) -> T:
    """:func:`cached` for a value that depends on several samenwerkingsverbanden (a gemeente's
    page, a comparison of scenarios) and the shared data: keyed on all their versions, read in
    one query."""
    sv_ids = sorted(set(sv_ids))
    if len(sv_ids) == 1:
        return cached(sv_ids[0], naam, compute, *vary)
    shared, own = _read_versions(sv_ids)  # none (a gemeente in none): the shared one alone
    version = ",".join([str(shared), *(str(own.get(pk, 0)) for pk in sv_ids)])
    ids = hashlib.sha256(",".join(map(str, sv_ids)).encode()).hexdigest()[:16]
    return _through_cache(cache_key(naam, ids, version, vary), naam, compute, TIMEOUT)


def cached_all(naam: str, compute: Callable[[], T], *vary) -> T:
    """:func:`cached` for a value that may depend on every samenwerkingsverband's data (a list
    of the admin over all of them): keyed on every version there is, read in one query."""
    rows = _model().objects.order_by("sleutel").values_list("sleutel", "versie")
    digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
    return _through_cache(cache_key(naam, "alle", digest, vary), naam, compute, TIMEOUT)


def cached_many(
    sv_ids, naam: str, compute: Callable[[list[int]], dict[int, T]], *vary
) -> dict[int, T]:
    """:func:`cached` for several samenwerkingsverbanden at once (a gemeente's bill): their
    versions in one query and one entry of the cache over all of them; ``compute(ids)`` gives
    every value in one go when any of them changed (so a miss costs one write, however many
    there are)."""
    sv_ids = sorted(set(sv_ids))
    if not sv_ids:
        return {}
    return cached_over(sv_ids, naam, lambda: compute(sv_ids), *vary)
