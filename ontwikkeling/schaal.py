"""Synthetic data at scale for performance benchmarks: ``python manage.py genereer_schaal``.

At factor 1 an empty database gets what the issue asks for: 40 samenwerkingsverbanden, 350
gemeenten with 20 years of inwonertallen (2007–2026), 1.500 rollen over 120 fasen, 2.000
opdrachten with 24 voortgangsrapportages each (a row per opdracht per report), 10.000
vergaderingen and 50.000 besluiten and actiepunten (25.000 each). Every count scales linearly
with the factor (half-up), with at least one samenwerkingsverband and three gemeenten for each.

Everything is named as test data ("Testregio 07 (schaaldata)", "Testgemeente 123",
"Testpersoon 0045") and otherwise plausible. It lives in the development app (never installed
on a production installation) and makes its rows through the app's own rules, never copies of
them, so a new rule reaches it too:

- every row passes its model's ``full_clean`` (field validators and ``clean``: what every form
  checks) before it is written; the database's constraints check the rest on insert;
- rows are written in bulk with their history (``bulk_create_with_history``, as
  ``draft_report`` does), made by the user ``schaaldata``; a samenwerkingsverband is saved
  through its own ``save`` (its afkorting in capitals) and every many-to-many link through its
  relation, so the history records it;
- amounts are rounded by ``regiekamer.afronding`` and the salarisschalen and uurtarieven of every
  later year are indexed from the year before with ``index_amount``, as "Nieuw begrotingsjaar"
  does (with the percentage and its source);
- a vastgestelde verdeelsleutel takes its percentages from the cost engine's key by
  inwonertal (``Sleutel.from_inwonertallen``) and is accepted by ``Sleutel.from_percentages``;
- a bezetting cell holds fte or an amount as ``Rol.waardeveld`` says, and no value would make
  the app ask "Klopt dit?" (``regiekamer.getallen.implausible``);
- a report is sent as ``freeze_report`` sends one: its rows pass ``report_problems``, then
  ``mark_sent`` records sender and moment; the sender is a regiegroep member of the
  samenwerkingsverband (``access.grant``), who cannot log in;
- the budgets follow each gemeente's share from the cost engine (``load_kostenverdeling``).

Deterministic: one ``random.Random(seed)`` drives every choice, and the dates hang on the fixed
:data:`REFERENTIEDATUM` ("now" in the data), never on today's date. Everything is written in one
transaction, so an error leaves nothing behind.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from begroting.kalender import termijnen
from begroting.models import Begrotingscyclus, Zienswijze
from convenant.constants import ConvenantStatus
from convenant.models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Herijkingsmoment,
    Ondertekenaar,
    Overweging,
)
from formatie.constants import Kostensoort, Werkgroepsoort
from formatie.models import (
    Bezetting,
    Fase,
    Rol,
    Salarisschaal,
    Uurtarief,
    Werkgroep,
    last_day_of_month,
)
from governance.constants import (
    Actiestatus,
    Agendapuntsoort,
    Besluitroute,
    Besluituitkomst,
    Gremiumsoort,
    Lidrol,
    Relatiesoort,
    Vergaderstatus,
    Voorzitterregel,
)
from governance.models import (
    Actiepunt,
    Agendapunt,
    Besluit,
    Gremium,
    GremiumRelatie,
    Knelpunt,
    Lidmaatschap,
    Persoon,
    Vergadering,
)
from kosten.constants import Verdeelmethode
from kosten.gegevens import load_kostenverdeling
from kosten.models import (
    Budget,
    Budgetclaim,
    Realisatie,
    Verdeelsleutel,
    Verdeelsleutelaandeel,
)
from kosten.verdeling import Sleutel
from partijen.constants import JuridischeVorm
from partijen.models import Domein, Gemeente, Inwonertal, Samenwerkingsverband
from programma.constants import Kleurstatus, Uitvoering
from programma.models import (
    Budgetpost,
    Doel,
    Opdracht,
    Programmaplan,
    Resultaat,
    Startvraag,
    Thema,
    Voortgangsrapportage,
    Voortgangsregel,
)
from programma.voortgang import mark_sent, report_problems
from regiekamer import access, dataversie
from regiekamer.afronding import index_amount, round_cent
from regiekamer.getallen import implausible
from regiekamer.roles import REGIEGROEP, ensure_groups
from scenarios.maak import maak_scenario

DEFAULT_SEED = 8  # issue 8
BATCH_SIZE = 2000
# The largest kinds (agendapunten, besluiten, actiepunten, voortgangsregels: half a million
# each at factor 10) are written every CHUNK rows, so that the rows and their history records
# are never all in memory at once.
CHUNK = 20000
REFERENTIEDATUM = date(2026, 6, 30)  # "now" in the generated data
JAREN = range(2007, 2027)  # inwonertallen on 1 January of each year
LAATSTE_VERGADERDAG = date(2027, 12, 31)  # meetings are planned a year and a half ahead
RAPPORTAGES_PER_PLAN = 24
RAPPORTAGE_INTERVAL = 2  # months
GEBRUIKER = "schaaldata"  # sends the frozen reports; cannot log in
# Issue 22: every EIGEN_BEGROTING_ELKE-th samenwerkingsverband (the first of each group, T01
# included) keeps a begroting of its own with a begrotingscyclus for BEGROTINGSJAREN; every
# SCENARIO_ELKE-th has a scenario; every one has werkelijke kosten for its complete years (those
# before the reference date's year).
EIGEN_BEGROTING_ELKE = 4
SCENARIO_ELKE = 10
BEGROTINGSJAREN = (2025, 2026, 2027)
BRON = "Synthetische testgegevens (genereer_schaal), geen echte gegevens."

# At factor 1 (the issue).
FACTOR_1 = {
    "samenwerkingsverbanden": 40,
    "gemeenten": 350,
    "rollen": 1500,
    "opdrachten": 2000,
    "vergaderingen": 10000,
    "besluiten": 25000,
    "actiepunten": 25000,
}
MIN_GEMEENTEN_PER_SV = 3
FASEN_PER_SV = 3


def scaled(count: int, factor: float) -> int:
    """``count`` x ``factor``, rounded half-up to a whole number."""
    return math.floor(count * factor + 0.5)


@dataclass(frozen=True)
class Omvang:
    """The totals at a factor; everything per samenwerkingsverband follows from these."""

    samenwerkingsverbanden: int
    gemeenten: int
    rollen: int
    opdrachten: int
    vergaderingen: int
    besluiten: int
    actiepunten: int

    @classmethod
    def at(cls, factor: float) -> Omvang:
        if not (factor > 0 and math.isfinite(factor)):
            raise ValueError("De factor moet groter dan 0 zijn.")
        n = {name: scaled(count, factor) for name, count in FACTOR_1.items()}
        sv = max(1, n["samenwerkingsverbanden"])
        return cls(
            samenwerkingsverbanden=sv,
            gemeenten=max(n["gemeenten"], MIN_GEMEENTEN_PER_SV * sv),
            rollen=max(n["rollen"], sv),
            opdrachten=max(n["opdrachten"], sv),
            vergaderingen=max(n["vergaderingen"], sv),
            besluiten=n["besluiten"],
            actiepunten=n["actiepunten"],
        )

    @property
    def fasen(self) -> int:
        return FASEN_PER_SV * self.samenwerkingsverbanden

    @property
    def inwonertallen(self) -> int:
        return len(JAREN) * self.gemeenten

    @property
    def voortgangsrapportages(self) -> int:
        return RAPPORTAGES_PER_PLAN * self.samenwerkingsverbanden

    @property
    def voortgangsregels(self) -> int:
        return RAPPORTAGES_PER_PLAN * self.opdrachten


def spread(total: int, parts: int) -> list[int]:
    """``total`` over ``parts`` as evenly as possible, the first parts one more."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after ``day``'s month."""
    years, month = divmod(day.month - 1 + months, 12)
    return date(day.year + years, month + 1, 1)


def money(amount) -> Decimal:
    """A whole amount as the app stores money (``regiekamer.afronding``, the one rounding place)."""
    return round_cent(Decimal(amount))


def jaarbedragen(field: str, bedrag, jaren) -> list[dict]:
    """The fields of a Salarisschaal or Uurtarief for each year of ``jaren``: ``bedrag``
    typed for the first, each later one indexed from the year before by :data:`INDEXATIE` per
    cent with ``index_amount``, the rule of "Nieuw begrotingsjaar" (``save_jaarbedragen``)."""
    rows, vorig = [], None
    for jaar in jaren:
        if vorig is None:
            row = {field: money(bedrag), "indexatie": None, "bron": ""}
        else:
            nieuw = index_amount(vorig, INDEXATIE)
            check_plausible(f"{field} {jaar}", vorig, nieuw)
            row = {field: nieuw, "indexatie": INDEXATIE, "bron": INDEXATIEBRON}
        vorig = row[field]
        rows.append({"jaar": jaar, **row})
    return rows


def werkdag(day: date) -> date:
    """``day``, or the Monday after when it falls in a weekend."""
    return day + timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


def aware(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


# --- texts ----------------------------------------------------------------------------------

MAANDEN = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
ROLNAMEN = [
    "Contractmanager",
    "Beleidsadviseur Wmo",
    "Beleidsadviseur Jeugd",
    "Business controller",
    "Ondersteuning",
    "Inkoopadviseur",
    "Juridisch adviseur",
    "Communicatieadviseur",
    "Projectleider",
    "Informatieanalist",
    "Kwaliteitsmedewerker",
    "Accountmanager zorgaanbieders",
    "Financieel adviseur",
    "Data-analist",
    "Secretaris regiegroep",
    "Programmamanager",
    "Adviseur toegang",
    "Adviseur inkoop Jeugd",
    "Adviseur inkoop Wmo",
    "Procesregisseur",
]
# The integral yearly cost per fte typed for the formation's first year; every later year is
# indexed from the year before by INDEXATIE per cent, as "Nieuw begrotingsjaar" does.
SCHAALBEDRAGEN = {8: 58500, 9: 64800, 10: 71200, 11: 83100, 12: 93600}
INDEXATIE = Decimal("2.5")
INDEXATIEBRON = "Jaarlijkse indexatie (testgegevens)"
OVERWEGINGEN = [
    "dat de gemeenten verantwoordelijk zijn voor de uitvoering van de Jeugdwet en de Wmo 2015;",
    "dat de gemeenten hun kennis en capaciteit in de regio willen bundelen;",
    "dat de samenwerking de gemeentelijke autonomie onverlet laat;",
    "dat de kosten naar rato van het aantal inwoners worden verdeeld.",
]
ARTIKELEN = [
    "De gemeenten werken samen in het sociaal domein volgens dit convenant.",
    "De samenwerking heeft de volgende doelen:",
    "De regionale formatie en de kosten daarvan staan in bijlage 1.",
    "De kosten worden verdeeld naar de verdeelsleutel van bijlage 1.",
    "De stuurgroep is opdrachtgever van de ambtelijke regiegroep.",
    "Een knelpunt dat de structuur niet oplost, gaat naar de gemeentesecretarissen.",
]
ONDERDELEN = ["het versterken van de inkoop;", "het delen van kennis en capaciteit."]
GREMIA = [
    # naam, soort, voorzitter, vergaderingen per jaar (also the weight of its share)
    ("Stuurgroep", Gremiumsoort.STUURGROEP, Voorzitterregel.ROULEREND, 6),
    ("Ambtelijke regiegroep", Gremiumsoort.REGIEGROEP, Voorzitterregel.VAST, 10),
    ("Regionaal sturingsteam", Gremiumsoort.RST, Voorzitterregel.VAST, 6),
    ("Werkgroep financiën", Gremiumsoort.WERKGROEP_STRUCTUREEL, Voorzitterregel.VAST, 4),
    ("Werkgroep juridische zaken", Gremiumsoort.WERKGROEP_STRUCTUREEL, Voorzitterregel.VAST, 4),
]
RELATIES = [  # (van, naar, soort) as indexes into GREMIA
    (0, 1, Relatiesoort.OPDRACHTGEVER_VAN),
    (1, 2, Relatiesoort.OPDRACHTGEVER_VAN),
    (1, 3, Relatiesoort.OPDRACHTGEVER_VAN),
    (1, 4, Relatiesoort.OPDRACHTGEVER_VAN),
    (1, 0, Relatiesoort.ESCALEERT_NAAR),
]
# Per gemeente three people: the wethouder (stuurgroep), a beleidsadviseur (regiegroep,
# werkgroep financiën) and a teammanager (RST, werkgroep juridische zaken).
FUNCTIES = [
    "wethouder sociaal domein",
    "beleidsadviseur sociaal domein",
    "teammanager Wmo en Jeugd",
]
LEDEN_PER_GREMIUM = [0, 1, 2, 1, 2]  # index into FUNCTIES
SLOTS = [(9, 30), (13, 30), (15, 30), (19, 30)]  # meeting times on a weekday
ONDERWERPEN = [
    "Kostenverdeling",
    "Inkoop Jeugd",
    "Inkoop Wmo",
    "Begroting",
    "Voortgangsrapportage programma",
    "Evaluatie convenant",
    "Toegang en basisvoorzieningen",
    "Contractmanagement zorgaanbieders",
    "Informatievoorziening",
    "Beschermd wonen",
    "Communicatie naar de raden",
    "Formatie regionale rollen",
]
# Besluiten say more than 'agreed': a condition, a task, a deadline (0 to 3 of these).
TOELICHTINGEN = [
    "De regiegroep werkt het voorstel uit en legt het in de volgende vergadering voor.",
    "De kosten worden gedekt binnen het bestaande regionale budget.",
    "De gemeenten informeren hun raden met een raadsinformatiebrief.",
    "Het besluit geldt onder voorbehoud van instemming van de colleges.",
    "De uitvoering wordt na een jaar geëvalueerd.",
    "De penvoerder verwerkt de financiële gevolgen in de verrekening.",
]
THEMAS = [
    "Basis- en algemene voorzieningen",
    "Eén plan voor elk thuis",
    "Inkoop en contractmanagement",
    "Sturing en informatie",
    "Organisatie van de samenwerking",
]
DOELEN = [
    "Het versterken van de basis- en algemene voorzieningen.",
    "Integrale ondersteuning bij complexe problemen.",
    "Grip op de kosten van Jeugd en Wmo.",
]
STARTVRAGEN = [
    "Wat is het beoogde resultaat?",
    "Wie is verantwoordelijk uitvoerder?",
    "Welke capaciteit is nodig?",
    "Welke risico's zijn bekend?",
]
BUDGETPOSTEN = [
    "Externe advisering",
    "Onderzoek en analyse",
    "Communicatie",
    "Opleiding en kennisdeling",
    "Projectleiding",
]
ZIENSWIJZE = "De raad van {gemeente} vraagt de kosten per inwoner gelijk te houden (testgegevens)."
REACTIE = "Het dagelijks bestuur neemt de zienswijze over in de begroting (testgegevens)."
TOELICHTING = {
    Kleurstatus.RISICO: "Vertraging van {m} verwacht; bijsturing in de regiegroep.",
    Kleurstatus.PROBLEEM: "Vertraging van {m}; de stuurgroep wordt gevraagd te besluiten.",
    Uitvoering.AFGEROND: "Afgerond, {m} later dan gepland.",
}


# --- the generator --------------------------------------------------------------------------


@dataclass
class Regio:
    """One samenwerkingsverband while it is built, with what later parts need of it."""

    nummer: int
    sv: Samenwerkingsverband
    gemeenten: list[Gemeente]
    start: date  # inwerkingtreding of the convenant, first day of the fase 1
    convenant: Convenant | None = None
    personen: list[list[Persoon]] = field(default_factory=list)  # per FUNCTIES
    secretaris: Persoon | None = None
    gremia: list[Gremium] = field(default_factory=list)
    leden: dict[int, list[Persoon]] = field(default_factory=dict)  # gremium pk -> members
    plan: Programmaplan | None = None
    verloop: list[Verloop] = field(default_factory=list)  # its opdrachten and how they go
    rollen: list[Rol] = field(default_factory=list)
    # The plan's rounded cost per (rol pk, jaar) of its complete years (load_kostenverdeling),
    # around which the werkelijke kosten are made.
    begroot: dict[tuple[int, int], Decimal] = field(default_factory=dict)


@dataclass
class Verloop:
    """An opdracht and how it will go: it slips ``vertraging`` months, known from a date."""

    opdracht: Opdracht
    vertraging: int = 0
    zichtbaar_op: date | None = None

    @property
    def thema(self) -> Thema:
        return self.opdracht.thema

    def verwacht_einde(self, peildatum: date) -> date:
        """The end expected on ``peildatum``: the planned one until the slip shows."""
        eind = self.opdracht.eind
        if self.vertraging and peildatum >= self.zichtbaar_op:
            return last_day_of_month(add_months(eind.replace(day=1), self.vertraging))
        return eind


def make_regel(rapportage: Voortgangsrapportage, verloop: Verloop) -> Voortgangsregel:
    """An opdracht's row in a report, valid as ``freeze_report`` requires."""
    opdracht, peildatum = verloop.opdracht, rapportage.peildatum
    regel = Voortgangsregel(
        rapportage=rapportage,
        opdracht=opdracht,
        startdatum=opdracht.start,
        realisatiedatum=opdracht.eind,
    )
    if peildatum < opdracht.start:
        return regel  # not started (grey): no colour
    verwacht = verloop.verwacht_einde(peildatum)
    regel.uitvoering = Uitvoering.AFGEROND if verwacht <= peildatum else Uitvoering.LOPEND
    if verwacht == opdracht.eind:
        regel.kleurstatus = Kleurstatus.GOED
        return regel
    regel.bijgestelde_datum = verwacht
    regel.kleurstatus = Kleurstatus.PROBLEEM if verloop.vertraging > 3 else Kleurstatus.RISICO
    maanden = "1 maand" if verloop.vertraging == 1 else f"{verloop.vertraging} maanden"
    sleutel = regel.uitvoering if regel.uitvoering == Uitvoering.AFGEROND else regel.kleurstatus
    regel.toelichting = TOELICHTING[sleutel].format(m=maanden)
    return regel


def check(objects: list) -> None:
    """Each row as a form checks it: the model's ``full_clean`` (field validators, choices,
    ``clean``). Its links and its uniqueness are left to the database, which refuses a broken
    one on insert (the same constraints), so that no row costs a query here."""
    for obj in objects:
        links = [f.name for f in obj._meta.concrete_fields if f.is_relation]
        obj.full_clean(exclude=links, validate_unique=False, validate_constraints=False)


def check_plausible(subject: str, old, new, *, fte: bool = False) -> None:
    """Refuse a value for which the app would ask "Klopt dit?" (``implausible``)."""
    reason = implausible(old, new, fte=fte)
    if reason is not None:
        raise ValidationError(f"Schaaldata niet plausibel: {subject}: {old} → {new}, {reason}.")


class Schaalgenerator:
    def __init__(self, factor: float, seed: int = DEFAULT_SEED):
        self.omvang = Omvang.at(factor)
        self.rng = random.Random(seed)
        # The parts added in issue 22 draw from a random source of their own, so that
        # everything made before them is what the same seed made before.
        self.rng22 = random.Random(f"{seed}-22")
        self.regios: list[Regio] = []
        self.gemeenten: list[Gemeente] = []
        self.inwoners: dict[int, dict[int, int]] = {}  # gemeente pk -> {jaar: aantal}
        self.fasen: dict[int, list[Fase]] = {}  # regio nummer -> its fasen
        self.gebruiker = None  # the schaaldata user: makes the history, sends the reports
        self.moment = timezone.now()  # of every history row this run writes

    def bulk(self, model: type[models.Model], objects: list, *, checked: bool = False) -> list:
        """Check the rows (unless ``checked`` already) and insert them with their history."""
        if not checked:
            check(objects)
        return bulk_create_with_history(
            objects,
            model,
            batch_size=BATCH_SIZE,
            default_user=self.gebruiker,
            default_date=self.moment,
        )

    def save(self, obj: models.Model) -> models.Model:
        """One row through the model's own ``full_clean`` and ``save``, its history by
        the schaaldata user."""
        obj.full_clean()
        obj._history_user = self.gebruiker
        obj.save()
        return obj

    def generate(self) -> None:
        self.gebruiker = self.make_gebruiker()
        self.make_gemeenten()
        self.make_samenwerkingsverbanden()
        self.make_personen_en_gremia()
        self.make_convenanten()
        self.make_formatie()
        self.make_kosten()
        self.make_vergaderingen()
        self.make_knelpunten()
        self.make_programma()
        self.make_realisatie()
        self.make_begroting()
        self.make_scenarios()

    # -- gemeenten and samenwerkingsverbanden ------------------------------------------------

    def make_gemeenten(self) -> None:
        rng, n = self.rng, self.omvang.gemeenten
        width = max(3, len(str(n)))
        gemeenten = []
        for i in range(1, n + 1):
            naam = f"Testgemeente {i:0{width}d}"
            gemeenten.append(
                Gemeente(
                    naam=naam,
                    adres=f"Testlaan {rng.randint(1, 250)}",
                    postcode=f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRSTVXZ')}"
                    f"{rng.choice('ABCDEFGHJKLMNPRSTVXZ')}",
                    plaats=naam,
                    contact_email=f"regie@testgemeente-{i:0{width}d}.example",
                )
            )
        self.bulk(Gemeente, gemeenten)
        self.gemeenten = gemeenten
        rows = []
        for gemeente in gemeenten:
            # Log-uniform: many small gemeenten, a few large; a small trend per year.
            aantal = int(math.exp(rng.uniform(math.log(5000), math.log(175000))))
            trend = rng.uniform(-0.002, 0.006)
            per_jaar = {}
            for jaar in JAREN:
                if jaar != JAREN[0]:
                    vorig = aantal
                    aantal = math.floor(aantal * (1 + trend + rng.uniform(-0.001, 0.001)) + 0.5)
                    check_plausible(f"inwonertal {gemeente.naam} {jaar}", vorig, aantal)
                per_jaar[jaar] = aantal
                rows.append(
                    Inwonertal(
                        gemeente=gemeente, peildatum=date(jaar, 1, 1), aantal=aantal, bron=BRON
                    )
                )
            self.inwoners[gemeente.pk] = per_jaar
        self.bulk(Inwonertal, rows)

    def make_samenwerkingsverbanden(self) -> None:
        rng, n = self.rng, self.omvang.samenwerkingsverbanden
        width = max(2, len(str(n)))
        domeinen = [Domein.objects.get_or_create(naam=naam)[0] for naam in ("Wmo", "Jeugd")]
        vormen = [JuridischeVorm.REGELING_ZONDER_MEER] * 6 + [
            JuridischeVorm.CENTRUMREGELING,
            JuridischeVorm.SAMENWERKINGSOVEREENKOMST,
        ]
        begin = 0
        for i, count in enumerate(spread(self.omvang.gemeenten, n), start=1):
            gemeenten = self.gemeenten[begin : begin + count]
            begin += count
            grootste = max(gemeenten, key=lambda g: self.inwoners[g.pk][JAREN[-1]])
            sv = Samenwerkingsverband(
                naam=f"Testregio {i:0{width}d} (schaaldata)",
                afkorting=f"T{i:0{width}d}",
                juridische_vorm=rng.choice(vormen),
                penvoerder=grootste,
                eigen_begroting=i % EIGEN_BEGROTING_ELKE == 1,
            )
            start = date(rng.randint(2007, 2018), rng.randint(1, 12), 1)
            self.regios.append(Regio(i, sv, gemeenten, start))
        # Few rows: each through its own save and relations (their history records the links).
        for regio in self.regios:
            self.save(regio.sv)
            regio.sv.gemeenten.set(regio.gemeenten)
            regio.sv.domeinen.set(domeinen)
            access.grant(self.gebruiker, regio.sv)  # the sender of its reports takes part

    # -- governance structure (needed by the convenant's signatories) -----------------------

    def make_personen_en_gremia(self) -> None:
        personen, nummer = [], 0
        width = max(4, len(str(self.omvang.gemeenten * len(FUNCTIES) + len(self.regios))))

        def persoon(**kwargs) -> Persoon:
            nonlocal nummer
            nummer += 1
            p = Persoon(naam=f"Testpersoon {nummer:0{width}d}", **kwargs)
            personen.append(p)
            return p

        for regio in self.regios:
            regio.personen = [
                [persoon(functie=functie, gemeente=g) for g in regio.gemeenten]
                for functie in FUNCTIES
            ]
            regio.secretaris = persoon(
                functie="secretaris", organisatie=f"Programmabureau {regio.sv.afkorting}"
            )
        self.bulk(Persoon, personen)

        gremia = []
        for regio in self.regios:
            for naam, soort, voorzitter, per_jaar in GREMIA:
                werkgroep = soort == Gremiumsoort.WERKGROEP_STRUCTUREEL
                regio.gremia.append(
                    Gremium(
                        samenwerkingsverband=regio.sv,
                        naam=naam,
                        soort=soort,
                        doel=f"{naam} van {regio.sv.naam}. {BRON}",
                        cadans=f"{per_jaar} keer per jaar",
                        vergaderingen_per_jaar=per_jaar,
                        voorzitter=voorzitter,
                        roulerende_locatie=soort == Gremiumsoort.STUURGROEP,
                        communicatie_vast_agendapunt=soort == Gremiumsoort.STUURGROEP,
                        uren_per_week_per_gemeente=Decimal("8.0") if werkgroep else None,
                    )
                )
            gremia += regio.gremia
        self.bulk(Gremium, gremia)
        self.bulk(
            GremiumRelatie,
            [
                GremiumRelatie(van=r.gremia[van], naar=r.gremia[naar], soort=soort)
                for r in self.regios
                for van, naar, soort in RELATIES
            ],
        )
        lidmaatschappen = []
        for regio in self.regios:
            for gremium, functie in zip(regio.gremia, LEDEN_PER_GREMIUM, strict=True):
                leden = regio.personen[functie]
                regio.leden[gremium.pk] = leden
                for index, lid in enumerate(leden):
                    voorzitter = index == 0 and gremium.voorzitter == Voorzitterregel.VAST
                    lidmaatschappen.append(
                        Lidmaatschap(
                            persoon=lid,
                            gremium=gremium,
                            rol=Lidrol.VOORZITTER if voorzitter else Lidrol.LID,
                            vanaf=regio.start,
                        )
                    )
                if gremium.soort in (Gremiumsoort.STUURGROEP, Gremiumsoort.REGIEGROEP):
                    lidmaatschappen.append(
                        Lidmaatschap(
                            persoon=regio.secretaris,
                            gremium=gremium,
                            rol=Lidrol.SECRETARIS,
                            vanaf=regio.start,
                        )
                    )
        self.bulk(Lidmaatschap, lidmaatschappen)

    # -- convenant ---------------------------------------------------------------------------

    def make_convenanten(self) -> None:
        rng = self.rng
        convenanten = []
        for regio in self.regios:
            regio.convenant = Convenant(
                titel=f"Uitvoeringsconvenant {regio.sv.naam}",
                samenwerkingsverband=regio.sv,
                status=ConvenantStatus.ONDERTEKEND,
                dagtekening=regio.start - timedelta(days=rng.randint(10, 40)),
                inwerkingtreding=regio.start,
                toelichting=BRON,
            )
            convenanten.append(regio.convenant)
        self.bulk(Convenant, convenanten)
        overwegingen, artikelen, momenten, ondertekenaars = [], [], [], []
        for regio in self.regios:
            c = regio.convenant
            overwegingen += [
                Overweging(convenant=c, letter="abcd"[i], tekst=tekst)
                for i, tekst in enumerate(OVERWEGINGEN)
            ]
            artikelen += [
                Artikel(convenant=c, nummer=i, tekst=tekst)
                for i, tekst in enumerate(ARTIKELEN, start=1)
            ]
            eerste = add_months(regio.start, 24)
            momenten += [
                Herijkingsmoment(convenant=c, datum=eerste, omschrijving="Evaluatie na twee jaar"),
                Herijkingsmoment(
                    convenant=c,
                    datum=date(2027, rng.randint(1, 12), 1),
                    omschrijving="Herijking: go/no-go voor de volgende periode",
                ),
            ]
            collegebesluit = c.dagtekening - timedelta(days=rng.randint(14, 60))
            ondertekenaars += [
                Ondertekenaar(
                    convenant=c,
                    gemeente=wethouder.gemeente,
                    naam=wethouder.naam,
                    functie="wethouder",
                    datum_collegebesluit=collegebesluit,
                )
                for wethouder in regio.personen[0]
            ]
        self.bulk(Overweging, overwegingen)
        self.bulk(Artikel, artikelen)
        self.bulk(
            Artikelonderdeel,
            [
                Artikelonderdeel(artikel=a, letter="ab"[i], tekst=tekst)
                for a in artikelen
                if a.nummer == 2
                for i, tekst in enumerate(ONDERDELEN)
            ],
        )
        self.bulk(Herijkingsmoment, momenten)
        self.bulk(Ondertekenaar, ondertekenaars)

    # -- formatie ----------------------------------------------------------------------------

    def make_formatie(self) -> None:
        rng = self.rng
        fasen, schalen, werkgroepen = [], [], []
        for regio in self.regios:
            begin, eigen = regio.start, []
            for nummer, maanden in enumerate(
                (rng.randint(4, 9), rng.randint(4, 9), rng.randint(12, 48)), start=1
            ):
                einde = last_day_of_month(add_months(begin, maanden - 1))
                eigen.append(
                    Fase(
                        samenwerkingsverband=regio.sv,
                        convenant=regio.convenant,
                        naam=f"Fase {nummer}",
                        begin=begin,
                        eind=einde,
                    )
                )
                begin = einde + timedelta(days=1)
            self.fasen[regio.nummer] = eigen
            fasen += eigen
            jaren = range(eigen[0].begin.year, eigen[-1].eind.year + 1)
            for schaal, bedrag in SCHAALBEDRAGEN.items():
                schalen += [
                    Salarisschaal(samenwerkingsverband=regio.sv, schaal=schaal, **jaarbedrag)
                    for jaarbedrag in jaarbedragen("jaarkosten_per_fte", bedrag, jaren)
                ]
            werkgroepen += [
                Werkgroep(
                    samenwerkingsverband=regio.sv,
                    naam=naam,
                    soort=Werkgroepsoort.STRUCTUREEL,
                    uren_per_week_per_gemeente=Decimal("8.0"),
                )
                for naam in ("Werkgroep financiën", "Werkgroep juridische zaken")
            ]
        self.bulk(Fase, fasen)
        for fase in fasen:  # what the fasen page checks: no two overlap
            if (overlap := fase.find_overlap()) is not None:
                raise ValidationError(f"{fase} overlapt met {overlap}.")
        self.bulk(Salarisschaal, schalen)
        self.bulk(Werkgroep, werkgroepen)

        rollen, bezetting = [], []
        for regio, aantal in zip(
            self.regios, spread(self.omvang.rollen, len(self.regios)), strict=True
        ):
            for i in range(aantal):
                rol = self.make_rol(regio, i)
                rollen.append(rol)
                regio.rollen.append(rol)
                for index, fase in enumerate(self.fasen[regio.nummer]):
                    bezetting.append(self.make_bezetting(rol, fase, index))
                if rol.structureel:
                    rol.basisformatie = bezetting[-len(self.fasen[regio.nummer])].fte
        self.bulk(Rol, rollen)
        self.bulk(Bezetting, bezetting)  # bulk_create takes the pk of a rol saved since
        # A hired rol's rate holds in the formation's first year; the later years' are
        # indexed as the salarisschalen are.
        tarieven = []
        fasen_van = {regio.sv.pk: self.fasen[regio.nummer] for regio in self.regios}
        for rol in rollen:
            if rol.kostensoort != Kostensoort.UUR:
                continue
            fasen = fasen_van[rol.samenwerkingsverband_id]
            jaren = range(fasen[0].begin.year, fasen[-1].eind.year + 1)
            tarieven += [
                Uurtarief(rol=rol, **jaarbedrag)
                for jaarbedrag in jaarbedragen("uurtarief", rol.uurtarief, jaren)[1:]
            ]
        self.bulk(Uurtarief, tarieven)

    def make_rol(self, regio: Regio, index: int) -> Rol:
        rng = self.rng
        naam = ROLNAMEN[index % len(ROLNAMEN)]
        if index >= len(ROLNAMEN):
            naam = f"{naam} {index // len(ROLNAMEN) + 1}"
        soort = rng.choices([Kostensoort.SCHAAL, Kostensoort.UUR, Kostensoort.VAST], [82, 13, 5])[0]
        rol = Rol(
            samenwerkingsverband=regio.sv,
            naam=naam,
            volgorde=index + 1,
            kostensoort=soort,
            structureel=soort == Kostensoort.SCHAAL and rng.random() < 0.7,
        )
        if soort == Kostensoort.SCHAAL:
            rol.schaal = rng.choice(list(SCHAALBEDRAGEN))
            if rng.random() < 0.8:
                rol.leverende_gemeente = rng.choice(regio.gemeenten)
        elif soort == Kostensoort.UUR:
            rol.uurtarief = money(rng.randint(75, 130))
            rol.opmerking = "Ingehuurd; kosten bij de penvoerder."
        else:
            rol.opmerking = "Vast bedrag per fase (project)."
        return rol

    def make_bezetting(self, rol: Rol, fase: Fase, index: int) -> Bezetting:
        rng = self.rng
        if rol.waardeveld == "bedrag":  # paid per fase: the cell holds the amount
            waarde = money(rng.randint(5, 100) * 1000)
            check_plausible(f"{rol.naam}, {fase.naam}", None, waarde)
            return Bezetting(rol=rol, fase=fase, **{rol.waardeveld: waarde})
        if not rol.structureel and index == FASEN_PER_SV - 1 and rng.random() < 0.5:
            waarde = Decimal("0.00")  # a temporary role that stops in the last fase
        else:
            waarde = Decimal(rng.randint(1, 20)) / 10
        check_plausible(f"{rol.naam}, {fase.naam}", None, waarde, fte=True)
        return Bezetting(rol=rol, fase=fase, **{rol.waardeveld: waarde})

    # -- kosten ------------------------------------------------------------------------------

    def make_kosten(self) -> None:
        rng = self.rng
        sleutels, aandelen = [], []
        for regio in self.regios:
            fasen = self.fasen[regio.nummer]
            eerste, laatste = fasen[0].begin.year, fasen[-1].eind.year
            herijkt = laatste - eerste >= 2 and rng.random() < 0.5
            perioden = [(eerste, laatste - 1), (laatste, None)] if herijkt else [(eerste, None)]
            for vanaf, tot in perioden:
                if rng.random() < 0.5:
                    sleutels.append(
                        Verdeelsleutel(
                            samenwerkingsverband=regio.sv,
                            vanaf_jaar=vanaf,
                            tot_en_met_jaar=tot,
                            methode=Verdeelmethode.INWONERTAL,
                            peildatum=date(vanaf, 1, 1),
                            bron=f"Inwonertallen op 1 januari {vanaf} (testgegevens)",
                        )
                    )
                    continue
                sleutel = Verdeelsleutel(
                    samenwerkingsverband=regio.sv,
                    vanaf_jaar=vanaf,
                    tot_en_met_jaar=tot,
                    methode=Verdeelmethode.VASTGESTELD,
                    bron=f"Vastgesteld door de stuurgroep naar inwonertal {vanaf} (testgegevens)",
                )
                sleutels.append(sleutel)
                for gemeente, percentage in self.percentages(regio.gemeenten, vanaf).items():
                    aandelen.append(
                        Verdeelsleutelaandeel(
                            verdeelsleutel=sleutel, gemeente=gemeente, percentage=percentage
                        )
                    )
        self.bulk(Verdeelsleutel, sleutels)
        self.bulk(Verdeelsleutelaandeel, aandelen)

        # Budgets around each gemeente's share, from the engine itself (which thereby shows
        # that every kostenverdeling computes).
        budgetten = []
        for regio in self.regios:
            kv = load_kostenverdeling(regio.sv)
            regio.begroot = {
                key: regel.kosten
                for key, regel in kv.regels.items()
                if regel.kosten and key[1] < REFERENTIEDATUM.year
            }
            per_naam = {g.naam: g for g in regio.gemeenten}
            for naam in kv.gemeenten:
                for jaar in kv.jaren:
                    aandeel = kv.aandeel(naam, jaar)
                    bedrag = math.ceil(float(aandeel) * rng.uniform(0.9, 1.3) / 1000) * 1000
                    budgetten.append(
                        Budget(
                            samenwerkingsverband=regio.sv,
                            gemeente=per_naam[naam],
                            jaar=jaar,
                            bedrag=money(bedrag),
                            omschrijving="Begroting (testgegevens)",
                        )
                    )
        budgetten = self.bulk(Budget, budgetten)
        # A known claim on each gemeente's budget of a regio's first year (the budget check's
        # ruimte = budget − claims − aandeel).
        eerste: dict[int, int] = {}
        for b in budgetten:
            sv = b.samenwerkingsverband_id
            eerste[sv] = min(eerste.get(sv, b.jaar), b.jaar)
        self.bulk(
            Budgetclaim,
            [
                Budgetclaim(
                    budget=b,
                    omschrijving="Andere uitvoeringskosten (testgegevens)",
                    bedrag=money(math.ceil(float(b.bedrag) * 0.05)),
                )
                for b in budgetten
                if b.jaar == eerste[b.samenwerkingsverband_id]
            ],
        )

    def percentages(self, gemeenten: list[Gemeente], jaar: int) -> dict[Gemeente, Decimal]:
        """The stuurgroep's key "naar inwonertal ``jaar``": the cost engine's own key by
        inwonertal (``Sleutel.from_inwonertallen``) in cents (``round_cent``), the rounding
        difference to the largest gemeente, so that the engine takes it as a vastgestelde key
        (``Sleutel.from_percentages``: exactly 100, or ``KostenFout``)."""
        aantallen = {g: self.inwoners[g.pk][jaar] for g in gemeenten}
        naar_inwonertal = Sleutel.from_inwonertallen({g.naam: n for g, n in aantallen.items()})
        result = {g: round_cent(naar_inwonertal.percentage(g.naam)) for g in gemeenten}
        grootste = max(gemeenten, key=lambda g: aantallen[g])
        result[grootste] += Decimal(100) - sum(result.values())
        Sleutel.from_percentages({g.naam: p for g, p in result.items()})
        return result

    # -- vergaderingen, besluiten and actiepunten -------------------------------------------

    def make_vergaderingen(self) -> None:
        rng = self.rng
        per_regio = spread(self.omvang.vergaderingen, len(self.regios))
        weights = [per_jaar for *_, per_jaar in GREMIA]
        vergaderingen, regio_van = [], []
        for regio, aantal in zip(self.regios, per_regio, strict=True):
            werkdagen = [
                regio.start + timedelta(days=d)
                for d in range((LAATSTE_VERGADERDAG - regio.start).days + 1)
                if (regio.start + timedelta(days=d)).weekday() < 5
            ]
            slots = len(werkdagen) * len(SLOTS)
            for gremium, m in zip(regio.gremia, self.by_weight(aantal, weights), strict=True):
                leden = regio.leden[gremium.pk]
                for i in range(m):
                    low, high = i * slots // m, (i + 1) * slots // m
                    slot = rng.randrange(low, high) if high > low else low
                    dag = werkdagen[slot // len(SLOTS)]
                    begin = aware(dag, *SLOTS[slot % len(SLOTS)])
                    gastgemeente = regio.gemeenten[i % len(regio.gemeenten)]
                    if gremium.voorzitter == Voorzitterregel.ROULEREND:
                        voorzitter = leden[i % len(leden)]
                    else:
                        voorzitter = leden[0]
                    vergaderingen.append(
                        Vergadering(
                            gremium=gremium,
                            begin=begin,
                            eind=begin + timedelta(hours=2),
                            locatie=f"Gemeentehuis {gastgemeente.naam}",
                            locatie_gemeente=gastgemeente,
                            voorzitter=voorzitter,
                            status=self.vergaderstatus(dag),
                        )
                    )
                    regio_van.append(regio.nummer)
        self.bulk(Vergadering, vergaderingen)

        agendapunten, geschreven = [], 0
        for v in vergaderingen:
            if len(agendapunten) - geschreven >= CHUNK:
                self.bulk(Agendapunt, agendapunten[geschreven:])
                geschreven = len(agendapunten)
            jaar = v.begin.year
            onderwerpen = rng.sample(ONDERWERPEN, 2)
            agendapunten += [
                Agendapunt(
                    vergadering=v,
                    volgorde=1,
                    titel="Opening, mededelingen en vaststellen agenda",
                    soort=Agendapuntsoort.INFORMATIE,
                ),
                Agendapunt(
                    vergadering=v,
                    volgorde=2,
                    titel="Verslag en actielijst vorige vergadering",
                    soort=Agendapuntsoort.BESLUITVORMING,
                ),
                Agendapunt(
                    vergadering=v,
                    volgorde=3,
                    titel=f"{onderwerpen[0]} {jaar}",
                    soort=Agendapuntsoort.BESLUITVORMING,
                ),
                Agendapunt(
                    vergadering=v,
                    volgorde=4,
                    titel=f"{onderwerpen[1]} {jaar}",
                    soort=Agendapuntsoort.BESPREKING,
                ),
            ]
        self.bulk(Agendapunt, agendapunten[geschreven:])

        # Besluiten and actiepunten come from the meetings held before the reference date.
        gehouden: dict[int, list[tuple[Vergadering, list[Agendapunt]]]] = {}
        for index, (v, nummer) in enumerate(zip(vergaderingen, regio_van, strict=True)):
            if timezone.localdate(v.begin) < REFERENTIEDATUM:
                punten = agendapunten[4 * index : 4 * index + 4]
                gehouden.setdefault(nummer, []).append((v, punten))
        self.make_besluiten(gehouden)
        self.make_actiepunten(gehouden)

    @staticmethod
    def by_weight(total: int, weights: list[int]) -> list[int]:
        """``total`` split by ``weights`` (largest remainders first, ties to the first)."""
        exact = [total * w / sum(weights) for w in weights]
        counts = [math.floor(x) for x in exact]
        order = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
        for i in order[: total - sum(counts)]:
            counts[i] += 1
        return counts

    @staticmethod
    def vergaderstatus(dag: date) -> str:
        if dag < REFERENTIEDATUM - timedelta(days=30):
            return Vergaderstatus.VERSLAG_VASTGESTELD
        if dag < REFERENTIEDATUM:
            return Vergaderstatus.GEHOUDEN
        if dag < REFERENTIEDATUM + timedelta(days=14):
            return Vergaderstatus.AGENDA_VERZONDEN
        return Vergaderstatus.GEPLAND

    def make_besluiten(self, gehouden) -> None:
        rng = self.rng
        besluiten, nummer = [], 0
        uitkomsten = [Besluituitkomst.AANGENOMEN] * 17 + [
            Besluituitkomst.AANGEHOUDEN,
            Besluituitkomst.AANGEHOUDEN,
            Besluituitkomst.VERWORPEN,
        ]
        per_regio = spread(self.omvang.besluiten, len(self.regios))
        for regio, aantal in zip(self.regios, per_regio, strict=True):
            meetings = gehouden.get(regio.nummer, [])
            if not meetings:
                continue
            for (v, punten), k in zip(meetings, spread(aantal, len(meetings)), strict=True):
                dag = timezone.localdate(v.begin)
                if len(besluiten) >= CHUNK:
                    self.bulk(Besluit, besluiten)
                    besluiten = []
                for j in range(k):
                    nummer += 1
                    punt = punten[1] if j == 0 else punten[2]
                    if rng.random() < 0.05:  # a schriftelijke ronde after the meeting
                        route, punt = Besluitroute.SCHRIFTELIJK, None
                        datum = dag + timedelta(days=rng.randint(3, 20))
                    else:
                        route, datum = Besluitroute.VERGADERING, dag
                    onderwerp = punt.titel if punt else rng.choice(ONDERWERPEN)
                    besluiten.append(
                        Besluit(
                            gremium_id=v.gremium_id,
                            agendapunt=punt,
                            datum=datum,
                            tekst=" ".join(
                                [
                                    f"Testbesluit {nummer}: {v.gremium.naam} stemt in met het "
                                    f"voorstel over {onderwerp.lower()}.",
                                    *rng.sample(TOELICHTINGEN, rng.randint(0, 3)),
                                ]
                            ),
                            uitkomst=rng.choice(uitkomsten),
                            route=route,
                        )
                    )
        self.bulk(Besluit, besluiten)

    def make_actiepunten(self, gehouden) -> None:
        rng = self.rng
        acties, nummer = [], 0
        per_regio = spread(self.omvang.actiepunten, len(self.regios))
        for regio, aantal in zip(self.regios, per_regio, strict=True):
            meetings = gehouden.get(regio.nummer, [])
            if not meetings:
                continue
            for (v, punten), k in zip(meetings, spread(aantal, len(meetings)), strict=True):
                leden = regio.leden[v.gremium_id]
                if len(acties) >= CHUNK:
                    self.bulk(Actiepunt, acties)
                    acties = []
                for _ in range(k):
                    nummer += 1
                    deadline = timezone.localdate(v.begin) + timedelta(days=rng.randint(14, 120))
                    klaar = self.actie_klaar(deadline)
                    acties.append(
                        Actiepunt(
                            gremium_id=v.gremium_id,
                            vergadering=v,
                            omschrijving=f"Testactie {nummer}: uitwerken {punten[3].titel.lower()}"
                            " en terugkoppelen.",
                            eigenaar=rng.choice(leden),
                            deadline=deadline,
                            status=Actiestatus.GEREED if klaar else Actiestatus.OPEN,
                        )
                    )
        self.bulk(Actiepunt, acties)

    def actie_klaar(self, deadline: date) -> bool:
        """Old actions are done, a few forgotten; recent ones partly; future ones open."""
        if deadline < REFERENTIEDATUM - timedelta(days=365):
            return self.rng.random() < 0.995
        if deadline < REFERENTIEDATUM - timedelta(days=45):
            return self.rng.random() < 0.9
        return False

    def make_knelpunten(self) -> None:
        rng = self.rng
        knelpunten, besproken = [], []
        for regio in self.regios:
            for i in range(3):
                datum = regio.start + timedelta(
                    days=rng.randint(60, (REFERENTIEDATUM - regio.start).days - 60)
                )
                opgelost = i < 2
                escalatie = datum + timedelta(days=rng.randint(20, 50)) if i == 1 else None
                knelpunt = Knelpunt(
                    samenwerkingsverband=regio.sv,
                    omschrijving=f"Testknelpunt {i + 1} van {regio.sv.afkorting}: "
                    f"geen overeenstemming over {rng.choice(ONDERWERPEN).lower()}.",
                    ingebracht_door=rng.choice(regio.gemeenten).naam,
                    datum=datum,
                    geescaleerd_op=escalatie,
                    oplossing="Opgelost in overleg (testgegevens)." if opgelost else "",
                    opgelost_op=(escalatie or datum) + timedelta(days=30) if opgelost else None,
                )
                knelpunten.append(knelpunt)
                besproken += [(knelpunt, regio.gremia[1]), (knelpunt, regio.gremia[0])]
        self.bulk(Knelpunt, knelpunten)
        for knelpunt in knelpunten:
            knelpunt._history_user = self.gebruiker
            knelpunt.doorlopen_gremia.add(*[g for k, g in besproken if k is knelpunt])

    # -- programma ---------------------------------------------------------------------------

    def make_programma(self) -> None:
        rng = self.rng
        plannen = []
        for regio in self.regios:
            regio.plan = Programmaplan(
                samenwerkingsverband=regio.sv,
                titel=f"Programmaplan sociaal domein {regio.sv.afkorting} 2022–2026 (schaaldata)",
                jaar_van=2022,
                jaar_tot=2026,
                datum=date(2022, 6, 15),
                van="Ambtelijke regiegroep",
                voor="Stuurgroep",
                aanleiding=BRON,
                programmamanager=regio.secretaris.naam,
                rapportage_interval_maanden=RAPPORTAGE_INTERVAL,
                bron=BRON,
            )
            plannen.append(regio.plan)
        self.bulk(Programmaplan, plannen)
        self.bulk(
            Doel,
            [
                Doel(plan=p, nummer=i, tekst=tekst)
                for p in plannen
                for i, tekst in enumerate(DOELEN, start=1)
            ],
        )
        self.bulk(
            Startvraag,
            [
                Startvraag(plan=p, nummer=i, tekst=tekst)
                for p in plannen
                for i, tekst in enumerate(STARTVRAGEN, start=1)
            ],
        )
        themas = {}
        for regio in self.regios:
            themas[regio.nummer] = [
                Thema(plan=regio.plan, nummer=i, naam=naam, toelichting=BRON)
                for i, naam in enumerate(THEMAS, start=1)
            ]
        self.bulk(Thema, [t for eigen in themas.values() for t in eigen])

        opdrachten = []
        per_regio = spread(self.omvang.opdrachten, len(self.regios))
        for regio, aantal in zip(self.regios, per_regio, strict=True):
            for i in range(aantal):
                verloop = self.make_opdracht(regio, themas[regio.nummer][i % len(THEMAS)], i)
                regio.verloop.append(verloop)
                opdrachten.append(verloop.opdracht)
        self.bulk(Opdracht, opdrachten)

        for regio in self.regios:
            eigen = [v.opdracht for v in regio.verloop]
            for opdracht in eigen:
                if len(eigen) > 1 and rng.random() < 0.1:
                    ander = rng.choice([o for o in eigen if o is not opdracht])
                    # The relation is symmetrical: the model links both ways.
                    opdracht._history_user = self.gebruiker
                    opdracht.relaties.add(ander)

        self.make_budgetposten(themas)
        self.make_resultaten()
        self.make_rapportages()

    def make_opdracht(self, regio: Regio, thema: Thema, index: int) -> Verloop:
        rng = self.rng
        start = add_months(date(2022, 7, 1), rng.randint(0, 51))
        eind = last_day_of_month(add_months(start, rng.randint(3, 24) - 1))
        nummer = index // len(THEMAS) + 1
        kans = rng.random()
        pm = 0.7 <= kans < 0.9
        opdracht = Opdracht(
            thema=thema,
            nummer=nummer,
            titel=f"Testopdracht {thema.nummer}.{nummer}: {rng.choice(ONDERWERPEN).lower()}",
            omschrijving=BRON,
            bedrag=money(rng.randint(5, 150) * 1000) if kans < 0.7 else None,
            pm=pm,
            financiering="PM" if pm else "",
            verantwoordelijk_uitvoerder=rng.choice(regio.personen[1]).naam,
            start=start,
            eind=eind,
            planningsvolgorde=index + 1,
            startbijeenkomst_op=start - timedelta(days=14) if start < REFERENTIEDATUM else None,
        )
        # A quarter slips 1 to 6 months, which shows up to 3 months before the planned end.
        return Verloop(
            opdracht,
            vertraging=rng.randint(1, 6) if rng.random() < 0.25 else 0,
            zichtbaar_op=add_months(eind.replace(day=1), -rng.randint(0, 3)),
        )

    def make_budgetposten(self, themas: dict[int, list[Thema]]) -> None:
        """Per thema a line with its opdrachten, and a PM line for the unforeseen."""
        rng = self.rng
        posten, koppelingen = [], []
        for regio in self.regios:
            for i, naam in enumerate(BUDGETPOSTEN, start=1):
                bedrag = rng.randint(20, 200) * 1000
                verplicht = rng.randint(0, bedrag // 2000) * 1000
                besteed = rng.randint(0, (bedrag - verplicht) // 1000) * 1000
                post = Budgetpost(
                    plan=regio.plan,
                    nummer=i,
                    omschrijving=naam,
                    bedrag=money(bedrag),
                    verplicht=money(verplicht),
                    besteed=money(besteed),
                )
                posten.append(post)
                thema = themas[regio.nummer][i - 1]
                koppelingen.append((post, [v.opdracht for v in regio.verloop if v.thema is thema]))
            nummer = len(BUDGETPOSTEN) + 1
            posten.append(
                Budgetpost(plan=regio.plan, nummer=nummer, omschrijving="Onvoorzien", pm=True)
            )
        self.bulk(Budgetpost, posten)
        for post, opdrachten in koppelingen:
            if opdrachten:  # an empty add would still write history
                post._history_user = self.gebruiker
                post.opdrachten.add(*opdrachten)

    def make_resultaten(self) -> None:
        """One resultaat per opdracht, delivered if the opdracht was done by the reference date."""
        resultaten = []
        for regio in self.regios:
            for v in regio.verloop:
                einde = v.verwacht_einde(REFERENTIEDATUM)
                geleverd = einde < REFERENTIEDATUM
                resultaten.append(
                    Resultaat(
                        opdracht=v.opdracht,
                        tekst=f"Opgeleverd: {v.opdracht.titel.split(': ', 1)[1]}.",
                        geleverd=geleverd,
                        geleverd_op=einde if geleverd else None,
                    )
                )
        self.bulk(Resultaat, resultaten)

    def make_rapportages(self) -> None:
        """24 bimonthly reports per plan up to the reference date; all sent but the last, each
        as ``freeze_report`` sends one (its rows checked, then sender and moment recorded)."""
        eerste = add_months(
            REFERENTIEDATUM.replace(day=1), -RAPPORTAGE_INTERVAL * (RAPPORTAGES_PER_PLAN - 1)
        )
        vorige = {}
        for k in range(RAPPORTAGES_PER_PLAN):
            regels = []
            maand = add_months(eerste, RAPPORTAGE_INTERVAL * k)
            peildatum = last_day_of_month(maand)
            begin = add_months(maand, 1 - RAPPORTAGE_INTERVAL)
            periode = f"{MAANDEN[begin.month - 1]}–{MAANDEN[maand.month - 1]} {maand.year}"
            ronde = []
            for regio in self.regios:
                r = Voortgangsrapportage(
                    plan=regio.plan,
                    peildatum=peildatum,
                    periode=periode,
                    samenvatting=f"Stand van het programma op {peildatum:%d-%m-%Y}. {BRON}",
                    vorige=vorige.get(regio.nummer),
                )
                eigen = [make_regel(r, v) for v in regio.verloop]
                # Checked before the report is stored (a stored frozen row refuses every check).
                if k < RAPPORTAGES_PER_PLAN - 1:  # sent to the stuurgroep
                    if problems := report_problems(eigen):
                        raise ValidationError(problems)
                    mark_sent(r, self.gebruiker, aware(peildatum + timedelta(days=12), 10))
                else:
                    check(eigen)
                regels += eigen
                ronde.append(r)
                vorige[regio.nummer] = r
            self.bulk(Voortgangsrapportage, ronde)  # each round's pks are the next round's vorige
            self.bulk(Voortgangsregel, regels, checked=True)

    # -- werkelijke kosten, begrotingscyclus and scenario's (issue 22) -----------------------

    def make_realisatie(self) -> None:
        """The werkelijke kosten of every rol with plan costs in each complete year (before the
        reference date's year), as the financial administration would give them: the plan's
        cost give or take 8 %, in cents, borne as the plan says (``gedragen_door`` empty), a
        toelichting where they differ by more than 5 %. Every such year is complete, so the
        nacalculatie settles it; the year of the reference date has none yet."""
        rng, rows = self.rng22, []
        for regio in self.regios:
            rollen = {rol.pk: rol for rol in regio.rollen}
            for (rol_id, jaar), begroot in sorted(regio.begroot.items(), key=lambda i: i[0][::-1]):
                afwijking = rng.uniform(-0.08, 0.08)
                bedrag = round_cent(begroot * Decimal(1 + afwijking))
                rows.append(
                    Realisatie(
                        samenwerkingsverband=regio.sv,
                        rol=rollen[rol_id],
                        jaar=jaar,
                        bedrag=bedrag,
                        bron=f"Financiële administratie {regio.sv.afkorting} {jaar} (testgegevens)",
                        toelichting=(
                            ("Meer" if afwijking > 0 else "Minder") + " uren dan begroot."
                            if abs(afwijking) > 0.05
                            else ""
                        ),
                    )
                )
            if len(rows) >= BATCH_SIZE * 10:
                self.bulk(Realisatie, rows)
                rows = []
        self.bulk(Realisatie, rows)

    def make_begroting(self) -> None:
        """A begrotingscyclus for each of :data:`BEGROTINGSJAREN` of every samenwerkingsverband
        with a begroting of its own, as the regiegroep keeps it: the adoption dates, each step
        done (on time, a few late) when its day lies before the reference date, and every
        council's zienswijze on the ontwerpbegroting with the dagelijks bestuur's response,
        as far as the reference date has come."""
        rng = self.rng22
        cycli = [
            (regio, self.make_cyclus(regio, jaar))
            for regio in self.regios
            if regio.sv.heeft_eigen_begroting
            for jaar in BEGROTINGSJAREN
        ]
        self.bulk(Begrotingscyclus, [cyclus for _, cyclus in cycli])
        zienswijzen = []
        for regio, cyclus in cycli:
            if (ontwerp := cyclus.ontwerpbegroting_verzonden) is None:
                continue
            for gemeente in regio.gemeenten:
                ontvangen = ontwerp + timedelta(days=rng.randint(20, 75))
                if ontvangen >= REFERENTIEDATUM:
                    continue  # not in yet
                geen = rng.random() < 0.3
                reactie = ontvangen + timedelta(days=rng.randint(7, 40))
                if geen or reactie >= REFERENTIEDATUM:
                    reactie = None
                zienswijzen.append(
                    Zienswijze(
                        cyclus=cyclus,
                        gemeente=gemeente,
                        ontvangen=ontvangen,
                        geen_zienswijze=geen,
                        tekst="" if geen else ZIENSWIJZE.format(gemeente=gemeente.naam),
                        reactie_verzonden=reactie,
                        reactie="" if reactie is None else REACTIE,
                    )
                )
        self.bulk(Zienswijze, zienswijzen)

    def make_cyclus(self, regio: Regio, jaar: int) -> Begrotingscyclus:
        """One begrotingsjaar: the algemeen bestuur adopts the begroting early in July of the
        year before and the jaarrekening late in June of the year after; each step is done a
        few days before its latest date (one in ten a few days after), if by then."""
        rng = self.rng22
        vaststelling = werkdag(date(jaar - 1, 7, rng.randint(1, 10)))
        jaarrekening = werkdag(date(jaar + 1, 6, rng.randint(15, 28)))
        stappen = {t.stap: t.uiterste_datum for t in termijnen(jaar, vaststelling, jaarrekening)}

        def gedaan(uiterst: date, na: date | None = None) -> date | None:
            dag = uiterst + timedelta(days=rng.randint(1, 6) if rng.random() < 0.1 else 0)
            dag -= timedelta(days=rng.randint(0, 10))
            if na is not None:
                dag = max(dag, na)
            return dag if dag < REFERENTIEDATUM else None

        return Begrotingscyclus(
            samenwerkingsverband=regio.sv,
            jaar=jaar,
            vaststelling_begroting=vaststelling,
            vaststelling_jaarrekening=jaarrekening,
            kaders_verzonden=gedaan(stappen["kaders"]),
            ontwerpbegroting_verzonden=gedaan(stappen["ontwerpbegroting"]),
            # Sent on after the adoption (so not before the reference date if that is after it).
            begroting_naar_gs=gedaan(stappen["begroting_gs"], na=vaststelling),
            voorlopige_jaarrekening_verzonden=gedaan(stappen["voorlopige_jaarrekening"]),
            jaarrekening_naar_gs=gedaan(stappen["jaarrekening_gs"], na=jaarrekening),
            uitvoeringsplan=f"Uitvoeringsplan {jaar} van {regio.sv.naam}. {BRON}",
            toelichting=BRON,
        )

    def make_scenarios(self) -> None:
        """A scenario of every :data:`SCENARIO_ELKE`-th samenwerkingsverband (T01 first), made
        as "Nieuw scenario" makes one (``maak_scenario``: a copy of its gemeenten, inwonertallen,
        formation and keys), for the comparison page."""
        for regio in self.regios:
            if regio.nummer % SCENARIO_ELKE == 1:
                maak_scenario(
                    regio.sv,
                    f"{regio.sv.afkorting}S",
                    f"{regio.sv.naam}: scenario",
                    user=self.gebruiker,
                    toelichting=f"Wat als de formatie anders wordt? {BRON}",
                )

    def make_gebruiker(self):
        """The schaaldata user: makes the history and sends the reports as a regiegroep
        member (of every generated samenwerkingsverband, ``access.grant``), and cannot log in."""
        user, created = get_user_model().objects.get_or_create(
            username=GEBRUIKER,
            defaults={"first_name": "Schaaldata", "last_name": "(test)", "is_active": False},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        ensure_groups()
        user.groups.add(Group.objects.get(name=REGIEGROEP))
        return user


# --- the public entry point -----------------------------------------------------------------

COUNTED_MODELS = [
    Samenwerkingsverband,
    Gemeente,
    Inwonertal,
    Convenant,
    Fase,
    Rol,
    Bezetting,
    Salarisschaal,
    Verdeelsleutel,
    Budget,
    Gremium,
    Persoon,
    Lidmaatschap,
    Vergadering,
    Agendapunt,
    Besluit,
    Actiepunt,
    Knelpunt,
    Programmaplan,
    Opdracht,
    Voortgangsrapportage,
    Voortgangsregel,
    Budgetpost,
    Realisatie,
    Begrotingscyclus,
    Zienswijze,
]


class DatabaseNietLeeg(Exception):
    """The database already holds data; the message is Dutch."""


def check_empty() -> None:
    for model in (Samenwerkingsverband, Gemeente):
        count = model.objects.count()
        if count:
            opts = model._meta
            if count == 1:
                wat = f"is al 1 {opts.verbose_name}"
            else:
                wat = f"zijn al {count} {opts.verbose_name_plural}"
            raise DatabaseNietLeeg(
                f"De database is niet leeg: er {wat}. genereer_schaal vult alleen een lege "
                "database; er is niets opgeslagen."
            )


@transaction.atomic
def generate(factor: float, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Fill an empty database at ``factor``; returns the number of rows per kind (the model's
    plural name), the real samenwerkingsverbanden and their scenario's apart.

    Refuses (:class:`DatabaseNietLeeg`) a database with a samenwerkingsverband or gemeente.
    """
    check_empty()
    Schaalgenerator(factor, seed).generate()
    # Rows inserted in bulk send no signal: the data versions are moved here, as maak_scenario
    # moves its scenario's, so that nothing cached while generating outlives it.
    dataversie.changed(Samenwerkingsverband.objects.values_list("pk", flat=True))
    dataversie.changed(None)
    counts = {}
    for model in COUNTED_MODELS:
        naam = str(model._meta.verbose_name_plural)
        if model is Samenwerkingsverband:  # the real ones; their scenario's apart
            counts[naam] = model.objects.echt().count()
            counts["scenario's"] = model.objects.scenarios().count()
        else:
            counts[naam] = model.objects.count()
    return counts
