from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RegiekamerConfig(AppConfig):
    name = "regiekamer"
    verbose_name = "Regiekamer"

    def ready(self):
        from .roles import ensure_groups

        post_migrate.connect(ensure_groups, dispatch_uid="regiekamer_ensure_groups")
