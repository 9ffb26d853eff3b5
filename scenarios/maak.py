"""Make a scenario: a what-if copy of a real samenwerkingsverband.

The copy holds what the costs are made of: the gemeenten (and penvoerder), their inwonertallen
(as the scenario's own figures, ``Inwonertal.scenario``), the fasen, salarisschalen, rollen with
their bezetting and uurtarieven, the pakketten with their deelnames, and the verdeelsleutels.
Everything else (convenant, governance, programma, letters, budgets) stays with the real one.
Every row is written with its history record naming the user, in one transaction.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from formatie.models import Bezetting, Fase, Pakket, Pakketdeelname, Rol, Salarisschaal, Uurtarief
from kosten.models import Verdeelsleutel, Verdeelsleutelaandeel
from partijen.models import Inwonertal, Samenwerkingsverband
from regiekamer import dataversie


def _copy(obj, **changes):
    """An unsaved copy of ``obj``: every stored field but its key and version, then
    ``changes`` (the parent rows of the copy, by ``<field>_id``)."""
    model = type(obj)
    values = {
        f.attname: getattr(obj, f.attname)
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name != getattr(obj, "version_field", None)
    }
    values.update(changes)
    return model(**values)


def _create(model, objs, user):
    """``objs`` inserted at once with their history; a bulk insert sends no signal, so
    ``maak_scenario`` moves the scenario's data version itself (``regiekamer.dataversie``)."""
    return bulk_create_with_history(objs, model, default_user=user) if objs else []


def check_afkorting(afkorting: str) -> str:
    """The afkorting in capitals; ValidationError (Dutch) when it is taken or malformed."""
    field = Samenwerkingsverband._meta.get_field("afkorting")
    afkorting = (afkorting or "").strip().upper()
    if not afkorting:
        raise ValidationError("Geef het scenario een afkorting.")
    if not re.fullmatch(r"[A-Z0-9_-]+", afkorting):
        raise ValidationError(
            "Een afkorting bestaat alleen uit letters, cijfers, - en _ (zonder spaties), "
            "bijvoorbeeld ML7."
        )
    if len(afkorting) > field.max_length:
        raise ValidationError(f"Een afkorting heeft ten hoogste {field.max_length} tekens.")
    field.run_validators(afkorting)
    if Samenwerkingsverband.objects.filter(afkorting__iexact=afkorting).exists():
        raise ValidationError(f"De afkorting {afkorting} is al in gebruik.")
    return afkorting


@transaction.atomic
def maak_scenario(
    sv: Samenwerkingsverband, afkorting: str, naam: str, user=None, toelichting: str = ""
):
    """A new scenario of the real ``sv`` under ``afkorting`` and ``naam``; ``toelichting``:
    the question it answers and where its figures come from."""
    if sv.is_scenario:
        raise ValidationError("Maak een scenario van het echte samenwerkingsverband.")
    naam = (naam or "").strip()
    if not naam:
        raise ValidationError("Geef het scenario een naam.")
    afkorting = check_afkorting(afkorting)
    scenario = Samenwerkingsverband(
        naam=naam,
        afkorting=afkorting,
        juridische_vorm=sv.juridische_vorm,
        penvoerder_id=sv.penvoerder_id,
        scenario_van=sv,
        toelichting=(toelichting or "").strip(),
    )
    scenario._history_user = user
    scenario.full_clean()
    scenario.save()
    gemeenten = list(sv.gemeenten.all())
    scenario.gemeenten.set(gemeenten)
    scenario.domeinen.set(sv.domeinen.all())

    _create(
        Inwonertal,
        [
            _copy(i, scenario_id=scenario.pk)
            for i in Inwonertal.objects.filter(gemeente__in=gemeenten).order_by("pk")
        ],
        user,
    )
    fasen = {}
    for fase in Fase.objects.filter(samenwerkingsverband=sv).order_by("begin"):
        fasen[fase.pk] = _copy(fase, samenwerkingsverband_id=scenario.pk, convenant_id=None)
    _create(Fase, list(fasen.values()), user)
    _create(
        Salarisschaal,
        [
            _copy(s, samenwerkingsverband_id=scenario.pk)
            for s in Salarisschaal.objects.filter(samenwerkingsverband=sv).order_by("pk")
        ],
        user,
    )
    pakketten = {}
    for pakket in Pakket.objects.filter(samenwerkingsverband=sv).order_by("pk"):
        pakketten[pakket.pk] = _copy(pakket, samenwerkingsverband_id=scenario.pk)
    _create(Pakket, list(pakketten.values()), user)
    _create(
        Pakketdeelname,
        [
            _copy(d, pakket_id=pakketten[d.pakket_id].pk)
            for d in Pakketdeelname.objects.filter(pakket__samenwerkingsverband=sv).order_by("pk")
        ],
        user,
    )
    rollen = {}
    for rol in Rol.objects.filter(samenwerkingsverband=sv).order_by("pk"):
        pakket = pakketten[rol.pakket_id].pk if rol.pakket_id else None
        rollen[rol.pk] = _copy(rol, samenwerkingsverband_id=scenario.pk, pakket_id=pakket)
    _create(Rol, list(rollen.values()), user)
    _create(
        Bezetting,
        [
            _copy(b, rol_id=rollen[b.rol_id].pk, fase_id=fasen[b.fase_id].pk)
            for b in Bezetting.objects.filter(rol__samenwerkingsverband=sv).order_by("pk")
        ],
        user,
    )
    _create(
        Uurtarief,
        [
            _copy(u, rol_id=rollen[u.rol_id].pk)
            for u in Uurtarief.objects.filter(rol__samenwerkingsverband=sv).order_by("pk")
        ],
        user,
    )
    sleutels = {}
    for sleutel in Verdeelsleutel.objects.filter(samenwerkingsverband=sv).order_by("pk"):
        sleutels[sleutel.pk] = _copy(sleutel, samenwerkingsverband_id=scenario.pk)
    _create(Verdeelsleutel, list(sleutels.values()), user)
    _create(
        Verdeelsleutelaandeel,
        [
            _copy(a, verdeelsleutel_id=sleutels[a.verdeelsleutel_id].pk)
            for a in Verdeelsleutelaandeel.objects.filter(
                verdeelsleutel__samenwerkingsverband=sv
            ).order_by("pk")
        ],
        user,
    )
    dataversie.changed([scenario.pk])
    return scenario
