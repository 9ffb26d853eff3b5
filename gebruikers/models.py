"""The accounts' history: every change of a user (names, e-mail, active, staff) is kept, as the
other rows of Regiekamer are; the password hash and the last login are not (a secret, and a
line at every login). Roles are groups; places are ``partijen.Toegang`` (versioned itself)."""

from django.contrib.auth import get_user_model
from simple_history import register

User = get_user_model()

if not hasattr(User, "history"):
    register(User, app="gebruikers", excluded_fields=["password", "last_login"])
