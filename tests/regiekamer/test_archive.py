"""Export and import of one samenwerkingsverband: the demo makes the round trip unchanged."""

import functools
import io
import json
import re
from datetime import date

import pytest
from django.apps import apps
from django.conf import global_settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection

from archief.samenwerking import MOVED_LABELS
from berichten.models import Bericht
from brieven.opstellen import draft_letter
from brieven.verzenden import mail_letter
from governance.models import Gremium
from partijen.models import Domein, Gemeente, Samenwerkingsverband, Toegang
from programma.models import Programmaplan
from programma.verzenden import send_report
from programma.voortgang import draft_report
from rapporten.register import REPORTS, make_report
from regiekamer.declarations import SV_LOOKUPS
from regiekamer.roles import DOMAIN_APPS, REGIEGROEP
from tests.pdfs import pdf_text


def archived_models() -> list:
    """Every table an archive restores: the domain models, their history, the m2m tables."""
    models = [m for app in DOMAIN_APPS for m in apps.get_app_config(app).get_models(True)]
    user = get_user_model()
    return [*models, user, user.groups.through]


def row_counts() -> dict:
    """The rows of every archived table, counted in one query (the tests count often)."""
    models = archived_models()
    tables = [connection.ops.quote_name(m._meta.db_table) for m in models]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {t})" for t in tables))
        return dict(zip([m._meta.label_lower for m in models], cursor.fetchone(), strict=True))


NOT_RESTORED = (
    "berichten.bericht",  # the outbox: this installation's mail log, not the record
    "auth.user_groups",
    "partijen.toegang",
    "partijen.toegang_samenwerkingsverbanden",
    "partijen.historicaltoegang",
    "partijen.historicaltoegang_samenwerkingsverbanden",
)


PRINTED = r"Afgedrukt op .*? uit Regiekamer"


def report_texts(sv, read=pdf_text) -> dict:
    """The text of every report (and every gemeente's letter), without the print date."""
    runs = [(soort, {}) for soort in REPORTS if soort != "raadsinformatiebrief"]
    runs += [("raadsinformatiebrief", {"gemeente": g.naam}) for g in sv.gemeenten.all()]
    texts = {}
    for soort, options in runs:
        pdf, _ = make_report(soort, sv, **options)
        texts[f"{soort} {options}"] = re.sub(PRINTED, "", read(pdf))
    return texts


@pytest.fixture
def pdf_per_html(monkeypatch):
    """WeasyPrint renders an HTML page (print date aside) once per test: the PDF is a function
    of the page (``regiekamer.pdf.render_pdf`` is the one rendering path, its other arguments
    fixed), so a report whose page comes back unchanged from the round trip is the same PDF,
    and one whose page changed is rendered anew."""
    import weasyprint

    render, pdfs = weasyprint.HTML, {}

    class HTML:
        def __init__(self, *, string, **options):
            self.string, self.options = string, options

        def write_pdf(self, **options):
            key = re.sub(PRINTED, "", self.string)
            if key not in pdfs:
                pdfs[key] = render(string=self.string, **self.options).write_pdf(**options)
            return pdfs[key]

    monkeypatch.setattr(weasyprint, "HTML", HTML)


def empty_installation() -> None:
    """What an installation holds before the first samenwerkingsverband: no domain rows, no
    users, the sequences back at the start (the groups of ``migrate`` stay)."""
    connection.check_constraints()  # PostgreSQL truncates nothing with checks pending
    tables = {m._meta.db_table for m in archived_models()}
    # With the tables that refer to them (the admin log, a user's permissions), found from the
    # models: SQLite's own cascade searches the schema with a regular expression, for a second.
    references = [
        (m._meta.db_table, f.related_model._meta.db_table)
        for m in apps.get_models(include_auto_created=True)
        for f in m._meta.concrete_fields
        if f.is_relation
    ]
    while referring := {table for table, target in references if target in tables} - tables:
        tables |= referring
    sql = connection.ops.sql_flush(
        no_style(),
        sorted(tables),
        reset_sequences=True,
        allow_cascade=connection.vendor != "sqlite",
    )
    connection.ops.execute_sql_flush(sql)


def export(tmp_path, code="MLW"):
    target = tmp_path / "archief.json"
    call_command("exporteer_samenwerking", code, "-o", str(target), stderr=io.StringIO())
    return target


def importeer(path) -> str:
    out = io.StringIO()
    call_command("importeer_samenwerking", str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def mlw_with_users(demo, settings):
    """The demo plus what only use adds: a user with access whose edits are in the history, a
    letter sent (frozen) and a progress report sent to the stuurgroep (frozen)."""
    # The password is stored as production stores it (the archive must not hold that hash).
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    user = get_user_model().objects.create_user(
        "archief-regie", password="geheim-123!", first_name="Ria", email="ria@example.nl"
    )
    user.groups.add(apps.get_model("auth.Group").objects.get(name=REGIEGROEP))
    toegang = Toegang.objects.create(gebruiker=user)
    toegang.samenwerkingsverbanden.add(sv)
    weert = Gemeente.objects.get(naam="Weert")
    weert._history_user = user
    weert.contactpersoon = "J. de Vries"
    weert.save()
    brief = draft_letter(sv, weert)
    brief.besluitdatum = date(2026, 3, 3)  # the standard text names the college's decision
    brief.save()
    mail_letter(brief, user)  # as "Verzenden" does: frozen, and mailed (the outbox's rows)
    rapportage = draft_report(
        Programmaplan.objects.get(samenwerkingsverband=sv), date(2024, 6, 30), "Q2 2024"
    )
    send_report(rapportage, user)
    assert Bericht.objects.filter(samenwerkingsverband=sv).exists()
    return sv


@pytest.fixture(scope="module")
def exported() -> dict:
    """Archives exported once per module (in each test process): their text, and the row
    counts of the installation they were exported from."""
    return {}


def exported_once(request, exported, tmp_path, state: str) -> tuple[str, dict]:
    """The archive of MLW as the fixture ``state`` (``demo``, ``mlw_with_users``) leaves it,
    exported by the first test that asks. The demo is loaded once per test process (see
    tests/conftest.py), so its rows keep their keys from test to test; should it be loaded
    anew, its new key (PostgreSQL's sequences go on) asks for a new export."""
    key = archive_key(state)
    if key not in exported:
        request.getfixturevalue(state)
        exported[key] = (export(tmp_path).read_text(encoding="utf-8"), row_counts())
    return exported[key]


def archive_key(state: str) -> tuple:
    return (state, Samenwerkingsverband.objects.get(afkorting="MLW").pk)


@pytest.fixture
def demo_archive(demo, request, exported, tmp_path):
    """An archive of the demo, in a file of the test's own."""
    path = tmp_path / "demo.json"
    path.write_text(exported_once(request, exported, tmp_path, "demo")[0], encoding="utf-8")
    return path


@pytest.fixture
def mlw_archive(demo, request, exported, tmp_path) -> tuple[dict, dict]:
    """An archive of ``mlw_with_users``, the test's own copy to tamper with, and the row counts
    of the installation it was exported from."""
    text, counts = exported_once(request, exported, tmp_path, "mlw_with_users")
    return json.loads(text), dict(counts)


def test_round_trip_keeps_every_row_and_every_report(
    mlw_with_users, tmp_path, pdf_per_html, exported
):
    before_counts = row_counts()
    # Domeinen are shared: the archive holds those of the samenwerkingsverband (2 of the 3).
    domeinen = mlw_with_users.domeinen.all()
    before_counts["partijen.domein"] = len(domeinen)
    before_counts["partijen.historicaldomein"] = Domein.history.filter(id__in=domeinen).count()
    # Rights are not part of an archive: no Toegang, no groups; a beheerder grants them anew.
    for label in NOT_RESTORED:
        before_counts[label] = 0
    read = functools.cache(pdf_text)  # the same PDF (see pdf_per_html) is read once
    before_texts = report_texts(mlw_with_users, read)
    path = export(tmp_path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["formaat"] == "regiekamer-samenwerkingsverband"
    assert data["formaatversie"] == 1
    assert [g["username"] for g in data["gebruikers"]] == ["archief-regie"]
    assert "password" not in text and "pbkdf2" not in text
    # The outbox is this installation's mail log, not the record: not in the archive.
    assert "berichten." not in text and "post_office." not in text
    # The same archive the tests below tamper with: they need not export it again.
    exported.setdefault(archive_key("mlw_with_users"), (text, row_counts()))

    empty_installation()
    assert not Samenwerkingsverband.objects.exists()
    output = importeer(path)

    assert "archief-regie" in output
    assert row_counts() == before_counts
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    assert report_texts(sv, read) == before_texts
    user = get_user_model().objects.get(username="archief-regie")
    assert not user.has_usable_password()
    assert user.first_name == "Ria" and not user.groups.exists()
    assert not (user.is_active or user.is_staff or user.is_superuser)
    assert not Toegang.objects.exists()
    weert = Gemeente.objects.get(naam="Weert")
    assert weert.history.filter(history_user=user, contactpersoon="J. de Vries").exists()
    brief = weert.raadsinformatiebrieven.get(verzonden_door=user)  # besides the demo's of 2016
    assert brief.is_frozen
    # Exporting again writes the same archive (apart from the moment of export).
    again = json.loads(export(tmp_path).read_text(encoding="utf-8"))
    assert {**again, "geexporteerd_op": None} == {**data, "geexporteerd_op": None}


def test_an_archive_of_before_the_parties_moved_is_read(mlw_archive, tmp_path):
    """An archive written before issue 16 names the gemeente, the samenwerkingsverband and the
    letter under convenant/; it is read as the same rows of partijen/ and brieven/."""
    data, before_counts = mlw_archive
    old_label = {new: old for old, new in MOVED_LABELS.items()}
    for item in data["objecten"]:
        item["model"] = old_label.get(item["model"], item["model"])
    assert any(o["model"] == "convenant.historicalgemeente" for o in data["objecten"])
    path = tmp_path / "van-voor-issue-16.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    empty_installation()
    importeer(path)

    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    assert sorted(sv.gemeenten.values_list("naam", flat=True)) == ["Leudal", "Nederweert", "Weert"]
    # The demo's letter of 2016 and the one mailed by archief-regie.
    assert Gemeente.objects.get(naam="Weert").raadsinformatiebrieven.count() == 2
    after = row_counts()
    for label in (
        "partijen.gemeente",
        "partijen.historicalgemeente",
        "brieven.raadsinformatiebrief",
    ):
        assert after[label] == before_counts[label]


def test_new_rows_after_import_get_fresh_ids(demo_archive):
    path = demo_archive
    imported = max(
        o["pk"]
        for o in json.loads(path.read_text())["objecten"]
        if o["model"] == "partijen.gemeente"
    )
    empty_installation()
    importeer(path)

    gemeente = Gemeente.objects.create(naam="Roermond")
    gemeente.contactpersoon = "A. Jansen"
    gemeente.save()
    domein = Domein.objects.create(naam="Participatiewet")

    assert gemeente.pk > imported
    assert gemeente.history.count() == 2 and domein.history.count() == 1


def test_second_import_is_refused_and_changes_nothing(demo_archive):
    before = row_counts()
    with pytest.raises(CommandError, match="MLW bestaat al"):
        importeer(demo_archive)
    assert row_counts() == before


def test_taken_primary_keys_are_refused(demo_archive, tmp_path):
    data = json.loads(demo_archive.read_text())
    data["samenwerkingsverband"] = "ANDER"
    for row in data["objecten"]:
        if row["model"] == "partijen.samenwerkingsverband":
            row["fields"]["afkorting"] = "ANDER"
    path = tmp_path / "ander.json"
    path.write_text(json.dumps(data))
    before = row_counts()
    with pytest.raises(CommandError, match="niet leeg"):
        importeer(path)
    assert row_counts() == before


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"formaat": "regiekamer-samenwerkingsverband", "objecten": [', "geen geldige JSON"),
        ("\x00\xff garbage", "geen geldige JSON"),
        ('{"formaat": "iets anders", "formaatversie": 1}', "geen archief"),
        ("[1, 2, 3]", "geen archief"),
        ('{"formaat": "regiekamer-samenwerkingsverband", "formaatversie": 2}', "formaatversie 2"),
    ],
)
def test_broken_files_give_a_dutch_error_and_write_nothing(db, tmp_path, content, message):
    path = tmp_path / "kapot.json"
    path.write_text(content)
    before = row_counts()
    with pytest.raises(CommandError, match=message):
        importeer(path)
    assert row_counts() == before


def test_an_inconsistent_archive_writes_nothing(demo_archive, tmp_path):
    """A row whose parent is missing from the archive: the foreign-key check refuses it all."""
    data = json.loads(demo_archive.read_text())
    data["objecten"] = [o for o in data["objecten"] if o["model"] != "convenant.convenant"]
    data["gebruikers"] = [{"username": "nieuw-iemand", "groups": []}]
    path = tmp_path / "inconsistent.json"
    path.write_text(json.dumps(data))
    empty_installation()
    with pytest.raises(CommandError, match="niet consistent"):
        importeer(path)
    assert not any(row_counts().values())


def test_a_missing_file_gives_a_dutch_error(db, tmp_path):
    with pytest.raises(CommandError, match="Kan .* niet lezen"):
        importeer(tmp_path / "bestaat-niet.json")
    with pytest.raises(CommandError, match="Geen samenwerkingsverband met afkorting 'XYZ'"):
        export(tmp_path, "XYZ")


def test_every_domain_model_belongs_to_a_samenwerkingsverband_or_is_shared():
    """A new model must declare its scope (regiekamer.declarations), or the archive misses it."""
    shared = {"partijen.domein"}
    for app in DOMAIN_APPS:
        for model in apps.get_app_config(app).get_models():
            if hasattr(model, "instance_type"):  # a history model
                continue
            assert model._meta.label_lower in {*SV_LOOKUPS, *shared}, model._meta.label_lower


# --- an archive is untrusted input: every tampering is refused and writes nothing -------------

OTHER = 9001  # keys of another samenwerkingsverband's rows, far from the archive's


def rows(data, label) -> list:
    return [o for o in data["objecten"] if o["model"] == label]


@pytest.fixture
def tampering(mlw_archive):
    """A real archive of MLW (with a user, a frozen letter and report) and an installation
    that holds only another samenwerkingsverband (NML, gemeente Venlo, a gremium) and its
    superuser, to which a tampered archive would like to attach."""
    data, _ = mlw_archive
    empty_installation()
    nml = Samenwerkingsverband.objects.create(
        pk=OTHER, naam="Noord-Midden-Limburg", afkorting="NML"
    )
    venlo = Gemeente.objects.create(pk=OTHER, naam="Venlo", plaats="Venlo")
    nml.gemeenten.add(venlo)
    Gremium.objects.create(
        pk=OTHER, samenwerkingsverband=nml, naam="Regiegroep", soort="regiegroep"
    )
    get_user_model().objects.create_superuser("beheer", password="geheim-123!", pk=OTHER)
    for model in archived_models():  # their history would take the archive's history keys
        if hasattr(model, "instance_type"):
            model._base_manager.all().delete()
    return data


def refused(tmp_path, data, message):
    path = tmp_path / "gemanipuleerd.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = row_counts()
    with pytest.raises(CommandError) as fout:
        importeer(path)
    assert message in str(fout.value)
    assert row_counts() == before
    assert not Samenwerkingsverband.objects.filter(afkorting="MLW").exists()
    return str(fout.value)


NOT_IN_AN_ARCHIVE = "dit soort gegeven hoort niet in een archief van een samenwerkingsverband"


@pytest.mark.parametrize(
    "label, fields",
    [
        ("auth.user", {"username": "indringer", "is_superuser": True, "is_staff": True}),
        ("auth.permission", {"name": "x", "codename": "x", "content_type": 1}),
        ("auth.group", {"name": "beheerder", "permissions": []}),
        ("auth.user_groups", {"user": OTHER, "group": 1}),
        ("sessions.session", {"session_data": "x", "expire_date": "2030-01-01T00:00:00Z"}),
        ("axes.accessattempt", {"username": "beheer", "failures_since_start": 0}),
        ("contenttypes.contenttype", {"app_label": "x", "model": "y"}),
        ("admin.logentry", {"user": OTHER, "action_flag": 1, "change_message": ""}),
        ("partijen.samenwerkingsverband_gemeenten", {"samenwerkingsverband": 1, "gemeente": 1}),
    ],
)
def test_a_row_of_another_model_is_refused(tampering, tmp_path, label, fields):
    tampering["objecten"].append({"model": label, "pk": 77, "fields": fields})
    position = len(tampering["objecten"])
    message = refused(tmp_path, tampering, NOT_IN_AN_ARCHIVE)
    assert f"rij {position} van 'objecten' ({label}, sleutel 77)" in message


def test_a_toegang_granting_a_user_a_place_is_refused(tampering, tmp_path):
    sv = rows(tampering, "partijen.samenwerkingsverband")[0]["pk"]
    toegang = {"gebruiker": ["archief-regie"], "samenwerkingsverbanden": [sv], "gemeente": None}
    tampering["objecten"].append({"model": "partijen.toegang", "pk": 1, "fields": toegang})
    refused(tmp_path, tampering, f"(partijen.toegang, sleutel 1): {NOT_IN_AN_ARCHIVE}")


def test_an_archive_exports_no_access_and_users_come_in_without_rights(tampering, tmp_path):
    assert not rows(tampering, "partijen.toegang")
    assert tampering["gebruikers"] == [
        {
            "username": "archief-regie",
            "first_name": "Ria",
            "last_name": "",
            "email": "ria@example.nl",
        }
    ]
    # Rights written into the user list (as earlier exports did) are ignored.
    tampering["gebruikers"][0] |= {"is_staff": True, "is_active": True, "groups": ["beheerder"]}
    path = tmp_path / "met-rechten.json"
    path.write_text(json.dumps(tampering), encoding="utf-8")
    importeer(path)
    user = get_user_model().objects.get(username="archief-regie")
    assert not (user.is_active or user.is_staff or user.is_superuser or user.has_usable_password())
    assert not user.groups.exists() and not Toegang.objects.exists()


@pytest.mark.parametrize("extra", [{"is_superuser": True}, {"password": "pbkdf2_sha256$x"}])
def test_a_user_with_rights_or_a_password_is_refused(tampering, tmp_path, extra):
    tampering["gebruikers"][0] |= extra
    refused(tmp_path, tampering, "Een archief geeft niemand rechten")


def test_an_existing_username_is_refused(tampering, tmp_path):
    """Reusing 'beheer' would attribute the archive's history and letters to them."""
    tampering["gebruikers"].append({"username": "beheer"})
    rows(tampering, "partijen.historicalgemeente")[0]["fields"]["history_user"] = ["beheer"]
    refused(tmp_path, tampering, "Gebruiker 'beheer' uit het archief bestaat al")


@pytest.mark.parametrize("user", [["beheer"], OTHER, ["niemand"]])
def test_a_user_not_in_the_user_list_is_refused(tampering, tmp_path, user):
    rows(tampering, "partijen.historicalgemeente")[0]["fields"]["history_user"] = user
    refused(tmp_path, tampering, "veld 'history_user' noemt een gebruiker die niet in de lijst")


def test_a_gemeente_of_another_samenwerkingsverband_is_refused(tampering, tmp_path):
    rows(tampering, "brieven.raadsinformatiebrief")[0]["fields"]["gemeente"] = OTHER
    message = refused(tmp_path, tampering, f"verwijst naar partijen.gemeente {OTHER}, dat al")
    assert "geen gemeente van een ander samenwerkingsverband over" in message


def test_taking_a_gemeente_into_the_samenwerkingsverband_is_refused(tampering, tmp_path):
    rows(tampering, "partijen.samenwerkingsverband")[0]["fields"]["gemeenten"].append(OTHER)
    refused(tmp_path, tampering, "geen gemeente van een ander samenwerkingsverband over")
    assert Gemeente.objects.get(pk=OTHER).samenwerkingsverbanden.get().afkorting == "NML"


def test_a_reference_to_an_existing_gremium_is_refused(tampering, tmp_path):
    rows(tampering, "governance.lidmaatschap")[0]["fields"]["gremium"] = OTHER
    refused(tmp_path, tampering, f"verwijst naar governance.gremium {OTHER}, dat al in deze")


def test_a_history_row_of_an_existing_object_is_refused(tampering, tmp_path):
    """The history of another samenwerkingsverband's gemeente is not the archive's to write."""
    rows(tampering, "partijen.historicalgemeente")[0]["fields"]["id"] = OTHER
    refused(tmp_path, tampering, f"veld 'id' verwijst naar partijen.gemeente {OTHER}")


def test_a_history_row_of_a_gone_object_keeps_its_id_from_being_reused(tampering, tmp_path):
    """History may name an object deleted before the export; no new row takes that history."""
    row = rows(tampering, "partijen.historicalgemeente")[0]
    tampering["objecten"].append(
        {**row, "pk": 9500, "fields": {**row["fields"], "id": 9400, "naam": "Opgeheven"}}
    )
    path = tmp_path / "opgeheven.json"
    path.write_text(json.dumps(tampering), encoding="utf-8")
    importeer(path)
    assert Gemeente.objects.create(naam="Nieuw", plaats="Nieuw").pk > 9400


def test_an_unknown_field_is_refused(tampering, tmp_path):
    rows(tampering, "partijen.gemeente")[0]["fields"]["is_superuser"] = True
    refused(tmp_path, tampering, "onbekend veld 'is_superuser'")


def test_a_second_samenwerkingsverband_is_refused(tampering, tmp_path):
    sv = rows(tampering, "partijen.samenwerkingsverband")[0]
    extra = {**sv, "pk": 8000, "fields": {**sv["fields"], "afkorting": "TWEE", "gemeenten": []}}
    tampering["objecten"].insert(0, extra)
    refused(tmp_path, tampering, "precies één samenwerkingsverband")
