from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RegiekamerConfig(AppConfig):
    name = "regiekamer"
    verbose_name = "Regiekamer"

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from simple_history.signals import pre_create_historical_record

        from . import checks, security  # noqa: F401 (checks registers itself)
        from .history import one_moment_per_request
        from .roles import ensure_groups

        post_migrate.connect(ensure_groups, dispatch_uid="regiekamer_ensure_groups")
        user_logged_in.connect(security.on_login, dispatch_uid="regiekamer_log_login")
        user_login_failed.connect(security.on_login_failed, dispatch_uid="regiekamer_log_failed")
        user_locked_out.connect(security.on_locked_out, dispatch_uid="regiekamer_log_lockout")
        pre_create_historical_record.connect(
            one_moment_per_request, dispatch_uid="regiekamer_one_moment_per_request"
        )
