"""Export and import of one samenwerkingsverband: the demo makes the round trip unchanged."""

import io
import json
import re
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection

from convenant.brieven import draft_letter, send_letter
from convenant.models import Domein, Gemeente, Samenwerkingsverband, Toegang
from programma.models import Programmaplan
from programma.voortgang import draft_report, freeze_report
from regiekamer.access import SV_LOOKUPS
from regiekamer.rapporten import REPORTS, make_report
from regiekamer.roles import DOMAIN_APPS, REGIEGROEP
from tests.pdfs import pdf_text


def archived_models() -> list:
    """Every table an archive restores: the domain models, their history, the m2m tables."""
    models = [m for app in DOMAIN_APPS for m in apps.get_app_config(app).get_models(True)]
    user = get_user_model()
    return [*models, user, user.groups.through]


def row_counts() -> dict:
    return {m._meta.label_lower: m._base_manager.count() for m in archived_models()}


def report_texts(sv) -> dict:
    """The text of every report (and every gemeente's letter), without the print date."""
    runs = [(soort, {}) for soort in REPORTS if soort != "raadsinformatiebrief"]
    runs += [("raadsinformatiebrief", {"gemeente": g.naam}) for g in sv.gemeenten.all()]
    texts = {}
    for soort, options in runs:
        pdf, _ = make_report(soort, sv, **options)
        text = re.sub(r"Afgedrukt op .*? uit Regiekamer", "", pdf_text(pdf))
        texts[f"{soort} {options}"] = text
    return texts


def empty_installation() -> None:
    """What an installation holds before the first samenwerkingsverband: no domain rows, no
    users, the sequences back at the start (the groups of ``migrate`` stay)."""
    connection.check_constraints()  # PostgreSQL truncates nothing with checks pending
    tables = [m._meta.db_table for m in archived_models()]
    sql = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
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
def mlw_with_users(demo):
    """The demo plus what only use adds: a user with access whose edits are in the history, a
    letter sent (frozen) and a progress report sent to the stuurgroep (frozen)."""
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
    brief.save()
    send_letter(brief, user)
    rapportage = draft_report(
        Programmaplan.objects.get(samenwerkingsverband=sv), date(2024, 6, 30), "Q2 2024"
    )
    freeze_report(rapportage, user)
    return sv


def test_round_trip_keeps_every_row_and_every_report(mlw_with_users, tmp_path):
    before_counts = row_counts()
    # Domeinen are shared: the archive holds those of the samenwerkingsverband (2 of the 3).
    domeinen = mlw_with_users.domeinen.all()
    before_counts["convenant.domein"] = len(domeinen)
    before_counts["convenant.historicaldomein"] = Domein.history.filter(id__in=domeinen).count()
    before_texts = report_texts(mlw_with_users)
    path = export(tmp_path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["formaat"] == "regiekamer-samenwerkingsverband"
    assert data["formaatversie"] == 1
    assert [g["username"] for g in data["gebruikers"]] == ["archief-regie"]
    assert "password" not in text and "pbkdf2" not in text

    empty_installation()
    assert not Samenwerkingsverband.objects.exists()
    output = importeer(path)

    assert "archief-regie" in output
    assert row_counts() == before_counts
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    assert report_texts(sv) == before_texts
    user = get_user_model().objects.get(username="archief-regie")
    assert not user.has_usable_password()
    assert user.first_name == "Ria" and user.groups.filter(name=REGIEGROEP).exists()
    assert Toegang.objects.get(gebruiker=user).samenwerkingsverbanden.get() == sv
    weert = Gemeente.objects.get(naam="Weert")
    assert weert.history.filter(history_user=user, contactpersoon="J. de Vries").exists()
    brief = weert.raadsinformatiebrieven.get()
    assert brief.is_frozen and brief.verzonden_door == user
    # Exporting again writes the same archive (apart from the moment of export).
    again = json.loads(export(tmp_path).read_text(encoding="utf-8"))
    assert {**again, "geexporteerd_op": None} == {**data, "geexporteerd_op": None}


def test_new_rows_after_import_get_fresh_ids(demo, tmp_path):
    path = export(tmp_path)
    imported = max(
        o["pk"]
        for o in json.loads(path.read_text())["objecten"]
        if o["model"] == "convenant.gemeente"
    )
    empty_installation()
    importeer(path)

    gemeente = Gemeente.objects.create(naam="Roermond")
    gemeente.contactpersoon = "A. Jansen"
    gemeente.save()
    domein = Domein.objects.create(naam="Participatiewet")

    assert gemeente.pk > imported
    assert gemeente.history.count() == 2 and domein.history.count() == 1


def test_second_import_is_refused_and_changes_nothing(demo, tmp_path):
    path = export(tmp_path)
    before = row_counts()
    with pytest.raises(CommandError, match="MLW bestaat al"):
        importeer(path)
    assert row_counts() == before


def test_taken_primary_keys_are_refused(demo, tmp_path):
    data = json.loads(export(tmp_path).read_text())
    data["samenwerkingsverband"] = "ANDER"
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


def test_an_inconsistent_archive_writes_nothing(demo, tmp_path):
    """A row whose parent is missing from the archive: the foreign-key check refuses it all."""
    data = json.loads(export(tmp_path).read_text())
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
    """A new model must be placed in access.SV_LOOKUPS (or be shared), or the archive misses it."""
    shared = {"convenant.domein"}
    for app in DOMAIN_APPS:
        for model in apps.get_app_config(app).get_models():
            if hasattr(model, "instance_type"):  # a history model
                continue
            assert model._meta.label_lower in {*SV_LOOKUPS, *shared}, model._meta.label_lower
