from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


def ensure_groups_after_the_last_app(sender, **kwargs):
    """``migrate`` and ``flush`` send post_migrate once per app with models; the groups need the
    permissions of every app, which exist once the last such app's signal is under way (Django's
    own receivers, connected before this one, make them first). Once, not once per app."""
    from .roles import ensure_groups

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is with_models[-1]:
        ensure_groups()


def create_cache_table(sender, using="default", **kwargs):
    """The database cache's table (settings.CACHES), made with the others by ``migrate``: the
    embedded default needs no set-up step. Once, after the kernel's own migrations."""
    from django.core.management import call_command

    if sender.name == "regiekamer":
        call_command("createcachetable", database=using, verbosity=0)


class RegiekamerConfig(AppConfig):
    name = "regiekamer"
    verbose_name = "Regiekamer"

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from simple_history.signals import pre_create_historical_record

        from . import checks, dataversie, security  # noqa: F401 (checks registers itself)
        from .history import one_moment_per_request

        post_migrate.connect(
            ensure_groups_after_the_last_app, dispatch_uid="regiekamer_ensure_groups"
        )
        post_migrate.connect(create_cache_table, dispatch_uid="regiekamer_cache_table")
        # Every write moves its samenwerkingsverband's data version (regiekamer/dataversie.py).
        dataversie.connect()
        user_logged_in.connect(security.on_login, dispatch_uid="regiekamer_log_login")
        user_login_failed.connect(security.on_login_failed, dispatch_uid="regiekamer_log_failed")
        user_locked_out.connect(security.on_locked_out, dispatch_uid="regiekamer_log_lockout")
        pre_create_historical_record.connect(
            one_moment_per_request, dispatch_uid="regiekamer_one_moment_per_request"
        )


class RegiekamerAdminConfig(admin_apps.AdminConfig):
    """Django's admin with Regiekamer's site (``admin.RegiekamerAdminSite``) as ``admin.site``."""

    default = False
    default_site = "regiekamer.admin.RegiekamerAdminSite"
