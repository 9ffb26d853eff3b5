from .roles import BEHEERDER, REGIEGROEP, STUURGROEP


def roles(request):
    """The user's role names, for the header ("ingelogd als ... (regiegroep)")."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_roles": []}
    if not hasattr(request, "_user_roles"):
        names = {g.name for g in user.groups.all()}
        request._user_roles = [r for r in (REGIEGROEP, STUURGROEP, BEHEERDER) if r in names]
    return {"user_roles": request._user_roles}
