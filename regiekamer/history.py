"""Who changed what and when: history rows for an object's page, from django-simple-history.

One save is one line. Every historical record a request writes carries the moment of the
request's first record (:func:`one_moment_per_request`, connected in ``apps.py``), so the
records of one save (a form and its formsets, in one transaction) share their user and moment,
and :func:`history_rows` folds them into one line that summarises them ("6 voortgangsregels
aangemaakt; kleurstatus van 2.1: goed → risico"). Values are shown as a user reads them
(``versioning.display_value``): labels, Dutch dates and numbers, related rows by their name.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from django.db.models import Max
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .versioning import display_value

ACTIONS = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}
GONE = "(verwijderd)"  # a related row that no longer exists


def history_moment():
    """The moment every historical record of the current request carries: the first record's
    (None outside a request). Pass it as ``default_date`` to ``bulk_create_with_history``."""
    request = getattr(HistoricalRecords.context, "request", None)
    if request is None:
        return None
    if not hasattr(request, "_history_moment"):
        request._history_moment = timezone.now()
    return request._history_moment


def one_moment_per_request(sender, instance, history_instance, **kwargs) -> None:
    """``pre_create_historical_record``: the records of one request share one moment."""
    moment = None if hasattr(instance, "_history_date") else history_moment()
    if moment is not None:
        history_instance.history_date = moment


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryRow:
    date: datetime
    user: str
    what: str
    changes: list[Change] = field(default_factory=list)


def _m2m_accessor(history_model, field) -> str:
    """The reverse accessor from a historical record to its many-to-many snapshot rows."""
    return f"{history_model._meta.model_name}_{field.name}_set"


def _m2m_values(record, field) -> set:
    target = field.related_model._meta.model_name
    if field.related_model is field.model:  # a relation to the same model: from_x / to_x
        target = f"to_{target}"
    rows = getattr(record, _m2m_accessor(type(record), field)).all()
    return {getattr(row, target + "_id") for row in rows}


def _is_foreign_key(f) -> bool:
    return f.is_relation and (f.many_to_one or f.one_to_one)


def _raw_changes(record, previous) -> list[tuple]:
    """(field, old, new) of each field that changed; related rows still as their key."""
    changes = []
    for f in record.tracked_fields:
        if not f.editable or f.many_to_many:
            continue
        old, new = getattr(previous, f.attname), getattr(record, f.attname)
        if old != new:
            changes.append((f, old, new))
    return changes


def _m2m_changes(record, previous) -> list[Change]:
    changes = []
    for f in record._history_m2m_fields:
        target = f.related_model._meta.verbose_name_plural
        old, new = _m2m_values(previous, f), _m2m_values(record, f)
        if old != new:
            changes.append(
                Change(str(f.verbose_name), f"{len(old)} {target}", f"{len(new)} {target}")
            )
    return changes


def _related_names(raw: list[tuple]) -> dict:
    """{(related model, key): name} for every related row the changes name: one query a model."""
    keys = defaultdict(set)
    for f, old, new in raw:
        if _is_foreign_key(f):
            keys[f.related_model].update(k for k in (old, new) if k is not None)
    names = {}
    for model, pks in keys.items():
        for obj in model._base_manager.filter(pk__in=pks):
            names[model, obj.pk] = str(obj)
    return names


def _shown(f, value, names: dict) -> str:
    if _is_foreign_key(f) and value is not None:
        return names.get((f.related_model, value), GONE)
    return display_value(f, value)


@dataclass
class _Entry:
    record: object
    name: str
    raw: list
    m2m: list


def _name(record, names: dict) -> str:
    model = record.instance_type
    name = names[model](record) if model in names else None
    return str(name if name is not None else record.instance)


def _summary(entries: list[_Entry]) -> str:
    """ "6 voortgangsregels aangemaakt; voortgangsrapportage: 3 gewijzigd" for one save."""
    counted = {}
    for entry in entries:
        key = (entry.record.instance_type, entry.record.history_type)
        counted.setdefault(key, []).append(entry.name)
    parts = []
    for (model, kind), objects in counted.items():
        action = ACTIONS.get(kind, kind)
        if len(objects) == 1:
            parts.append(f"{model._meta.verbose_name}: {objects[0]} {action}")
        else:
            parts.append(f"{len(objects)} {model._meta.verbose_name_plural} {action}")
    return "; ".join(parts)


def _row(entries: list[_Entry], fk_names: dict) -> HistoryRow:
    record = entries[0].record
    several = len({(e.record.instance_type, e.record.id) for e in entries}) > 1
    changes = []
    for entry in entries:
        suffix = f" van {entry.name}" if several else ""
        for f, old, new in entry.raw:
            label = f"{f.verbose_name}{suffix}"
            changes.append(Change(label, _shown(f, old, fk_names), _shown(f, new, fk_names)))
        changes.extend(Change(c.label + suffix, c.old, c.new) for c in entry.m2m)
    return HistoryRow(
        date=record.history_date,
        user=record.history_user.get_username() if record.history_user else "systeem",
        what=_summary(entries),
        changes=changes,
    )


def history_rows(*querysets, limit: int = 50, names: dict | None = None) -> list[HistoryRow]:
    """Merge the history of several objects, newest first: one row per save, with what it
    changed. A save of an existing row that changed nothing a user sees is left out.

    Each queryset is a ``Model.history`` queryset. A fixed number of queries per queryset:
    the rows' users are joined and many-to-many snapshots prefetched, and the related rows the
    changes name are read once per model. ``names`` maps a model to a function naming its
    historical record without a query (where ``str`` would need one).
    """
    records = []
    for qs in querysets:
        m2m = [_m2m_accessor(qs.model, f) for f in qs.model._history_m2m_fields]
        records.extend(qs.select_related("history_user").prefetch_related(*m2m))
    records.sort(key=lambda r: (r.history_date, r.history_id))

    previous_of = {}
    entries = []
    for record in records:
        key = (type(record), record.id)
        previous = previous_of.get(key)
        previous_of[key] = record
        raw, m2m = [], []
        if previous and record.history_type == "~":
            raw, m2m = _raw_changes(record, previous), _m2m_changes(record, previous)
            if not raw and not m2m:
                continue  # saved again as it was: nothing to tell
        entries.append(_Entry(record, _name(record, names or {}), raw, m2m))

    fk_names = _related_names([change for entry in entries for change in entry.raw])
    rows = [
        _row(list(group), fk_names)
        for _, group in groupby(
            entries, key=lambda e: (e.record.history_date, e.record.history_user_id)
        )
    ]
    rows.reverse()
    return rows[:limit]


def latest_change(*querysets):
    """The moment of the newest history row of the given ``Model.history`` querysets, or None."""
    dates = [qs.aggregate(laatst=Max("history_date"))["laatst"] for qs in querysets]
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None
