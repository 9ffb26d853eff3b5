from . import access
from .roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP


def roles(request):
    """The user's role names, for the header ("ingelogd als ... (regiegroep)"), and whether
    they are the beheerder (the "Beheer" link: the role, not ``is_staff``)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_roles": [], "is_beheerder": False}
    if not hasattr(request, "_user_roles"):
        names = access.groups(user)
        order = (REGIEGROEP, STUURGROEP, GEMEENTE, BEHEERDER)
        request._user_roles = [role for role in order if role in names]
    return {"user_roles": request._user_roles, "is_beheerder": access.is_beheerder(user)}
