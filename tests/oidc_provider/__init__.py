"""A real OpenID Connect provider for the tests (django-oidc-provider), in a process of its own.

A small Django project with its own settings and a temporary SQLite database, not Regiekamer's:
it plays the gemeente's identity provider. tests/oidc.py starts it (``manage.py``-less: ``python
-m django idp ...`` with ``DJANGO_SETTINGS_MODULE=tests.oidc_provider.settings``).
"""
