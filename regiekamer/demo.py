"""Helpers for loading the demo record idempotently: a second run changes and duplicates nothing."""

import json
from datetime import date
from pathlib import Path

from django.conf import settings

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


def read_fixture(name: str) -> dict:
    with open(FIXTURES_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def upsert(model, defaults: dict | None = None, **lookup):
    """Get the row matching ``lookup`` and set ``defaults`` on it, saving only on a real change.

    Unlike ``update_or_create`` an unchanged row is not saved, so a repeated demo load leaves
    no empty history rows.
    """
    defaults = defaults or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults)
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save()
    return obj


def add_missing(relation, objects) -> None:
    """Add to a many-to-many relation only what it lacks (an empty add still writes history)."""
    present = set(relation.values_list("pk", flat=True))
    missing = [obj for obj in objects if obj.pk not in present]
    if missing:
        relation.add(*missing)
