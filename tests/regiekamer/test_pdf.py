"""The shared PDF path: WeasyPrint may read the app's own static files and nothing else."""

import pytest

from regiekamer.pdf import StaticFilesOnly


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
