"""The three roles of Regiekamer, as Django groups with model permissions.

- regiegroep: edits everything in the domain apps;
- stuurgroep: reads everything (and, later, records its decisions);
- beheerder: administers users and the admin (all permissions).

The groups are (re)built after every migrate, so a new model's permissions reach them
without a data migration.
"""

from django.contrib.auth.models import Group, Permission

REGIEGROEP = "regiegroep"
STUURGROEP = "stuurgroep"
BEHEERDER = "beheerder"

DOMAIN_APPS = ["convenant", "formatie", "kosten", "governance", "programma"]

# Models the stuurgroep may change besides reading (app_label.model), filled by later apps.
STUURGROEP_EDITS: list[str] = []


def ensure_groups(**kwargs):
    domain = Permission.objects.filter(content_type__app_label__in=DOMAIN_APPS)
    view = domain.filter(codename__startswith="view_")
    stuur_extra = [
        p
        for p in domain.select_related("content_type")
        if f"{p.content_type.app_label}.{p.content_type.model}" in STUURGROEP_EDITS
    ]

    regie, _ = Group.objects.get_or_create(name=REGIEGROEP)
    regie.permissions.set(domain)
    stuur, _ = Group.objects.get_or_create(name=STUURGROEP)
    stuur.permissions.set([*view, *stuur_extra])
    beheer, _ = Group.objects.get_or_create(name=BEHEERDER)
    beheer.permissions.set(Permission.objects.all())
