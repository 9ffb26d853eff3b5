"""Log filters, configured in ``LOGGING`` (settings) before the apps are loaded: this module
imports nothing of Django's models."""

import logging


class OneLine(logging.Filter):
    """Every log line is one line: a control character in a value (a user name typed as
    ``x\nIngelogd: gebruiker=beheer``, a path with ``%0A``) is written escaped (``\\n``), so
    that nobody writes a forged line into the security log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(ord(char) < 32 or 127 <= ord(char) < 160 for char in message):
            record.msg = "".join(
                char.encode("unicode_escape").decode("ascii")
                if ord(char) < 32 or 127 <= ord(char) < 160
                else char
                for char in message
            )
            record.args = None
        return True
