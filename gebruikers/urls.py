from django.urls import path  # noqa: F401

from . import tweestaps_views

app_name = "gebruikers"

urlpatterns: list = []

# Two-factor sign-in (gebruikers/tweestaps.py): the account page, set-up, the code after the
# password, recovery codes and switching off.
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
