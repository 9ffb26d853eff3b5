"""Uploading a stuk to an agendapunt and downloading it: stored safely, served with care."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.constants import Agendapuntsoort, Gremiumsoort
from governance.models import Agendapunt, Gremium, Stuk, Vergadering
from tests import uploads as samples
from tests.convenant.factories import SamenwerkingsverbandFactory
from tests.uploads import upload


@pytest.fixture
def agendapunt(db, media):
    sv = SamenwerkingsverbandFactory(afkorting="TRU")
    gremium = Gremium.objects.create(
        samenwerkingsverband=sv, naam="Stuurgroep", soort=Gremiumsoort.STUURGROEP
    )
    begin = timezone.make_aware(datetime.datetime(2026, 12, 8, 10))
    vergadering = Vergadering.objects.create(gremium=gremium, begin=begin)
    return Agendapunt.objects.create(
        vergadering=vergadering, volgorde=1, titel="Evaluatie", soort=Agendapuntsoort.BESPREKING
    )


def create_url(agendapunt):
    return reverse("governance:stuk-create", args=["TRU", agendapunt.vergadering_id])


def post_stuk(client, agendapunt, bestand, titel="Opzet evaluatie"):
    data = {"agendapunt": agendapunt.pk, "titel": titel, "bestand": bestand, "verwijzing": ""}
    return client.post(create_url(agendapunt), data)


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_the_upload_form_is_multipart_and_names_the_limit(agendapunt, regie_client):
    page = regie_client.get(create_url(agendapunt)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "hooguit 20 MB" in page


@pytest.mark.parametrize(
    "name, content, extension",
    [
        ("../../Opzet evaluatie.pdf", samples.PDF, ".pdf"),
        ("Organogram.png", samples.PNG, ".png"),
        ("Notitie evaluatie.docx", samples.DOCX, ".docx"),
    ],
)
def test_valid_files_are_stored_under_media_with_a_random_name(
    agendapunt, regie_client, media, tmp_path, name, content, extension
):
    response = post_stuk(regie_client, agendapunt, upload(name, content))
    assert response.status_code == 302

    stuk = Stuk.objects.get()
    assert re.fullmatch(rf"stukken/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}\{extension}", stuk.bestand.name)
    assert stuk.bestandsnaam == name.rsplit("/", 1)[-1]
    path = Path(stuk.bestand.path).resolve()
    assert path.read_bytes() == content
    assert media.resolve() in path.parents
    assert Path(django_settings.STATIC_ROOT).resolve() not in path.parents
    assert stored_files(media) == [path]
    assert not (tmp_path / "Opzet evaluatie.pdf").exists()  # no way out of MEDIA_ROOT


def test_download_is_the_exact_file_as_an_attachment(agendapunt, regie_client, stuur_client):
    post_stuk(regie_client, agendapunt, upload("../../Opzet evaluatie.pdf", samples.PDF))
    stuk = Stuk.objects.get()
    url = reverse("governance:stuk-download", args=["TRU", stuk.pk])
    assert stuk.get_url() == url

    page = stuur_client.get(agendapunt.vergadering.get_absolute_url()).content.decode()
    assert f'href="{url}"' in page

    for client in (regie_client, stuur_client):  # the stuurgroep reads, so downloads too
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == samples.PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="Opzet evaluatie.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"


def test_download_needs_login_and_the_right_to_read(agendapunt, regie_client, client, db):
    post_stuk(regie_client, agendapunt, upload("evaluatie.docx", samples.DOCX))
    url = Stuk.objects.get().get_url()

    response = client.get(url)  # anonymous: to the login page
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))

    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user("zonder-rol", password="geheim-123!")
    client.force_login(nobody)
    assert client.get(url).status_code in (403, 404)


def test_download_of_a_link_or_through_another_collaboration_is_404(
    agendapunt, regie_client, stuur_client
):
    post_stuk(regie_client, agendapunt, upload("evaluatie.pdf", samples.PDF))
    stuk = Stuk.objects.get()
    other = SamenwerkingsverbandFactory(afkorting="ANDER")
    wrong_sv = reverse("governance:stuk-download", args=[other.afkorting, stuk.pk])
    assert stuur_client.get(wrong_sv).status_code == 404

    link = Stuk.objects.create(agendapunt=agendapunt, titel="Kosten", verwijzing="/kosten/")
    as_file = reverse("governance:stuk-download", args=["TRU", link.pk])
    assert stuur_client.get(as_file).status_code == 404

    Path(stuk.bestand.path).unlink()  # the row outlived its file: 404, not a server error
    assert stuur_client.get(stuk.get_url()).status_code == 404


def test_too_big_is_refused_in_dutch_and_nothing_is_saved(agendapunt, regie_client, settings):
    settings.MAX_UPLOAD_MB = 1
    big = upload("groot.pdf", samples.PDF.ljust(1024 * 1024 + 1, b" "))
    response = post_stuk(regie_client, agendapunt, big)
    assert response.status_code == 200
    assert "Het bestand is groter dan 1 MB." in response.content.decode()
    assert not Stuk.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []


@pytest.mark.parametrize(
    "name, content",
    [
        ("agenda.pdf", samples.HTML),
        ("virus.pdf", samples.EXE),
        ("logo.png", samples.SVG),
        ("notitie.pdf", samples.DOCX),
        ("bijlagen.docx", samples.OTHER_ZIP),
        ("half.docx", samples.TRUNCATED_DOCX),
        ("kapot.docx", samples.corrupted_docx()),
    ],
)
def test_wrong_content_is_refused_and_nothing_is_saved(
    agendapunt, regie_client, media, name, content
):
    response = post_stuk(regie_client, agendapunt, upload(name, content, "application/pdf"))
    assert response.status_code == 200
    assert "Dit type bestand is niet toegestaan" in response.content.decode()
    assert not Stuk.objects.exists()
    assert stored_files(media) == []


def test_the_stuurgroep_cannot_upload(agendapunt, stuur_client, media):
    response = post_stuk(stuur_client, agendapunt, upload("evaluatie.pdf", samples.PDF))
    assert response.status_code == 403
    assert stored_files(media) == []


OUTSIDE_REGIEKAMER = [
    "//evil.example/",
    "/\\evil.example/",
    "/kosten\\..\\..\\evil",
    "javascript:alert(1)",
    "http://evil.example/",
    "https:/evil.example/",
    "/\t/evil.example/",
    "/kos\nten/",
    "/\x01kosten/",
    "/\x7fkosten/",
    " //evil.example/",
    "kosten/",
]


@pytest.mark.parametrize("verwijzing", OUTSIDE_REGIEKAMER)
def test_a_verwijzing_outside_regiekamer_is_refused_by_form_admin_and_model(
    agendapunt, regie_client, beheer_user, verwijzing
):
    data = {"agendapunt": agendapunt.pk, "titel": "Buiten", "verwijzing": verwijzing}
    page = regie_client.post(create_url(agendapunt), data).content.decode()
    assert "Verwijs naar een pagina binnen Regiekamer" in page

    admin = Client()
    admin.force_login(beheer_user)
    page = admin.post(reverse("admin:governance_stuk_add"), data).content.decode()
    assert "Verwijs naar een pagina binnen Regiekamer" in page
    assert not Stuk.objects.exists()

    stuk = Stuk(agendapunt=agendapunt, titel="Buiten", verwijzing=verwijzing)
    with pytest.raises(ValidationError, match="Verwijs naar een pagina binnen Regiekamer"):
        stuk.full_clean()


def test_a_stored_verwijzing_outside_regiekamer_is_never_a_link(agendapunt, stuur_client):
    """A row written before the rule (or past it, by a raw save) shows its title, no href."""
    Stuk.objects.create(agendapunt=agendapunt, titel="Kosten", verwijzing="/kosten/")
    Stuk.objects.create(agendapunt=agendapunt, titel="Buiten", verwijzing="/\\evil.example/")
    Stuk.objects.create(agendapunt=agendapunt, titel="Script", verwijzing="javascript:alert(1)")
    page = stuur_client.get(agendapunt.vergadering.get_absolute_url()).content.decode()
    assert '<a href="/kosten/">Kosten</a>' in page
    assert "<li>Buiten</li>" in page and "<li>Script</li>" in page
    assert "evil.example" not in page and "javascript:" not in page
