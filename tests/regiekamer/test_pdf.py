"""The shared PDF path: WeasyPrint may read the app's own static files and nothing else."""

import pytest

from regiekamer.pdf_fetcher import StaticFilesOnly


def test_the_report_stylesheet_is_served():
    response = StaticFilesOnly().fetch("file:///static/css/rapport.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///static/../../etc/passwd",
        "file:///static/%2e%2e/%2e%2e/etc/passwd",
        "file://server/static/css/rapport.css",
        "http://example.org/static/css/rapport.css",
        "https://127.0.0.1:8000/admin/",
        "data:text/plain,geheim",
    ],
)
def test_every_other_url_is_refused(url):
    with pytest.raises(ValueError):
        StaticFilesOnly().fetch(url)


def test_production_reports_read_the_collected_stylesheet(settings, tmp_path, caplog):
    """In production ``{% static %}`` names the hashed, collected file; the report reads it."""
    from django.core.management import call_command
    from django.templatetags.static import static

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    url = static("css/rapport.css")
    assert url != "/static/css/rapport.css"  # hashed, as in production

    response = StaticFilesOnly().fetch("file://" + url)
    assert b"@page" in response.read()

    from regiekamer.pdf import render_pdf

    with caplog.at_level("ERROR", logger="weasyprint"):
        render_pdf("rapporten/base.html", {"titel": "Proef"})
    assert not [r for r in caplog.records if r.name == "weasyprint"], caplog.text


# PDF/UA-1 (every kind of report is a tagged, accessible document) is checked on the same
# rendering as the layout, in test_pdf_overlap.py (tests.pdfs.assert_tagged_pdf_ua).
