from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import oidc, tweestaps_views, views, wachtwoord

app_name = "gebruikers"

# -- Accounts (helper A): gebruikersbeheer, invitations, "wachtwoord vergeten", after sign-in --
urlpatterns: list = [
    path("start/", views.start, name="start"),
    path("geen-toegang/", views.GeenToegangView.as_view(), name="geen-toegang"),
    path("gebruikers/", views.GebruikerListView.as_view(), name="gebruiker-list"),
    path("gebruikers/uitnodigen/", views.UitnodigenView.as_view(), name="uitnodigen"),
    path("gebruikers/<int:pk>/", views.GebruikerDetailView.as_view(), name="gebruiker-detail"),
    path(
        "gebruikers/<int:pk>/bewerken/",
        views.GebruikerUpdateView.as_view(),
        name="gebruiker-update",
    ),
    path(
        "gebruikers/<int:pk>/deactiveren/",
        views.DeactiverenView.as_view(),
        name="gebruiker-deactiveren",
    ),
    path(
        "gebruikers/<int:pk>/activeren/", views.ActiverenView.as_view(), name="gebruiker-activeren"
    ),
    path(
        "gebruikers/<int:pk>/blokkade-opheffen/",
        views.BlokkadeOpheffenView.as_view(),
        name="gebruiker-blokkade-opheffen",
    ),
    path(
        "gebruikers/<int:pk>/tweestaps-resetten/",
        views.TweestapsResetView.as_view(),
        name="gebruiker-tweestaps-resetten",
    ),
    path(
        "gebruikers/<int:pk>/uitnodiging-opnieuw/",
        views.UitnodigingOpnieuwView.as_view(),
        name="gebruiker-uitnodiging-opnieuw",
    ),
    # Anonymous: the links of the mails, and asking for one.
    path(
        "uitnodiging/<uidb64>/<token>/",
        login_not_required(views.UitnodigingView.as_view()),
        name="uitnodiging",
    ),
    path(
        "wachtwoord-vergeten/",
        login_not_required(wachtwoord.WachtwoordVergetenView.as_view()),
        name="wachtwoord-vergeten",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        login_not_required(wachtwoord.WachtwoordVerstuurdView.as_view()),
        name="wachtwoord-vergeten-verstuurd",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        login_not_required(wachtwoord.WachtwoordHerstellenView.as_view()),
        name="wachtwoord-herstellen",
    ),
]

# -- Two-factor sign-in (gebruikers/tweestaps.py): the account page, set-up, the code after the
# password, recovery codes and switching off --
urlpatterns += [
    path("account/tweestaps/", tweestaps_views.AccountView.as_view(), name="tweestaps"),
    path(
        "account/tweestaps/instellen/",
        tweestaps_views.InstellenView.as_view(),
        name="tweestaps-instellen",
    ),
    path("account/tweestaps/code/", tweestaps_views.CodeView.as_view(), name="tweestaps-code"),
    path(
        "account/tweestaps/herstelcodes/",
        tweestaps_views.HerstelcodesView.as_view(),
        name="tweestaps-herstelcodes",
    ),
    path(
        "account/tweestaps/uitschakelen/",
        tweestaps_views.UitschakelenView.as_view(),
        name="tweestaps-uitschakelen",
    ),
]

# -- Single sign-on (gebruikers/oidc.py): 404 while OIDC is off --
urlpatterns += [
    path("inloggen/sso/", login_not_required(oidc.SsoStart.as_view()), name="oidc-start"),
    path(
        "inloggen/sso/terug/",
        login_not_required(oidc.SsoCallback.as_view()),
        name="oidc-callback",
    ),
]
