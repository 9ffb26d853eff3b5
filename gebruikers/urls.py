from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import oidc

app_name = "gebruikers"

urlpatterns: list = []

# -- Single sign-on (gebruikers/oidc.py): 404 while OIDC is off --
urlpatterns += [
    path("inloggen/sso/", login_not_required(oidc.SsoStart.as_view()), name="oidc-start"),
    path(
        "inloggen/sso/terug/",
        login_not_required(oidc.SsoCallback.as_view()),
        name="oidc-callback",
    ),
]
