from . import tweestaps
from .rules import may_manage_users


def gebruikersbeheer(request):
    """For the header: whether it shows "Gebruikers" (gebruikersbeheer,
    ``rules.may_manage_users``), and whether the session is still half (password given, second
    factor not yet): then it shows no menu, whose every link would lead back to the code."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"beheert_gebruikers": False, "half_ingelogd": False}
    half = tweestaps.needs_verification(request)
    return {"beheert_gebruikers": not half and may_manage_users(user), "half_ingelogd": half}
