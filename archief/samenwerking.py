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
      "gebruikers": [                            # users the objects refer to, no rights
        {"username": "regie", "first_name": "", "last_name": "", "email": ""}
      ],
      "objecten": [                              # Django's serializer, "python" format
        {"model": "partijen.samenwerkingsverband", "pk": 1,
         "fields": {"naam": "...", "gemeenten": [1, 2, 3], "penvoerder": null, ...}},
        {"model": "convenant.historicalconvenant", "pk": 7,
         "fields": {"id": 1, "history_user": ["regie"], ...}},
        ...
      ]
    }

- A samenwerkingsverband's scenario's (issue 20) travel with it and stay scenario's (their
  ``scenario_van``, their own inwonertallen); a scenario is not exported on its own. A row
  that names another samenwerkingsverband (a scenario's inwonertal of a shared gemeente, of
  another samenwerkingsverband's scenario) is not the archive's.
- ``objecten`` holds every row that belongs to the samenwerkingsverband, per model of
  ``declarations.SV_LOOKUPS`` (any lookup matching), the shared rows they refer to (Domein,
  gemeenten),
  and their history: the rows of each simple_history model filtered with the same lookups (or
  the exported primary keys), plus the many-to-many history rows of the exported history rows.
  Primary keys are kept; many-to-many relations are lists of primary keys inside the object.
  Parents come before children; history comes after all live rows.
- A reference to a user is the natural key ``[username]``; the users themselves are in
  ``gebruikers``: who they are (username, names, e-mail), never a password or a right.
- Access rows (``Toegang``) are not exported: a place is granted in the installation itself.
- Values are written exactly: decimals as strings (``"1234.56"``), dates ISO (``"2024-01-01"``),
  date-times ISO with microseconds and offset.

Import loads everything in one transaction as raw saves (no new history rows; frozen records
load as they were), checks every foreign key, and resets the database sequences so new rows get
fresh ids.

Threat model
------------
An archive is untrusted input: anyone can write a JSON file, and whoever runs the import (a
beheerder at the command line) cannot read thousands of rows. A raw load writes whatever a row
says, past every form, model rule and access check, so the import itself must refuse everything
that an export of one samenwerkingsverband does not write. It refuses, before writing anything
and with a Dutch message naming the row (model, key, position in ``objecten``):

- a file of another format or version, a malformed file, a samenwerkingsverband whose afkorting
  exists, any row whose primary key is taken (the installation must not hold these rows);
- a row of any model outside :func:`archived_models` (the models of ``declarations.SV_LOOKUPS``, the
  shared Domein, their history and many-to-many history): users, permissions, groups, sessions,
  axes rows, content types, admin log, many-to-many tables as rows, and ``Toegang``, the rows
  that grant a user a place. A raw ``auth.user`` row could make a superuser; a ``Toegang`` row
  could hand anyone the data of another samenwerkingsverband;
- a field the model does not have (the serializer would otherwise set or ignore it unseen);
- more than one real samenwerkingsverband, or one that is not the one the archive names, a
  scenario of another one, a scenario whose afkorting exists, a scenario-only inwonertal that
  names the real samenwerkingsverband;
- a reference (foreign key or many-to-many) to a row outside the archive that exists in the
  installation: an archive may not attach itself to, or take, what belongs to another
  samenwerkingsverband (a gemeente, a gremium, a domein). A live row's reference must lead into
  the archive; only a history row may name a row that is gone (deleted before the export), and
  the sequences are then moved past that id, so no later row inherits the forged history;
- a history row whose object is not an archived row of its model and not gone (the history of
  another samenwerkingsverband's gemeente is not the archive's to write);
- a user reference (``history_user``, ``verzonden_door``, ...) that is not ``[username]`` of a
  user in ``gebruikers`` (a number would point at any existing user);
- in ``gebruikers``: any key beyond who the user is (``is_superuser``, ``password``,
  ``user_permissions``, ...), and a username that exists in the installation. Reusing it would
  attribute the archive's history and frozen letters to a real person here (and the archive
  could claim "sent by the beheerder"), so it is refused: import into an installation without
  those users, or rename them there first. ``is_active``, ``is_staff`` and ``groups``, which
  earlier exports wrote, are ignored.

Users come in without rights: inactive, not staff, not superuser, no group, no usable
password, no ``Toegang``. A beheerder activates them, sets a password and grants role and
place. Everything else in a row is data of the new samenwerkingsverband itself, which only the
people the beheerder grants access will see.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from partijen.models import Samenwerkingsverband
from regiekamer.declarations import SV_LOOKUPS

FORMAAT = "regiekamer-samenwerkingsverband"
FORMAATVERSIE = 1
# What an archive says of a user: who they are, never what they may do.
USER_FIELDS = ("username", "first_name", "last_name", "email")
# Written by earlier exports; read and ignored (an archive grants nothing).
IGNORED_USER_FIELDS = ("is_active", "is_staff", "groups")
# Rows that grant a user a place: never in an archive (a beheerder grants them anew). And the
# outbox: the mail log of this installation (what its mail server did), not the record; what was
# sent (the frozen rapportage, the letter) is archived with its own state.
NOT_ARCHIVED = frozenset({"partijen.toegang", "berichten.bericht"})
SHARED = ("partijen.domein",)


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


def _sv_filter(model, lookups, svs) -> Q | None:
    """The Q selecting rows of ``model`` that lead to one of the samenwerkingsverbanden ``svs``
    (their keys) by any of ``lookups`` (None: none of the lookups exists on this model, as with
    a reverse relation on a history model)."""
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
        condition = Q(**{f"{lookup}__in": svs})
        q = condition if q is None else q | condition
    return q


def _of_other_samenwerkingsverbanden(model, keys: set, svs: list) -> set:
    """The rows among ``keys`` that name a samenwerkingsverband outside the archive (a
    scenario's own inwonertal of a shared gemeente, of another samenwerkingsverband's
    scenario): not this archive's rows."""
    fields = [
        f.attname
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is Samenwerkingsverband
    ]
    if not fields or not keys:
        return set()
    q = Q()
    for name in fields:
        q |= Q(**{f"{name}__isnull": False}) & ~Q(**{f"{name}__in": svs})
    return _values(model._base_manager.filter(q, pk__in=keys))


def _values(queryset, name="pk") -> set:
    """The values of one column in ``queryset``, without None. Unordered: a model's default
    ordering would join other tables into every query of the export."""
    values = queryset.order_by().values_list(name, flat=True).distinct()
    return {value for value in values if value is not None}


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
    sv = Samenwerkingsverband.objects.met_afkorting(afkorting)
    if sv is None:
        raise ArchiefFout(f"Geen samenwerkingsverband met afkorting '{afkorting}'.")
    if sv.is_scenario:
        echt = sv.scenario_van.afkorting
        raise ArchiefFout(
            f"{sv.afkorting} is een scenario van {echt}; een scenario gaat mee in het archief "
            f"van {echt} (exporteer_samenwerking {echt})."
        )
    # The samenwerkingsverband and its scenario's: a scenario keeps its scenario-ness.
    svs = [sv.pk, *sv.scenarios.order_by("pk").values_list("pk", flat=True)]
    user_model = get_user_model()

    # Live rows: per model of SV_LOOKUPS, then shared rows they refer to.
    pks: dict = defaultdict(set)
    for label, lookups in SV_LOOKUPS.items():
        if label in NOT_ARCHIVED:
            continue
        model = apps.get_model(label)
        q = _sv_filter(model, lookups, svs)
        pks[model] |= _values(model._base_manager.filter(q))
        pks[model] -= _of_other_samenwerkingsverbanden(model, pks[model], svs)
    _add_referenced_rows(pks, user_model)

    # History rows: the same lookups, or the rows of the exported objects.
    history_pks: dict = {}
    for model in list(pks):
        history = _history_model(model)
        if history is None:
            continue
        label = model._meta.label_lower
        q = Q(**{f"{model._meta.pk.attname}__in": pks[model]})
        sv_q = _sv_filter(history, SV_LOOKUPS.get(label, ()), svs)
        if sv_q is not None:
            q |= sv_q
        history_pks[history] = _values(history._base_manager.filter(q))
        history_pks[history] -= _of_other_samenwerkingsverbanden(history, history_pks[history], svs)
        for field in history._history_m2m_fields:
            m2m_history = getattr(history, field.name).model
            history_pks[m2m_history] = _values(
                m2m_history._base_manager.filter(history_id__in=history_pks[history])
            )

    # Users referred to by any row.
    user_pks = set()
    for model, keys in [*pks.items(), *history_pks.items()]:
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                user_pks |= _values(model._base_manager.filter(pk__in=keys), field.attname)
    users = user_model._base_manager.filter(pk__in=user_pks)
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
            {name: getattr(u, name) for name in USER_FIELDS}
            for u in sorted(users, key=lambda u: u.get_username())
        ],
        "objecten": objecten,
    }


def _add_referenced_rows(pks: dict, user_model) -> None:
    """Add the rows the exported rows point to (foreign keys, and many-to-many relations to
    shared models such as Domein), until nothing new is found. Users are kept apart."""
    shared = {apps.get_model(label) for label in SV_LOOKUPS}
    followed: dict = defaultdict(set)  # model -> the keys whose references have been added
    while todo := {m: keys for m in list(pks) if (keys := pks[m] - followed[m])}:
        for model, keys in todo.items():  # only the rows not followed before: no query twice
            followed[model] |= keys
            for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
                target = field.related_model
                if not field.is_relation or target is None or target is user_model:
                    continue
                if field.many_to_many and target in shared:
                    continue  # e.g. a Toegang's other samenwerkingsverbanden
                name = f"{field.name}__pk" if field.many_to_many else field.attname
                pks[target] |= _values(model._base_manager.filter(pk__in=keys), name)


def archive_json(data: dict) -> str:
    return json.dumps(data, cls=_Encoder, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# --- import -------------------------------------------------------------------------------


# Models that moved to another app since archives were first written (issue 16: the parties to
# partijen/, the raadsinformatiebrief to brieven/): an older archive names them by the old label.
MOVED_LABELS = {
    f"convenant.{model}": f"{app}.{model}"
    for app, models in {
        "partijen": [
            "domein",
            "gemeente",
            "inwonertal",
            "samenwerkingsverband",
            "toegang",
        ],
        "brieven": ["raadsinformatiebrief"],
    }.items()
    for base in models
    for model in (base, f"historical{base}")
} | {
    f"convenant.{through}": f"partijen.{through}"
    for through in [
        "samenwerkingsverband_domeinen",
        "samenwerkingsverband_gemeenten",
        "historicalsamenwerkingsverband_domeinen",
        "historicalsamenwerkingsverband_gemeenten",
        "toegang_samenwerkingsverbanden",
        "toegang_stuurgroep_samenwerkingsverbanden",
        "historicaltoegang_samenwerkingsverbanden",
        "historicaltoegang_stuurgroep_samenwerkingsverbanden",
    ]
}


def read_archive(text: str | bytes) -> dict:
    """The archive in ``text``, checked for its format; ``ArchiefFout`` when it is not one. A
    model that moved to another app is read under its present label (``MOVED_LABELS``)."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as fout:
        raise ArchiefFout(f"Het bestand is geen geldige JSON: {fout}.") from fout
    objecten = data.get("objecten") if isinstance(data, dict) else None
    if isinstance(objecten, list):
        for item in objecten:
            if isinstance(item, dict) and isinstance(item.get("model"), str):
                item["model"] = MOVED_LABELS.get(item["model"], item["model"])
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


def archived_models() -> dict:
    """Every model an archive may hold, by label: the models of ``SV_LOOKUPS`` (less
    ``NOT_ARCHIVED``), the shared Domein, their simple_history models and the many-to-many
    history models of those."""
    live = [apps.get_model(label) for label in [*SV_LOOKUPS, *SHARED] if label not in NOT_ARCHIVED]
    models = list(live)
    for model in live:
        history = _history_model(model)
        if history is not None:
            models.append(history)
            models += [getattr(history, f.name).model for f in history._history_m2m_fields]
    return {model._meta.label_lower: model for model in models}


def _archived_fields(model) -> dict:
    """The fields the serializer writes for a row of ``model``, by name."""
    meta = model._meta.concrete_model._meta
    return {f.name: f for f in [*meta.local_fields, *meta.local_many_to_many] if f.serialize}


def _row_name(position: int, item: dict) -> str:
    return f"rij {position} van 'objecten' ({item['model']}, sleutel {item['pk']!r})"


def _refused(position: int, item: dict, message: str) -> ArchiefFout:
    return ArchiefFout(f"Archief geweigerd, {_row_name(position, item)}: {message}")


def _check_users(gebruikers: list) -> None:
    """Users come in without rights: only who they are is read, and only new usernames."""
    user_model = get_user_model()
    for gegevens in gebruikers:
        username = gegevens["username"]
        unknown = set(gegevens) - {*USER_FIELDS, *IGNORED_USER_FIELDS}
        if unknown:
            raise ArchiefFout(
                f"Gebruiker '{username}' in het archief heeft gegevens die een archief niet "
                f"bevat: {', '.join(sorted(unknown))}. Een archief geeft niemand rechten."
            )
    usernames = [g["username"] for g in gebruikers]
    if len(set(usernames)) != len(usernames):
        raise ArchiefFout("De lijst 'gebruikers' in het archief noemt een gebruiker twee keer.")
    existing = user_model._base_manager.filter(username__in=usernames).values_list(
        "username", flat=True
    )
    if existing:
        raise ArchiefFout(
            f"Gebruiker '{sorted(existing)[0]}' uit het archief bestaat al in deze installatie. "
            "Een archief schrijft niets toe aan een bestaande gebruiker; importeer in een "
            "installatie zonder deze gebruikers."
        )


def _check_rows(data: dict) -> dict:
    """Refuse every row an export of one samenwerkingsverband does not write: another model,
    another field, a second samenwerkingsverband, a reference that leaves the archive, a user
    not in ``gebruikers``, a history row of an object that is not the archive's. Returns, per
    model, the highest id that history names of a row that is gone (see ``_reserve_ids``)."""
    allowed = archived_models()
    user_model = get_user_model()
    usernames = {g["username"] for g in data["gebruikers"]}
    keys: dict = defaultdict(set)  # model -> the primary keys the archive holds
    for position, item in enumerate(data["objecten"], 1):
        model = allowed.get(item["model"])
        if model is None:
            raise _refused(
                position,
                item,
                "dit soort gegeven hoort niet in een archief van "
                "een samenwerkingsverband (alleen diens eigen gegevens en hun historie).",
            )
        try:
            keys[model].add(model._meta.pk.to_python(item["pk"]))
        except ValidationError as fout:
            raise _refused(position, item, "ongeldige sleutel.") from fout
    for model, pks in keys.items():
        taken = model._base_manager.filter(pk__in=pks).count()
        if taken:
            raise ArchiefFout(
                f"De installatie is niet leeg: {taken} {model._meta.verbose_name_plural} "
                "uit het archief bestaan al (zelfde sleutel)."
            )
    _check_samenwerkingsverbanden(data)

    references = []  # (position, item, field name, target model, key, from a history row)
    for position, item in enumerate(data["objecten"], 1):
        model = allowed[item["model"]]
        fields = _archived_fields(model)
        history = model._meta.label_lower not in {*SV_LOOKUPS, *SHARED}
        for name, value in item["fields"].items():
            field = fields.get(name)
            if field is None:
                raise _refused(position, item, f"onbekend veld '{name}' voor dit soort gegeven.")
            if not field.is_relation or value is None:
                continue
            target = field.related_model
            if target is user_model:
                if not (isinstance(value, list) and len(value) == 1 and value[0] in usernames):
                    raise _refused(
                        position,
                        item,
                        f"veld '{name}' noemt een gebruiker die "
                        "niet in de lijst 'gebruikers' van het archief staat.",
                    )
                continue
            values = value if field.many_to_many else [value]
            if not isinstance(values, list) or any(isinstance(v, list | dict) for v in values):
                raise _refused(position, item, f"veld '{name}' is onleesbaar.")
            for v in values:
                try:
                    key = target._meta.pk.to_python(v)
                except ValidationError as fout:
                    raise _refused(position, item, f"veld '{name}' is onleesbaar.") from fout
                # A history row may name a row gone before the export; never a history row.
                own = history and not hasattr(target, "instance_type")
                references.append((position, item, name, target, key, own))
        instance_type = getattr(model, "instance_type", None)
        if instance_type is not None and not instance_type._meta.auto_created:
            # A history row names its object by the object's key field; the history of a
            # many-to-many relation names its history row instead (a reference, above).
            pk_name = instance_type._meta.pk.attname
            try:
                key = instance_type._meta.pk.to_python(item["fields"].get(pk_name))
            except ValidationError as fout:
                raise _refused(position, item, f"ongeldig '{pk_name}'.") from fout
            references.append((position, item, pk_name, instance_type, key, True))

    return _check_references(references, keys)


def _check_samenwerkingsverbanden(data: dict) -> None:
    """Exactly one real samenwerkingsverband, the one the archive names, and only scenario's
    of it (whose afkortingen are free here); a scenario-only inwonertal names one of them."""
    svs = [o for o in data["objecten"] if o["model"] == "partijen.samenwerkingsverband"]
    echt = [o for o in svs if o["fields"].get("scenario_van") is None]
    if len(echt) != 1 or str(echt[0]["fields"].get("afkorting")) != data["samenwerkingsverband"]:
        raise ArchiefFout(
            f"Het archief moet precies één samenwerkingsverband bevatten, "
            f"{data['samenwerkingsverband']} (met zijn scenario's); het bevat er {len(echt)}."
        )
    scenarios = [o for o in svs if o is not echt[0]]
    ids = {id(o) for o in scenarios}
    for position, item in enumerate(data["objecten"], 1):
        if id(item) in ids and item["fields"]["scenario_van"] != echt[0]["pk"]:
            raise _refused(
                position,
                item,
                f"dit scenario hoort niet bij {data['samenwerkingsverband']}; een archief bevat "
                "alleen scenario's van zijn eigen samenwerkingsverband.",
            )
        if (
            item["model"] == "partijen.inwonertal"
            and item["fields"].get("scenario") == echt[0]["pk"]
        ):
            raise _refused(
                position,
                item,
                "een inwonertal van een scenario verwijst naar het echte samenwerkingsverband.",
            )
    afkortingen = [str(o["fields"].get("afkorting")) for o in scenarios]
    taken = Samenwerkingsverband.objects.filter(afkorting__in=afkortingen).first()
    if taken is not None:
        raise ArchiefFout(
            f"Samenwerkingsverband {taken.afkorting} (een scenario in het archief) bestaat al in "
            "deze installatie; er is niets geïmporteerd."
        )


def _check_references(references: list, keys: dict) -> dict:
    """A reference leads to a row of the archive. Only a history row may name a row that is
    not there (an object deleted before the export), and only if no such row exists here."""
    outside = defaultdict(set)
    for _, _, _, target, key, _ in references:
        if key is not None and key not in keys[target]:
            outside[target].add(key)
    existing = {
        target: set(target._base_manager.filter(pk__in=ids).values_list("pk", flat=True))
        for target, ids in outside.items()
    }
    gone: dict = defaultdict(int)
    for position, item, name, target, key, history in references:
        if key is None or key in keys[target]:
            continue
        label = target._meta.label_lower
        if key in existing[target]:
            extra = ""
            if label == "partijen.gemeente":
                extra = " Een archief neemt geen gemeente van een ander samenwerkingsverband over."
            raise _refused(
                position,
                item,
                f"veld '{name}' verwijst naar {label} {key}, dat al "
                f"in deze installatie bestaat en niet in het archief staat.{extra}",
            )
        if not history:
            raise ArchiefFout(
                f"Het archief is niet consistent: {_row_name(position, item)}, veld '{name}' "
                f"verwijst naar {label} {key}, dat niet in het archief staat. "
                "Er is niets geïmporteerd."
            )
        gone[target] = max(gone[target], key) if isinstance(key, int) else gone[target]
    return gone


def _reserve_ids(gone: dict) -> None:
    """History may name rows deleted before the export. Move each sequence past those ids, so
    that no new row here ever takes over the history of a deleted archived one."""
    for model, highest in gone.items():
        table = model._meta.db_table
        column = model._meta.pk.column
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), GREATEST(%s, "
                    f"(SELECT COALESCE(MAX({connection.ops.quote_name(column)}), 0) FROM "
                    f"{connection.ops.quote_name(table)})))",
                    [table, column, highest],
                )
            elif connection.vendor == "sqlite":
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s",
                    [highest, table],
                )
                if cursor.rowcount == 0:
                    cursor.execute(
                        "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)",
                        [table, highest],
                    )


def import_samenwerkingsverband(data: dict) -> dict:
    """Restore an archive; returns the number of rows per model and the users created."""
    check_archive(data)
    afkorting = data["samenwerkingsverband"]
    if Samenwerkingsverband.objects.filter(afkorting__iexact=afkorting).exists():
        raise ArchiefFout(
            f"Samenwerkingsverband {afkorting} bestaat al in deze installatie; "
            "importeren kan alleen in een installatie zonder dit samenwerkingsverband."
        )
    gone = _check_rows(data)
    _check_users(data["gebruikers"])
    by_model = {o["model"] for o in data["objecten"]}

    summary = {"objecten": defaultdict(int), "nieuwe_gebruikers": []}
    try:
        with transaction.atomic():
            summary["nieuwe_gebruikers"] = _create_users(data["gebruikers"])
            with connection.constraint_checks_disabled():
                for item in serializers.deserialize(
                    "python", data["objecten"], handle_forward_references=True
                ):
                    item.object.skip_history_when_saving = True  # m2m changes too
                    # Every key is new here (checked above): an INSERT, no UPDATE tried first.
                    item.save(force_insert=True)
                    summary["objecten"][item.object._meta.label_lower] += 1
            connection.check_constraints(
                table_names=[apps.get_model(label)._meta.db_table for label in by_model]
            )
            _reset_sequences([apps.get_model(label) for label in by_model])
            _reserve_ids(gone)
    except DeserializationError as fout:
        raise ArchiefFout(f"Het archief bevat een onleesbaar gegeven: {fout}") from fout
    except (IntegrityError, DatabaseError) as fout:
        raise ArchiefFout(
            f"Het archief is niet consistent; er is niets geïmporteerd. ({fout})"
        ) from fout
    summary["objecten"] = dict(summary["objecten"])
    return summary


def _create_users(gebruikers: list) -> list[str]:
    """New users, inactive, with an unusable password, no group, not staff: who they are
    (their names appear in history and frozen records), nothing they may do."""
    user_model = get_user_model()
    created = []
    for gegevens in gebruikers:
        username = gegevens["username"]
        user = user_model(**{k: gegevens[k] for k in USER_FIELDS if k in gegevens})
        user.is_active = user.is_staff = user.is_superuser = False
        user.set_unusable_password()
        try:
            user.full_clean(exclude=["password"])
        except ValidationError as fout:
            raise ArchiefFout(
                f"Gebruiker '{username}' in het archief is ongeldig: {fout}"
            ) from fout
        user.save()
        created.append(username)
    return created


def _reset_sequences(models: list) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
