"""The shared upload rule (regiekamer/uploads.py): types by content, names, size."""

import re

import pytest
from django.core.exceptions import ValidationError

from regiekamer import uploads
from regiekamer.uploads import (
    DOCUMENT_TYPES,
    SCAN_TYPES,
    UploadRule,
    clean_file_name,
    detect_type,
    random_path,
)
from tests import uploads as samples
from tests.uploads import upload


@pytest.mark.parametrize(
    "name, content, key",
    [
        ("besluit.pdf", samples.PDF, "pdf"),
        ("Notitie.DOCX", samples.DOCX, "docx"),
        ("begroting.xlsx", samples.XLSX, "xlsx"),
        ("presentatie.pptx", samples.PPTX, "pptx"),
        ("verslag.odt", samples.ODT, "odt"),
        ("cijfers.ods", samples.ODS, "ods"),
        ("organogram.png", samples.PNG, "png"),
        ("foto.jpg", samples.JPEG, "jpeg"),
        ("foto.jpeg", samples.JPEG, "jpeg"),
    ],
)
def test_allowed_types_are_recognised_by_content_and_accepted(name, content, key):
    assert detect_type(upload(name, content)).key == key
    UploadRule(DOCUMENT_TYPES)(upload(name, content))  # raises nothing


@pytest.mark.parametrize(
    "name, content",
    [
        ("agenda.pdf", samples.HTML),
        ("agenda.html", samples.HTML),
        ("logo.png", samples.SVG),
        ("logo.svg", samples.SVG),
        ("virus.pdf", samples.EXE),
        ("installatie.exe", samples.EXE),
        ("map.docx", samples.OTHER_ZIP),
        ("macro.docx", samples.DOCM),
        ("macro2.docx", samples.DOCX_WITH_MACROS),
        ("half.docx", samples.TRUNCATED_DOCX),
        ("rommel.docx", samples.GARBAGE_ZIP),
        ("kapot.docx", samples.corrupted_docx()),
        ("leeg.pdf", b""),
    ],
)
def test_other_content_is_refused_in_dutch_without_a_crash(name, content):
    with pytest.raises(ValidationError) as error:
        UploadRule(DOCUMENT_TYPES)(upload(name, content, "application/pdf"))
    assert error.value.messages[0].startswith("Dit type bestand is niet toegestaan:")


@pytest.mark.parametrize(
    "name, content",
    [("notitie.pdf", samples.DOCX), ("scan.png", samples.PDF), ("tabel.docx", samples.XLSX)],
)
def test_the_extension_must_match_the_content(name, content):
    with pytest.raises(ValidationError) as error:
        UploadRule(DOCUMENT_TYPES)(upload(name, content))
    assert "Dit type bestand is niet toegestaan" in error.value.messages[0]
    assert "de naam eindigt niet op" in error.value.messages[0]


def test_a_scan_is_only_pdf_or_an_image():
    UploadRule(SCAN_TYPES)(upload("getekend.pdf", samples.PDF))
    UploadRule(SCAN_TYPES)(upload("getekend.jpg", samples.JPEG))
    with pytest.raises(ValidationError, match="Toegestaan is PDF, PNG-afbeelding of JPEG"):
        UploadRule(SCAN_TYPES)(upload("getekend.docx", samples.DOCX))


def test_the_size_limit_follows_the_setting(settings):
    settings.MAX_UPLOAD_MB = 1
    assert uploads.max_upload_bytes() == 1024 * 1024
    UploadRule()(upload("precies.pdf", samples.PDF.ljust(1024 * 1024, b" ")))
    with pytest.raises(ValidationError) as error:
        UploadRule()(upload("groot.pdf", samples.PDF.ljust(1024 * 1024 + 1, b" ")))
    assert error.value.messages == ["Het bestand is groter dan 1 MB."]


def test_default_limit_is_20_mb():
    assert uploads.max_upload_bytes() == 20 * 1024 * 1024


def test_the_rule_leaves_the_file_readable_from_the_start():
    file = upload("notitie.docx", samples.DOCX)
    UploadRule()(file)
    assert file.read() == samples.DOCX


@pytest.mark.parametrize(
    "name, extension, expected",
    [
        ("Opzet evaluatie.pdf", ".pdf", "Opzet evaluatie.pdf"),
        ("../../etc/passwd.pdf", ".pdf", "passwd.pdf"),
        ("C:\\Users\\jan\\Begroting 2026.XLSX", ".xlsx", "Begroting 2026.xlsx"),
        ('notitie"\r\nX-Evil: 1.pdf', ".pdf", "notitie X-Evil 1.pdf"),
        ("...", ".pdf", "bestand.pdf"),
        ("rapport.html", ".pdf", "rapport.html.pdf"),
        ("Overzicht wethouders ünïcode.odt", ".odt", "Overzicht wethouders ünïcode.odt"),
    ],
)
def test_download_names_are_cleaned(name, extension, expected):
    assert clean_file_name(name, extension) == expected


def test_stored_names_are_random_and_keep_only_an_allowed_extension():
    first, second = random_path("stukken", "../../x.pdf"), random_path("stukken", "../../x.pdf")
    assert re.fullmatch(r"stukken/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", first)
    assert first != second
    assert random_path("convenanten", "scan.JPG").endswith(".jpg")
    assert random_path("stukken", "pagina.html").endswith(".bin")


def test_uploads_may_not_land_in_the_static_files():
    from tests.regiekamer.test_settings import PRODUCTION_ENV, ROOT, manage

    for static in (ROOT / "static" / "uploads", ROOT / "staticfiles"):
        result = manage("check", env=PRODUCTION_ENV | {"MEDIA_ROOT": str(static)})
        assert result.returncode != 0
        assert "MEDIA_ROOT mag niet in de statische bestanden liggen" in result.stderr
    assert manage("check", env=PRODUCTION_ENV | {"MEDIA_ROOT": "/srv/media"}).returncode == 0
