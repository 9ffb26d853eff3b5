"""The three roles of Regiekamer, as Django groups with model permissions.

- regiegroep: edits everything in the domain apps, except the shared rows (domeinen), which it
  reads;
- stuurgroep: reads everything (and, later, records its decisions);
- beheerder: administers users and the admin (all permissions);
- gemeente: an official of one gemeente reads, and edits that gemeente's own data.

Where each may act (which samenwerkingsverband, which gemeente) is decided in ``access.py``.

The groups are (re)built after every migrate, so a new model's permissions reach them
without a data migration.
"""

from django.contrib.auth.models import Group, Permission

from .declarations import SV_LOOKUPS

REGIEGROEP = "regiegroep"
STUURGROEP = "stuurgroep"
BEHEERDER = "beheerder"
GEMEENTE = "gemeente"

DOMAIN_APPS = [
    "partijen",
    "berichten",
    "convenant",
    "formatie",
    "kosten",
    "governance",
    "programma",
    "brieven",
    "begroting",
]

# Models the stuurgroep may change besides reading (app_label.model): it records decisions.
STUURGROEP_EDITS: list[str] = ["governance.besluit"]

# What an official of a gemeente may change (only for their own gemeente, see access.py).
GEMEENTE_EDITS: dict[str, list[str]] = {
    "partijen.gemeente": ["change"],
    "partijen.inwonertal": ["add", "change", "delete"],
    "partijen.functionaris": ["add", "change", "delete"],
    "kosten.budget": ["add", "change", "delete"],
}


def shared_changes():
    """The add/change/delete permissions of the shared models (a domein: a model that belongs
    to no samenwerkingsverband, see ``declarations``): only the beheerder has them."""
    return [
        p.pk
        for p in Permission.objects.filter(content_type__app_label__in=DOMAIN_APPS)
        .exclude(codename__startswith="view_")
        .select_related("content_type")
        if f"{p.content_type.app_label}.{p.content_type.model}" not in SV_LOOKUPS
    ]


def ensure_groups(**kwargs):
    domain = Permission.objects.filter(content_type__app_label__in=DOMAIN_APPS)
    view = domain.filter(codename__startswith="view_")
    stuur_extra = [
        p
        for p in domain.select_related("content_type")
        if f"{p.content_type.app_label}.{p.content_type.model}" in STUURGROEP_EDITS
    ]

    regie, _ = Group.objects.get_or_create(name=REGIEGROEP)
    regie.permissions.set(domain.exclude(pk__in=shared_changes()))
    stuur, _ = Group.objects.get_or_create(name=STUURGROEP)
    stuur.permissions.set([*view, *stuur_extra])
    gemeente_extra = [
        p
        for p in domain.select_related("content_type")
        if p.codename.split("_", 1)[0]
        in GEMEENTE_EDITS.get(f"{p.content_type.app_label}.{p.content_type.model}", [])
    ]
    gemeente, _ = Group.objects.get_or_create(name=GEMEENTE)
    gemeente.permissions.set([*view, *gemeente_extra])
    beheer, _ = Group.objects.get_or_create(name=BEHEERDER)
    beheer.permissions.set(Permission.objects.all())
