"""Why a message did not go out, in words an official understands (with the server's own
words behind them, for whoever maintains the mail server)."""

from post_office.models import STATUS

REASONS = {
    "ConnectionRefusedError": "de mailserver weigert de verbinding",
    "SMTPConnectError": "de mailserver weigert de verbinding",
    "SMTPServerDisconnected": "de mailserver verbrak de verbinding",
    "TimeoutError": "de mailserver antwoordt niet",
    "timeout": "de mailserver antwoordt niet",
    "gaierror": "de mailserver is onbekend (het adres van de server klopt niet)",
    "SMTPAuthenticationError": "inloggen bij de mailserver is mislukt",
    "SMTPRecipientsRefused": "de mailserver weigert het e-mailadres van de ontvanger",
    "SMTPSenderRefused": "de mailserver weigert het afzenderadres",
    "SMTPDataError": "de mailserver weigert het bericht",
    "SSLError": "de beveiligde verbinding met de mailserver is mislukt",
}

# Failures of the connection itself, not of one message: the next message would fail alike.
SERVER_UNREACHABLE = {
    "ConnectionRefusedError",
    "SMTPConnectError",
    "TimeoutError",
    "timeout",
    "gaierror",
    "SMTPAuthenticationError",
    "SSLError",
}


def reason(exception_type: str, message: str) -> str:
    words = REASONS.get(exception_type, "het versturen is mislukt")
    detail = message.strip()
    return f"{words} ({detail})" if detail else words


def last_failure(email) -> str:
    """Why the last failed attempt to send ``email`` (a post_office ``Email``, its ``logs``
    prefetched) failed; empty when none failed."""
    failed = sorted(
        (log for log in email.logs.all() if log.status == STATUS.failed),
        key=lambda log: (log.date, log.pk),
    )
    return reason(failed[-1].exception_type, failed[-1].message) if failed else ""
