"""The benchmark's yardstick: a bare page behind the full middleware stack."""


def test_ping_answers_a_logged_in_user(regie_client):
    response = regie_client.get("/ping/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "Content-Security-Policy" in response  # the whole middleware stack ran


def test_ping_needs_a_login(client):
    response = client.get("/ping/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")
