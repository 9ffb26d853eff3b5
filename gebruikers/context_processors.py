from regiekamer import access

from . import tweestaps
from .rules import may_manage_users


def gebruikersbeheer(request):
    """For the header: whether it shows "Gebruikers" (gebruikersbeheer,
    ``rules.may_manage_users``), and whether the session is still half (password given, second
    factor not yet): then it shows no menu, whose every link would lead back to the code; and
    whether the user has no place yet."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"beheert_gebruikers": False, "half_ingelogd": False, "zonder_plek": False}
    half = tweestaps.needs_verification(request)
    return {
        "beheert_gebruikers": not half and may_manage_users(user),
        "half_ingelogd": half,
        # No samenwerkingsverband and no gemeente yet: every page says so (an empty list
        # would look like a fault) and links to whom to ask.
        "zonder_plek": not half and access.visible_sv_ids(user) == frozenset(),
    }
