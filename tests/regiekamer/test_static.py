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
