"""Who changed what and when: history rows for an object's page, from django-simple-history."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max

ACTIONS = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryRow:
    date: datetime
    user: str
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)


def _display(value) -> str:
    if value is None or value == "":
        return "—"
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def _m2m_accessor(history_model, field) -> str:
    """The reverse accessor from a historical record to its many-to-many snapshot rows."""
    return f"{history_model._meta.model_name}_{field.name}_set"


def _m2m_values(record, field) -> set:
    target = field.related_model._meta.model_name
    if field.related_model is field.model:  # a relation to the same model: from_x / to_x
        target = f"to_{target}"
    rows = getattr(record, _m2m_accessor(type(record), field)).all()
    return {getattr(row, target + "_id") for row in rows}


def _changes(record, previous) -> list[Change]:
    changes = []
    for f in record.tracked_fields:
        if not f.editable or f.many_to_many:
            continue
        old, new = getattr(previous, f.attname), getattr(record, f.attname)
        if old != new:
            changes.append(Change(str(f.verbose_name), _display(old), _display(new)))
    for f in record._history_m2m_fields:
        target = f.related_model._meta.verbose_name_plural
        old, new = _m2m_values(previous, f), _m2m_values(record, f)
        if old != new:
            changes.append(
                Change(
                    str(f.verbose_name),
                    f"{len(old)} {target}",
                    f"{len(new)} {target}",
                )
            )
    return changes


def _subject(record, names: dict) -> str:
    meta = record.instance_type._meta
    name = names[record.instance_type](record) if record.instance_type in names else None
    return f"{meta.verbose_name}: {name if name is not None else record.instance}"


def history_rows(*querysets, limit: int = 50, names: dict | None = None) -> list[HistoryRow]:
    """Merge the history of several objects, newest first, each row with what it changed.

    Each queryset is a ``Model.history`` queryset. A fixed number of queries per queryset:
    the rows' users are joined and many-to-many snapshots prefetched. ``names`` maps a model
    to a function naming its historical record without a query (where ``str`` would need one).
    """
    records = []
    for qs in querysets:
        m2m = [_m2m_accessor(qs.model, f) for f in qs.model._history_m2m_fields]
        records.extend(qs.select_related("history_user").prefetch_related(*m2m))
    records.sort(key=lambda r: (r.history_date, r.history_id))

    previous_of = {}
    rows = []
    for record in records:
        key = (type(record), record.id)
        previous = previous_of.get(key)
        previous_of[key] = record
        rows.append(
            HistoryRow(
                date=record.history_date,
                user=record.history_user.get_username() if record.history_user else "systeem",
                action=ACTIONS.get(record.history_type, record.history_type),
                subject=_subject(record, names or {}),
                changes=_changes(record, previous)
                if previous and record.history_type == "~"
                else [],
            )
        )
    rows.reverse()
    return rows[:limit]


def latest_change(*querysets):
    """The moment of the newest history row of the given ``Model.history`` querysets, or None."""
    dates = [qs.aggregate(laatst=Max("history_date"))["laatst"] for qs in querysets]
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None
