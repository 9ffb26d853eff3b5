"""Who may see and do what: the rules of Regiekamer, in one place.

A role (Django group, see ``roles.py``) says *what kind* of thing a user may do; the user's
``Toegang`` says *where*: the samenwerkingsverbanden they take part in, and for an official of
a gemeente, that gemeente.

- beheerder: sees and administers everything;
- regiegroep: edits the samenwerkingsverbanden it takes part in;
- stuurgroep: reads them and records decisions (``roles.STUURGROEP_EDITS``);
- gemeente: an official reads the samenwerkingsverbanden of their gemeente and edits that
  gemeente's own data (address, contactpersoon, inwonertallen, budget), not another's.

Nobody sees a samenwerkingsverband they take no part in: its pages answer 404, its admin
pages too. Browser views and the admin both ask :func:`can` and :func:`scope`; no per-object
permission rows exist.
"""

from __future__ import annotations

# How a row of each model leads to its samenwerkingsverband(en): ORM lookups, any of which
# may match. Models not listed here belong to no samenwerkingsverband (Domein: shared).
SV_LOOKUPS: dict[str, tuple[str, ...]] = {
    "convenant.samenwerkingsverband": ("pk",),
    "convenant.gemeente": ("samenwerkingsverbanden",),
    "convenant.inwonertal": ("gemeente__samenwerkingsverbanden",),
    "convenant.convenant": ("samenwerkingsverband",),
    "convenant.overweging": ("convenant__samenwerkingsverband",),
    "convenant.artikel": ("convenant__samenwerkingsverband",),
    "convenant.artikelonderdeel": ("artikel__convenant__samenwerkingsverband",),
    "convenant.ondertekenaar": ("convenant__samenwerkingsverband",),
    "convenant.herijkingsmoment": ("convenant__samenwerkingsverband",),
    "convenant.raadsinformatiebrief": ("samenwerkingsverband",),
    "convenant.toegang": ("samenwerkingsverbanden",),
    "formatie.fase": ("samenwerkingsverband",),
    "formatie.rol": ("samenwerkingsverband",),
    "formatie.salarisschaal": ("samenwerkingsverband",),
    "formatie.bezetting": ("rol__samenwerkingsverband",),
    "formatie.werkgroep": ("samenwerkingsverband",),
    "kosten.verdeelsleutel": ("samenwerkingsverband",),
    "kosten.verdeelsleutelaandeel": ("verdeelsleutel__samenwerkingsverband",),
    "kosten.budget": ("samenwerkingsverband",),
    "governance.gremium": ("samenwerkingsverband",),
    "governance.gremiumrelatie": ("van__samenwerkingsverband",),
    "governance.persoon": (
        "lidmaatschappen__gremium__samenwerkingsverband",
        "gemeente__samenwerkingsverbanden",
    ),
    "governance.lidmaatschap": ("gremium__samenwerkingsverband",),
    "governance.vergadering": ("gremium__samenwerkingsverband",),
    "governance.agendapunt": ("vergadering__gremium__samenwerkingsverband",),
    "governance.stuk": ("agendapunt__vergadering__gremium__samenwerkingsverband",),
    "governance.besluit": ("gremium__samenwerkingsverband",),
    "governance.actiepunt": ("gremium__samenwerkingsverband",),
    "governance.knelpunt": ("samenwerkingsverband",),
    "programma.programmaplan": ("samenwerkingsverband",),
    "programma.doel": ("plan__samenwerkingsverband",),
    "programma.startvraag": ("plan__samenwerkingsverband",),
    "programma.thema": ("plan__samenwerkingsverband",),
    "programma.opdracht": ("thema__plan__samenwerkingsverband",),
    "programma.resultaat": ("opdracht__thema__plan__samenwerkingsverband",),
    "programma.startantwoord": ("opdracht__thema__plan__samenwerkingsverband",),
    "programma.budgetpost": ("plan__samenwerkingsverband",),
    "programma.voortgangsrapportage": ("plan__samenwerkingsverband",),
    "programma.voortgangsregel": ("rapportage__plan__samenwerkingsverband",),
}

# A gemeente's own data, which an official of that gemeente edits: how a row leads to it.
GEMEENTE_LOOKUPS: dict[str, str] = {
    "convenant.gemeente": "pk",
    "convenant.inwonertal": "gemeente",
    "kosten.budget": "gemeente",
}


def model_label(model) -> str:
    return model._meta.label_lower
