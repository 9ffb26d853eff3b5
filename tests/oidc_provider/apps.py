from django.apps import AppConfig


class TestIdpConfig(AppConfig):
    name = "tests.oidc_provider"
    # Not "oidc_provider": that is django-oidc-provider's own label.
    label = "testidp"
