from django.core.management import call_command
from django.test import Client


def test_app_serves_its_own_static_files(tmp_path, settings):
    """WhiteNoise serves the collected CSS, without login and without a separate web server."""
    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", interactive=False, verbosity=0)
    response = Client().get("/static/css/app.css")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"@media print" in body


def test_static_files_carry_the_security_headers(tmp_path, settings):
    """A static file is answered before the view middleware runs; it must carry the same
    headers as a page: no sniffing, no framing, the referrer policy, and HSTS over HTTPS."""
    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", interactive=False, verbosity=0)
    response = Client().get("/static/css/app.css", secure=True)
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
