"""A real SMTP server for the tests (aiosmtpd), on a port of its own: a message is tested as
it arrives (envelope, headers, text, attachments), not as Django's memory backend keeps it."""

import logging
import socket
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

# aiosmtpd logs every SMTP command at INFO; a failing test shows enough without them.
logging.getLogger("mail.log").setLevel(logging.WARNING)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """What the server received: each message with its envelope recipients."""

    def __init__(self):
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        message.envelope_to = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in m.envelope_to]


class SmtpServer:
    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()


@pytest.fixture(scope="session")
def _smtp_server():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def use_smtp(settings, port: int) -> None:
    """Send through the SMTP backend to 127.0.0.1:``port`` (the outbox's backend too)."""
    backend = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_BACKEND = backend
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.POST_OFFICE = {**settings.POST_OFFICE, "BACKENDS": {"default": backend}}


@pytest.fixture
def smtp(_smtp_server, settings):
    """The tests' SMTP server, empty, and the app sending to it."""
    _smtp_server.inbox.messages.clear()
    use_smtp(settings, _smtp_server.port)
    return _smtp_server


def attachments(message: EmailMessage) -> dict[str, tuple[str, bytes]]:
    """The message's attachments: file name -> (content type, bytes)."""
    return {
        part.get_filename(): (part.get_content_type(), part.get_payload(decode=True))
        for part in message.iter_attachments()
    }


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()
