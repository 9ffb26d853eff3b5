from .rules import may_manage_users


def gebruikersbeheer(request):
    """Whether the header shows "Gebruikers" (gebruikersbeheer, ``rules.may_manage_users``)."""
    user = getattr(request, "user", None)
    return {"beheert_gebruikers": user is not None and may_manage_users(user)}
