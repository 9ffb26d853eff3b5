"""Development tools: never installed on a production installation.

``regiekamer/settings.py`` installs this app only with DEBUG on, in the test suite, or when
``ONTWIKKELING=1`` asks for it (``tests/bench/run`` does, for ``genereer_schaal`` only).
"""
