"""The signed scan of a convenant: uploaded on the edit page, served only to its readers."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from convenant.constants import ConvenantStatus
from convenant.models import Convenant
from tests import uploads as samples
from tests.convenant.factories import ConvenantFactory
from tests.uploads import upload


@pytest.fixture
def convenant(db, media):
    return ConvenantFactory(titel="Convenant Testregio", status=ConvenantStatus.ONDERTEKEND)


def edit(client, convenant, scan):
    data = {
        "titel": convenant.titel,
        "samenwerkingsverband": convenant.samenwerkingsverband_id,
        "status": convenant.status,
        "dagtekening": convenant.dagtekening.isoformat(),
        "inwerkingtreding": convenant.inwerkingtreding.isoformat(),
        "einddatum": "",
        "voorganger": "",
        "toelichting": "",
        "scan": scan,
        "versie": type(convenant).objects.get(pk=convenant.pk).revisie,
    }
    for prefix in ("overwegingen", "ondertekenaars", "herijkingsmomenten"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return client.post(reverse("convenant:convenant-update", args=[convenant.pk]), data)


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_edit_page_is_multipart_with_a_scan_field(convenant, regie_client):
    page = regie_client.get(reverse("convenant:convenant-update", args=[convenant.pk]))
    html = page.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'name="scan"' in html and "Getekende scan" in html


def test_signed_scan_is_uploaded_shown_and_downloaded(convenant, regie_client, stuur_client, media):
    response = edit(regie_client, convenant, upload("Convenant getekend 2016.pdf", samples.PDF))
    assert response.status_code == 302

    convenant.refresh_from_db()
    assert re.fullmatch(r"convenanten/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", convenant.scan.name)
    assert convenant.scan_bestandsnaam == "Convenant getekend 2016.pdf"
    assert stored_files(media) == [Path(convenant.scan.path)]

    url = reverse("convenant:convenant-scan", args=[convenant.pk])
    assert url == f"/convenanten/{convenant.pk}/scan/"
    page = stuur_client.get(convenant.get_absolute_url()).content.decode()
    assert f'href="{url}"' in page and "Convenant getekend 2016.pdf" in page

    for client in (regie_client, stuur_client):
        download = client.get(url)
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == samples.PDF
        assert download["Content-Type"] == "application/pdf"
        assert download["Content-Disposition"] == (
            'attachment; filename="Convenant getekend 2016.pdf"'
        )
        assert download["X-Content-Type-Options"] == "nosniff"


def test_an_image_scan_is_served_as_an_image(convenant, regie_client):
    assert (
        edit(regie_client, convenant, upload("handtekening.JPG", samples.JPEG)).status_code == 302
    )
    download = regie_client.get(reverse("convenant:convenant-scan", args=[convenant.pk]))
    assert download["Content-Type"] == "image/jpeg"
    assert b"".join(download.streaming_content) == samples.JPEG


@pytest.mark.parametrize(
    "name, content",
    [
        ("getekend.docx", samples.DOCX),  # a document, not a scan
        ("getekend.pdf", samples.HTML),
        ("getekend.pdf", samples.PNG),
    ],
)
def test_a_scan_is_only_a_pdf_or_an_image(convenant, regie_client, media, name, content):
    response = edit(regie_client, convenant, upload(name, content))
    assert response.status_code == 200
    assert "Dit type bestand is niet toegestaan" in response.content.decode()
    convenant.refresh_from_db()
    assert not convenant.scan
    assert stored_files(media) == []


def test_too_big_scan_is_refused(convenant, regie_client, media, settings):
    settings.MAX_UPLOAD_MB = 1
    response = edit(regie_client, convenant, upload("groot.pdf", samples.PDF.ljust(2**20 + 1)))
    assert "Het bestand is groter dan 1 MB." in response.content.decode()
    assert stored_files(media) == []


def test_scan_download_needs_login_and_the_right_to_read(convenant, regie_client, client):
    edit(regie_client, convenant, upload("getekend.pdf", samples.PDF))
    url = reverse("convenant:convenant-scan", args=[convenant.pk])

    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))

    nobody = get_user_model().objects.create_user("zonder-rol", password="geheim-123!")
    client.force_login(nobody)
    assert client.get(url).status_code in (403, 404)


def test_no_scan_is_404_and_a_new_version_starts_without_one(convenant, regie_client):
    url = reverse("convenant:convenant-scan", args=[convenant.pk])
    assert regie_client.get(url).status_code == 404
    assert "Getekende scan" in regie_client.get(convenant.get_absolute_url()).content.decode()

    edit(regie_client, convenant, upload("getekend.pdf", samples.PDF))
    nieuw = Convenant.objects.get(pk=convenant.pk).create_new_version()
    assert not nieuw.scan
    assert regie_client.get(reverse("convenant:convenant-scan", args=[nieuw.pk])).status_code == 404


def test_admin_offers_the_scan_through_the_protected_view(convenant, regie_client, beheer_user):
    edit(regie_client, convenant, upload("getekend.pdf", samples.PDF))
    from django.test import Client

    admin = Client()
    admin.force_login(beheer_user)
    page = admin.get(reverse("admin:convenant_convenant_change", args=[convenant.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="scan"' in html
    assert f'href="/convenanten/{convenant.pk}/scan/"' in html
    assert "getekend.pdf" in html  # the original name, read-only
