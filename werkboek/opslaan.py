"""Storing a read workbook: the formation of a samenwerkingsverband replaced in one
transaction, written in bulk (a fixed number of queries, whatever the number of rows).

Every row written keeps what a single save gives it: a history record naming the user
(``simple_history.utils.bulk_create_with_history`` / ``bulk_update_with_history``, and a
deletion record per deleted row) and, for a changed row, the next ``versie``
(``regiekamer.versioning``). What the user may do to a gemeente shared with another
samenwerkingsverband is asked of ``regiekamer.access`` for each gemeente the workbook names
(``werkboek.gemeenten``).
"""

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from formatie.constants import Kostensoort
from formatie.models import Bezetting, Fase, Pakket, Pakketdeelname, Rol, Salarisschaal, Uurtarief
from kosten.constants import Verdeelmethode
from kosten.gegevens import load_formatie, load_kostenverdeling
from kosten.models import Verdeelsleutel, Verdeelsleutelaandeel
from kosten.verdeling import KostenFout, missing_per_rol
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer import dataversie

from . import kolommen
from .cellen import Problems, WerkboekFout, did_you_mean, key
from .gemeenten import ImportResult, check_shared_gemeenten, refuse_mistyped_gemeenten
from .lezen import Formatie, parse_workbook

BRON = "werkboek"
DELETE_BATCH = 500  # rows deleted by one query (SQLite takes at most 999 parameters)
# Fields of Rol the workbook does not hold (unless a column says so): they survive a re-import
# for a rol of the same name.
ROL_BEWAARD = ("omschrijving", "opmerking", "naam_in_kostentabel")
# Fields of Pakket a re-import updates in place for a pakket of the same name (with its naam
# and omschrijving); its bron is not in the workbook and stays.
PAKKET_VELDEN = ("soort", "verdeling", "peildatum", "volgorde")


def import_workbook(file, samenwerkingsverband: Samenwerkingsverband, user=None) -> ImportResult:
    """Replace the formation of ``samenwerkingsverband`` by the one in the workbook.

    ``file`` is a path, the bytes of the file, or a binary file object (an upload). Raises
    :class:`WerkboekFout` with every problem found, and then changes nothing.

    ``user`` imports it (the history names them) with their rights over shared gemeenten
    (``access.may_attach_gemeente``, ``access.may_edit_gemeente``): a row naming a gemeente of
    a samenwerkingsverband they take no part in is refused, and so is a new inwonertal for a
    gemeente they may not edit. ``None`` is the operator on the server's command line
    (``importeer_formatie`` without ``--gebruiker``), trusted as the beheerder is.
    """
    formatie = parse_workbook(file)
    try:
        with transaction.atomic():
            return _store(formatie, samenwerkingsverband, user)
    except ProtectedError as exc:
        in_use = sorted({str(obj) for obj in exc.protected_objects})
        raise WerkboekFout(
            [
                "De bestaande formatie kan niet worden vervangen, want er wordt nog naar "
                "verwezen: " + ", ".join(in_use) + "."
            ]
        ) from exc
    except IntegrityError as exc:
        raise WerkboekFout([f"Het werkboek kon niet worden opgeslagen: {exc}"]) from exc


# -- bulk writes that keep the history and the version ------------------------------------------


def _create(model, objs: list, user) -> list:
    """``objs`` inserted at once, each with its history record ("+") naming ``user``."""
    if not objs:
        return []
    return bulk_create_with_history(objs, model, default_user=user)


def _update(model, objs: list, fields: list[str], user) -> None:
    """``objs`` updated at once: each gets its next ``versie`` and a history record ("~")."""
    if not objs:
        return
    for obj in objs:
        obj.bump_version()
    fields = [*fields, objs[0].version_field]
    # The base manager: a default manager may hide rows (a scenario's own Inwonertal).
    bulk_update_with_history(objs, model, fields, default_user=user, manager=model._base_manager)


def _delete_all(queryset, user) -> None:
    """Delete the rows of ``queryset`` at once, each with its deletion record ("-") naming
    ``user``, as a delete one by one would write it.

    The rows are deleted without Django's cascade: the store deletes the children first
    (Bezetting and Uurtarief before Rol and Fase, the aandelen before their key); a row another
    table still refers to fails the transaction (IntegrityError) rather than taking it along.
    """
    rows = list(queryset)
    if not rows:
        return
    model = queryset.model
    history = model.history.model
    now = timezone.now()
    history.objects.bulk_create(
        [
            history(
                history_date=now,
                history_user=user if user is not None else history.get_default_history_user(row),
                history_change_reason=None,
                history_type="-",
                **{f.attname: getattr(row, f.attname) for f in history.tracked_fields},
            )
            for row in rows
        ]
    )
    pks = [row.pk for row in rows]
    for start in range(0, len(pks), DELETE_BATCH):  # the database's limit of parameters
        model._base_manager.filter(pk__in=pks[start : start + DELETE_BATCH])._raw_delete(
            queryset.db
        )


# -- the store ----------------------------------------------------------------------------------


def _store(formatie: Formatie, sv: Samenwerkingsverband, user) -> ImportResult:
    # One import at a time per samenwerkingsverband (a no-op on SQLite).
    locked = Samenwerkingsverband.objects.select_for_update().get(pk=sv.pk)
    # The rows are written in bulk, without signals; gemeenten and inwonertallen are shared
    # with other samenwerkingsverbanden: every cached figure is recomputed.
    dataversie.changed(None)
    peildatum = formatie.peildatum
    jaar = formatie.jaar

    # Gemeenten: reuse by name (case-insensitive), create what is missing.
    names = Q()
    for rij in formatie.gemeenten:
        names |= Q(naam__iexact=rij.naam)
    existing = {key(g.naam): g for g in Gemeente.objects.filter(names)}
    refuse_mistyped_gemeenten(formatie, existing)
    kept = check_shared_gemeenten(formatie, sv, existing, user) if user is not None else set()
    blad = kolommen.GEMEENTEN_BLAD
    new = [r for r in formatie.gemeenten if key(r.naam) not in existing]
    created = _create(Gemeente, [Gemeente(**blad.velden(r)) for r in new], user)
    existing.update((key(g.naam), g) for g in created)
    gemeenten: dict[str, Gemeente] = {r.naam: existing[key(r.naam)] for r in formatie.gemeenten}
    nieuwe = [g.naam for g in created]
    deelnemers = list(sv.gemeenten.all())
    present = {g.pk for g in deelnemers}
    missing = [g for g in gemeenten.values() if g.pk not in present]
    if missing:
        if user is not None:
            sv._history_user = user
        sv.gemeenten.add(*missing)
    # Gemeenten are only added, never removed: leaving takes more than a workbook.
    imported = {g.pk for g in gemeenten.values()}
    waarschuwingen = [
        f"{g.naam} neemt deel aan {sv.afkorting} maar staat niet in het werkboek; "
        "de gemeente blijft deelnemer."
        for g in deelnemers
        if g.pk not in imported
    ]
    _store_inwonertallen(formatie, sv, gemeenten, kept, user)

    # What the workbook does not hold survives for a rol or fase of the same name.
    bewaard = [f for f in ROL_BEWAARD if f not in kolommen.ROLLEN_BLAD.veldnamen()]
    old_rollen = {
        r.naam: {f: getattr(r, f) for f in bewaard}
        for r in Rol.objects.filter(samenwerkingsverband=sv).only("naam", *bewaard)
    }
    # A hired rol's hourly rates of later years (Nieuw begrotingsjaar) are not in the workbook.
    old_uurtarieven = [
        (u.rol.naam, u.rol.kostensoort, u.jaar, u.uurtarief, u.indexatie, u.bron)
        for u in Uurtarief.objects.filter(rol__samenwerkingsverband=sv, jaar__gt=jaar)
        .select_related("rol")
        .order_by("jaar")
    ]
    old_fasen = {
        f.naam: f.convenant_id
        for f in Fase.objects.filter(samenwerkingsverband=sv).only("naam", "convenant_id")
    }
    # Without the column pakket a rol keeps its pakket (by name).
    old_pakket = dict(
        Rol.objects.filter(samenwerkingsverband=sv, pakket__isnull=False).values_list(
            "naam", "pakket__naam"
        )
    )

    # Remove the old formation and keys, children first.
    _delete_all(Bezetting.objects.filter(rol__samenwerkingsverband=sv), user)
    _delete_all(Uurtarief.objects.filter(rol__samenwerkingsverband=sv), user)
    _delete_all(Rol.objects.filter(samenwerkingsverband=sv), user)
    pakketten = _store_pakketten(formatie, sv, gemeenten, waarschuwingen, user)
    _delete_all(Fase.objects.filter(samenwerkingsverband=sv), user)
    # The workbook holds one amount per schaal, for the first year: amounts of later years
    # (Nieuw begrotingsjaar) are not in it and stay.
    _delete_all(Salarisschaal.objects.filter(samenwerkingsverband=sv, jaar__lte=jaar), user)
    _delete_all(Verdeelsleutelaandeel.objects.filter(verdeelsleutel__samenwerkingsverband=sv), user)
    _delete_all(Verdeelsleutel.objects.filter(samenwerkingsverband=sv), user)

    fase_blad = kolommen.FASEN_BLAD
    fasen = _create(
        Fase,
        [
            Fase(samenwerkingsverband=sv, convenant_id=old_fasen.get(r.naam), **fase_blad.velden(r))
            for r in formatie.fasen
        ],
        user,
    )
    fasen = {f.naam: f for f in fasen}

    schalen = {}
    for rij in formatie.rollen:
        if rij.kostensoort == Kostensoort.SCHAAL:
            schalen.setdefault(rij.schaal, rij.jaarkosten_per_fte)
    _create(
        Salarisschaal,
        [
            Salarisschaal(samenwerkingsverband=sv, schaal=s, jaar=jaar, jaarkosten_per_fte=j)
            for s, j in sorted(schalen.items())
        ],
        user,
    )

    rol_blad = kolommen.ROLLEN_BLAD
    rol_pakketten = _rol_pakketten(formatie, pakketten, old_pakket)
    rollen = _create(
        Rol,
        [
            Rol(
                samenwerkingsverband=sv,
                volgorde=volgorde,
                leverende_gemeente=gemeenten[rij.leverende_gemeente]
                if rij.leverende_gemeente
                else None,
                pakket=rol_pakketten.get(rij.naam),
                **{**old_rollen.get(rij.naam, {}), **rol_blad.velden(rij)},
            )
            for volgorde, rij in enumerate(formatie.rollen, start=1)
        ],
        user,
    )
    bezettingen = []
    for rol, rij in zip(rollen, formatie.rollen, strict=True):
        amount_field = rol.waardeveld
        bezettingen += [
            Bezetting(rol=rol, fase=fasen[fase_naam], **{amount_field: value})
            for fase_naam, value in rij.bezetting.items()
        ]
    _create(Bezetting, bezettingen, user)

    by_name = {r.naam: r for r in rollen}
    _create(
        Uurtarief,
        [
            Uurtarief(rol=by_name[naam], jaar=j, uurtarief=tarief, indexatie=indexatie, bron=bron)
            for naam, soort, j, tarief, indexatie, bron in old_uurtarieven
            if naam in by_name and by_name[naam].kostensoort == soort
        ],
        user,
    )

    sleutel = Verdeelsleutel(
        samenwerkingsverband=sv,
        vanaf_jaar=jaar,
        methode=formatie.methode,
        peildatum=peildatum if formatie.methode == Verdeelmethode.INWONERTAL else None,
        bron=BRON,
    )
    (sleutel,) = _create(Verdeelsleutel, [sleutel], user)
    if formatie.methode == Verdeelmethode.VASTGESTELD:
        _create(
            Verdeelsleutelaandeel,
            [
                Verdeelsleutelaandeel(
                    verdeelsleutel=sleutel, gemeente=gemeenten[r.naam], percentage=r.percentage
                )
                for r in formatie.gemeenten
            ],
            user,
        )

    # The check every saved rol gets (Rol.ontbrekende_bedragen), once for the whole formation.
    stored = load_formatie(sv)
    namen = {r.id: r.naam for r in stored.rollen}
    missing = missing_per_rol(stored)
    for rol_id, missing_amounts in missing.items():
        waarschuwingen.append(f"{namen[rol_id]}: " + " ".join(o.tekst for o in missing_amounts))
    if not missing and any(r.pakket for r in rollen):
        # What a pakket's key still lacks (a year without deelnemers, an inwonertal).
        try:
            load_kostenverdeling(sv)
        except KostenFout as fout:
            waarschuwingen.append(f"De kosten kunnen nog niet worden verdeeld: {fout}")

    penvoerder = next((gemeenten[r.naam] for r in formatie.gemeenten if r.penvoerder), None)
    sv.penvoerder = penvoerder
    if locked.penvoerder_id != sv.penvoerder_id:
        if user is not None:
            sv._history_user = user
        sv.save(update_fields=["penvoerder"])

    return ImportResult(
        samenwerkingsverband=sv,
        gemeenten=len(formatie.gemeenten),
        fasen=len(formatie.fasen),
        rollen=len(formatie.rollen),
        bezettingen=len(bezettingen),
        verdeelmethode=formatie.methode,
        nieuwe_gemeenten=nieuwe,
        waarschuwingen=waarschuwingen,
    )


def _store_pakketten(formatie: Formatie, sv, gemeenten: dict, waarschuwingen: list, user):
    """The pakketten of the Pakketten sheet, by name (key -> Pakket): a pakket of the same name
    is updated in place (its bron stays; an empty omschrijving keeps the one it had), a new
    one created, one the sheet leaves out deleted (named in ``waarschuwingen``), and every
    deelname written anew. Without the sheet the pakketten stay as they are. Called after the
    rollen are deleted (Rol.pakket protects a pakket)."""
    existing = {p.naam: p for p in Pakket.objects.filter(samenwerkingsverband=sv)}
    if formatie.pakketten is None:
        return {key(naam): p for naam, p in existing.items()}
    _delete_all(Pakketdeelname.objects.filter(pakket__samenwerkingsverband=sv), user)
    blad = kolommen.PAKKETTEN_BLAD
    by_key = {key(naam): p for naam, p in existing.items()}
    new, changed, kept = [], [], set()
    for volgorde, rij in enumerate(formatie.pakketten, start=1):
        velden = {
            **blad.velden(rij),
            "verdeling": rij.verdeling or "",
            "volgorde": volgorde,
        }
        if rij.omschrijving:
            velden["omschrijving"] = rij.omschrijving
        pakket = by_key.get(key(rij.naam))
        if pakket is None:
            new.append(Pakket(samenwerkingsverband=sv, **velden))
            continue
        kept.add(pakket.pk)
        if any(getattr(pakket, veld) != value for veld, value in velden.items()):
            for veld, value in velden.items():
                setattr(pakket, veld, value)
            changed.append(pakket)
    gone = [p for p in existing.values() if p.pk not in kept]
    _delete_all(Pakket.objects.filter(pk__in=[p.pk for p in gone]), user)
    waarschuwingen += [
        f"Pakket {p.naam} staat niet in het werkboek en is verwijderd." for p in gone
    ]
    _update(Pakket, changed, [*PAKKET_VELDEN, "naam", "omschrijving"], user)
    created = _create(Pakket, new, user)
    pakketten = {key(p.naam): p for p in [*changed, *created]}
    pakketten.update(
        (key(p.naam), p) for p in existing.values() if p.pk in kept and key(p.naam) not in pakketten
    )
    _create(
        Pakketdeelname,
        [
            Pakketdeelname(
                pakket=pakketten[key(rij.naam)],
                gemeente=gemeenten[d.gemeente],
                vanaf_jaar=d.vanaf,
                tot_en_met_jaar=d.tot,
            )
            for rij in formatie.pakketten
            for d in rij.deelnemers
        ],
        user,
    )
    return pakketten


def _rol_pakketten(formatie: Formatie, pakketten: dict, old_pakket: dict) -> dict:
    """rol naam -> its Pakket (a rol not in the dict: the basispakket). The column pakket names
    it; without the column a rol keeps the pakket it had, if that pakket is still there. A name
    the workbook does not know as pakket (there is no Pakketten sheet and the
    samenwerkingsverband has no such pakket) is refused, naming the cell."""
    found, problems = {}, Problems()
    for rij in formatie.rollen:
        naam = rij.pakket if formatie.rol_pakketten else old_pakket.get(rij.naam)
        if not naam:
            continue
        pakket = pakketten.get(key(naam))
        if pakket is not None:
            found[rij.naam] = pakket
        elif formatie.rol_pakketten:
            known = [p.naam for p in pakketten.values()]
            problems.cell(
                kolommen.ROLLEN,
                rij.row,
                "pakket",
                f'"{naam}" is geen pakket van dit samenwerkingsverband en het werkboek heeft '
                "geen werkblad Pakketten; laat de cel leeg voor het basispakket."
                + did_you_mean(naam, known),
            )
    if problems.messages:
        raise WerkboekFout(problems.messages)
    return found


def _store_inwonertallen(formatie: Formatie, sv, gemeenten: dict, kept: set, user) -> None:
    """The inwonertallen at the peildatum (the first fase's begin), but of the gemeenten the
    user may not edit (``kept``). In a scenario they are the scenario's own figures
    (``Inwonertal.scenario``): a real figure is never written from a scenario's workbook."""
    peildatum = formatie.peildatum
    scenario = sv if sv.is_scenario else None
    stored = {
        i.gemeente_id: i
        for i in Inwonertal.van(sv).filter(gemeente__in=gemeenten.values(), peildatum=peildatum)
    }
    new, changed = [], []
    for rij in formatie.gemeenten:
        gemeente = gemeenten[rij.naam]
        if rij.inwonertal is None or gemeente.pk in kept:
            continue
        inwonertal = stored.get(gemeente.pk)
        if inwonertal is None:
            new.append(
                Inwonertal(
                    gemeente=gemeente,
                    scenario=scenario,
                    peildatum=peildatum,
                    aantal=rij.inwonertal,
                    bron=BRON,
                )
            )
        elif inwonertal.aantal != rij.inwonertal:
            inwonertal.aantal = rij.inwonertal
            inwonertal.bron = BRON
            changed.append(inwonertal)
    _create(Inwonertal, new, user)
    _update(Inwonertal, changed, ["aantal", "bron"], user)
