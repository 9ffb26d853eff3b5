"""Export and import of one samenwerkingsverband: a lossless JSON archive.

``python manage.py exporteer_samenwerking MLW -o mlw.json`` writes the samenwerkingsverband with
everything that belongs to it; ``python manage.py importeer_samenwerking mlw.json`` restores it
into an installation that does not hold it yet (typically an empty one). For a backup of the
whole database use the database's own tool (``pg_dump``); this archive is for moving or keeping
one samenwerkingsverband.

The format (``formaatversie`` 1) is one JSON object::

    {
      "formaat": "regiekamer-samenwerkingsverband",
      "formaatversie": 1,
      "samenwerkingsverband": "MLW",            # the afkorting
      "geexporteerd_op": "2026-11-23T10:15:00.123456+00:00",
      "gebruikers": [                            # users the objects refer to, no passwords
        {"username": "regie", "first_name": "", "last_name": "", "email": "",
         "is_active": true, "is_staff": true, "groups": ["regiegroep"]}
      ],
      "objecten": [                              # Django's serializer, "python" format
        {"model": "convenant.samenwerkingsverband", "pk": 1,
         "fields": {"naam": "...", "gemeenten": [1, 2, 3], "penvoerder": null, ...}},
        {"model": "convenant.historicalconvenant", "pk": 7,
         "fields": {"id": 1, "history_user": ["regie"], ...}},
        ...
      ]
    }

- ``objecten`` holds every row that belongs to the samenwerkingsverband, per model of
  ``access.SV_LOOKUPS`` (any lookup matching), the shared rows they refer to (Domein, gemeenten),
  and their history: the rows of each simple_history model filtered with the same lookups (or
  the exported primary keys), plus the many-to-many history rows of the exported history rows.
  Primary keys are kept; many-to-many relations are lists of primary keys inside the object.
  Parents come before children; history comes after all live rows.
- A reference to a user is the natural key ``[username]``; the users themselves are in
  ``gebruikers``, without password hashes: an archive carries no credentials. Import creates a
  missing user with an unusable password (a beheerder sets a new one) and reuses an existing one.
- Values are written exactly: decimals as strings (``"1234.56"``), dates ISO (``"2024-01-01"``),
  date-times ISO with microseconds and offset.

Import refuses, writing nothing, a file of another format or version, a malformed file, a
samenwerkingsverband whose afkorting exists, and any object whose primary key is taken. It loads
everything in one transaction as raw saves (no new history rows; frozen records load as they
were), checks every foreign key, and resets the database sequences so new rows get fresh ids.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from convenant.models import Samenwerkingsverband

from .access import SV_LOOKUPS

FORMAAT = "regiekamer-samenwerkingsverband"
FORMAATVERSIE = 1
USER_FIELDS = ("username", "first_name", "last_name", "email", "is_active", "is_staff")


class ArchiefFout(Exception):
    """An archive that cannot be exported or imported; the message is Dutch, for the user."""


# --- export -------------------------------------------------------------------------------


class _Serializer(PythonSerializer):
    """Django's python serializer, with users as ``[username]`` looked up in one dict.

    A history row may still name a user that was deleted since; that reference becomes null.
    """

    def __init__(self, usernames: dict):
        super().__init__()
        self.usernames = usernames

    def handle_fk_field(self, obj, field):
        if field.related_model is get_user_model():
            value = getattr(obj, field.attname)
            name = self.usernames.get(value)
            self._current[field.name] = [name] if name else None
        else:
            super().handle_fk_field(obj, field)


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeps only milliseconds of a time; an archive keeps all of it."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _sv_filter(model, lookups, sv) -> Q | None:
    """The Q selecting rows of ``model`` that lead to ``sv`` by any of ``lookups`` (None: none
    of the lookups exists on this model, as with a reverse relation on a history model)."""
    q = None
    for lookup in lookups:
        first = lookup.split("__", 1)[0]
        if lookup == "pk":
            lookup = getattr(model, "instance_type", model)._meta.pk.attname
        elif first != "pk":
            try:
                model._meta.get_field(first)
            except FieldDoesNotExist:  # e.g. a reverse relation, absent on a history model
                continue
        q = Q(**{lookup: sv.pk}) if q is None else q | Q(**{lookup: sv.pk})
    return q


def _history_model(model):
    manager = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, manager).model if manager else None


def _dependency_order(models: list) -> list:
    """Models with every parent (a model a foreign key points to) before its children."""
    ordered, seen = [], set()

    def visit(model, path=()):
        if model in seen or model in path:
            return
        for field in model._meta.concrete_fields:
            target = field.related_model
            if field.is_relation and target in models and target is not model:
                visit(target, (*path, model))
        seen.add(model)
        ordered.append(model)

    for model in models:
        visit(model)
    return ordered


def export_samenwerkingsverband(afkorting: str) -> dict:
    """The archive of one samenwerkingsverband, as a dict ready for ``json.dumps``."""
    sv = Samenwerkingsverband.objects.filter(afkorting=afkorting.upper()).first()
    if sv is None:
        raise ArchiefFout(f"Geen samenwerkingsverband met afkorting '{afkorting}'.")
    user_model = get_user_model()

    # Live rows: per model of SV_LOOKUPS, then shared rows they refer to.
    pks: dict = defaultdict(set)
    for label, lookups in SV_LOOKUPS.items():
        model = apps.get_model(label)
        q = _sv_filter(model, lookups, sv)
        pks[model] |= set(model._base_manager.filter(q).distinct().values_list("pk", flat=True))
    _add_referenced_rows(pks, user_model)

    # History rows: the same lookups, or the rows of the exported objects.
    history_pks: dict = {}
    for model in list(pks):
        history = _history_model(model)
        if history is None:
            continue
        label = model._meta.label_lower
        q = Q(**{f"{model._meta.pk.attname}__in": pks[model]})
        sv_q = _sv_filter(history, SV_LOOKUPS.get(label, ()), sv)
        if sv_q is not None:
            q |= sv_q
        history_pks[history] = set(
            history._base_manager.filter(q).distinct().values_list("pk", flat=True)
        )
        for field in history._history_m2m_fields:
            m2m_history = getattr(history, field.name).model
            history_pks[m2m_history] = set(
                m2m_history._base_manager.filter(history_id__in=history_pks[history]).values_list(
                    "pk", flat=True
                )
            )

    # Users referred to by any row.
    user_pks = set()
    for model, keys in [*pks.items(), *history_pks.items()]:
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                user_pks |= set(
                    model._base_manager.filter(pk__in=keys)
                    .exclude(**{f"{field.attname}__isnull": True})
                    .values_list(field.attname, flat=True)
                )
    users = user_model._base_manager.filter(pk__in=user_pks).prefetch_related("groups")
    usernames = {u.pk: u.get_username() for u in users}

    objecten = []
    serializer = _Serializer(usernames)
    for model in [*_dependency_order(list(pks)), *_dependency_order(list(history_pks))]:
        keys = pks.get(model) or history_pks.get(model)
        if not keys:
            continue
        m2m = [f.name for f in model._meta.many_to_many]
        rows = model._base_manager.filter(pk__in=keys).order_by("pk").prefetch_related(*m2m)
        for row in serializer.serialize(rows, use_natural_foreign_keys=True):
            for name in m2m:  # a relation to a row outside the archive (another SV) is left out
                target = model._meta.get_field(name).related_model
                row["fields"][name] = sorted(v for v in row["fields"][name] if v in pks[target])
            objecten.append(row)

    return {
        "formaat": FORMAAT,
        "formaatversie": FORMAATVERSIE,
        "samenwerkingsverband": sv.afkorting,
        "geexporteerd_op": timezone.now().isoformat(),
        "gebruikers": [
            {
                **{name: getattr(u, name) for name in USER_FIELDS},
                "groups": sorted(g.name for g in u.groups.all()),
            }
            for u in sorted(users, key=lambda u: u.get_username())
        ],
        "objecten": objecten,
    }


def _add_referenced_rows(pks: dict, user_model) -> None:
    """Add the rows the exported rows point to (foreign keys, and many-to-many relations to
    shared models such as Domein), until nothing new is found. Users are kept apart."""
    shared = {apps.get_model(label) for label in SV_LOOKUPS}
    changed = True
    while changed:
        changed = False
        for model in list(pks):
            for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
                target = field.related_model
                if not field.is_relation or target is None or target is user_model:
                    continue
                if field.many_to_many:
                    if target in shared:
                        continue  # e.g. a Toegang's other samenwerkingsverbanden
                    values = model._base_manager.filter(pk__in=pks[model]).values_list(
                        f"{field.name}__pk", flat=True
                    )
                else:
                    values = model._base_manager.filter(pk__in=pks[model]).values_list(
                        field.attname, flat=True
                    )
                new = {v for v in values if v is not None} - pks[target]
                if new:
                    pks[target] |= new
                    changed = True


def archive_json(data: dict) -> str:
    return json.dumps(data, cls=_Encoder, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# --- import -------------------------------------------------------------------------------


def read_archive(text: str | bytes) -> dict:
    """The archive in ``text``, checked for its format; ``ArchiefFout`` when it is not one."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as fout:
        raise ArchiefFout(f"Het bestand is geen geldige JSON: {fout}.") from fout
    check_archive(data)
    return data


def check_archive(data) -> None:
    if not isinstance(data, dict) or data.get("formaat") != FORMAAT:
        raise ArchiefFout(
            f"Dit is geen archief van een samenwerkingsverband (formaat '{FORMAAT}' verwacht)."
        )
    if data.get("formaatversie") != FORMAATVERSIE:
        raise ArchiefFout(
            f"Onbekende formaatversie {data.get('formaatversie')!r}; deze versie van "
            f"Regiekamer leest versie {FORMAATVERSIE}."
        )
    if not isinstance(data.get("samenwerkingsverband"), str):
        raise ArchiefFout("Het archief noemt geen samenwerkingsverband.")
    gebruikers, objecten = data.get("gebruikers"), data.get("objecten")
    if not isinstance(gebruikers, list) or not all(
        isinstance(g, dict) and isinstance(g.get("username"), str) and g["username"]
        for g in gebruikers
    ):
        raise ArchiefFout("De lijst 'gebruikers' in het archief is onleesbaar.")
    if not isinstance(objecten, list) or not all(
        isinstance(o, dict)
        and isinstance(o.get("model"), str)
        and isinstance(o.get("fields"), dict)
        and o.get("pk") is not None
        for o in objecten
    ):
        raise ArchiefFout("De lijst 'objecten' in het archief is onleesbaar.")
    for label in {o["model"] for o in objecten}:
        try:
            apps.get_model(label)
        except (LookupError, ValueError) as fout:
            raise ArchiefFout(f"Onbekend soort gegeven in het archief: '{label}'.") from fout


def import_samenwerkingsverband(data: dict) -> dict:
    """Restore an archive; returns the number of rows per model and the users created."""
    check_archive(data)
    afkorting = data["samenwerkingsverband"]
    if Samenwerkingsverband.objects.filter(afkorting__iexact=afkorting).exists():
        raise ArchiefFout(
            f"Samenwerkingsverband {afkorting} bestaat al in deze installatie; "
            "importeren kan alleen in een installatie zonder dit samenwerkingsverband."
        )
    by_model = defaultdict(list)
    for o in data["objecten"]:
        by_model[o["model"]].append(o["pk"])
    for label, keys in by_model.items():
        model = apps.get_model(label)
        try:
            keys = [model._meta.pk.to_python(k) for k in keys]
        except Exception as fout:
            raise ArchiefFout(f"Ongeldige sleutel bij '{label}' in het archief.") from fout
        taken = model._base_manager.filter(pk__in=keys).count()
        if taken:
            raise ArchiefFout(
                f"De installatie is niet leeg: {taken} {model._meta.verbose_name_plural} "
                "uit het archief bestaan al (zelfde sleutel)."
            )

    summary = {"objecten": defaultdict(int), "nieuwe_gebruikers": []}
    try:
        with transaction.atomic():
            summary["nieuwe_gebruikers"] = _create_users(data["gebruikers"])
            with connection.constraint_checks_disabled():
                for item in serializers.deserialize(
                    "python", data["objecten"], handle_forward_references=True
                ):
                    item.object.skip_history_when_saving = True  # m2m changes too
                    item.save()
                    summary["objecten"][item.object._meta.label_lower] += 1
            connection.check_constraints(
                table_names=[apps.get_model(label)._meta.db_table for label in by_model]
            )
            _reset_sequences([apps.get_model(label) for label in by_model])
    except DeserializationError as fout:
        raise ArchiefFout(f"Het archief bevat een onleesbaar gegeven: {fout}") from fout
    except (IntegrityError, DatabaseError) as fout:
        raise ArchiefFout(
            f"Het archief is niet consistent; er is niets geïmporteerd. ({fout})"
        ) from fout
    summary["objecten"] = dict(summary["objecten"])
    return summary


def _create_users(gebruikers: list) -> list[str]:
    user_model = get_user_model()
    created = []
    for gegevens in gebruikers:
        username = gegevens["username"]
        if user_model._base_manager.filter(username=username).exists():
            continue
        user = user_model(**{k: gegevens[k] for k in USER_FIELDS if k in gegevens})
        user.set_unusable_password()
        try:
            user.full_clean(exclude=["password"])
        except ValidationError as fout:
            raise ArchiefFout(
                f"Gebruiker '{username}' in het archief is ongeldig: {fout}"
            ) from fout
        user.save()
        for name in gegevens.get("groups") or []:
            user.groups.add(Group.objects.get_or_create(name=str(name))[0])
        created.append(username)
    return created


def _reset_sequences(models: list) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
