"""A rule written once, as ORM lookups, and asked of a queryset and of one object alike.

``Actiepunt.objects.te_laat()`` filters on the lookups of the rule "te laat";
``Actiepunt.is_overdue()`` asks :func:`matches` whether the object's own values meet the same
lookups, so the comparison is written once and a table row needs no query.
"""

import operator

COMPARISONS = {
    "exact": operator.eq,
    "lt": operator.lt,
    "lte": operator.le,
    "gt": operator.gt,
    "gte": operator.ge,
}


def matches(obj, lookups: dict) -> bool:
    """Whether ``obj``'s own field values meet every one of ``lookups`` (``{"status": "open",
    "eind__lt": date(…)}``) as the database decides: a comparison with an empty value is false,
    as one with NULL is in SQL. Only the object's own fields and the lookups ``exact``, ``lt``,
    ``lte``, ``gt``, ``gte``, ``in`` and ``isnull``: anything else is a ValueError."""
    for key, wanted in lookups.items():
        name, _, lookup = key.partition("__")
        lookup = lookup or "exact"
        value = getattr(obj, name)
        if lookup == "exact" and wanted is None:  # as the ORM reads field=None
            lookup, wanted = "isnull", True
        if lookup == "isnull":
            met = (value is None) == bool(wanted)
        elif lookup == "in":
            met = value is not None and value in wanted
        elif lookup in COMPARISONS:
            met = value is not None and COMPARISONS[lookup](value, wanted)
        else:
            raise ValueError(f"matches() kent de lookup {key!r} niet.")
        if not met:
            return False
    return True
