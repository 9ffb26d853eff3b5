from django.urls import path

from . import views, views_route

app_name = "governance"

urlpatterns = [
    path("", views.GremiumListView.as_view(), name="gremium-list"),
    path("organogram/", views.OrganogramView.as_view(), name="organogram"),
    path("gremia/<int:pk>/", views.GremiumDetailView.as_view(), name="gremium-detail"),
    path("gremia/<int:pk>/bewerken/", views.GremiumUpdateView.as_view(), name="gremium-update"),
    path("gremia/<int:pk>/reeks/", views.GremiumSeriesView.as_view(), name="gremium-series"),
    path("vergaderingen/", views.VergaderingListView.as_view(), name="vergadering-list"),
    path("vergaderingen/nieuw/", views.VergaderingCreateView.as_view(), name="vergadering-create"),
    path(
        "vergaderingen/<int:pk>/", views.VergaderingDetailView.as_view(), name="vergadering-detail"
    ),
    path(
        "vergaderingen/<int:pk>/bewerken/",
        views.VergaderingUpdateView.as_view(),
        name="vergadering-update",
    ),
    path(
        "vergaderingen/<int:pk>/uitnodiging/",
        views.UitnodigingVersturenView.as_view(),
        name="uitnodiging-versturen",
    ),
    path(
        "vergaderingen/<int:pk>/uitnodiging.pdf",
        views.UitnodigingPdfView.as_view(),
        name="uitnodiging-pdf",
    ),
    path(
        "vergaderingen/<int:pk>/besluitenlijst.pdf",
        views.BesluitenVergaderingPdfView.as_view(),
        name="vergadering-besluitenlijst",
    ),
    path(
        "vergaderingen/<int:pk>/annuleren/",
        views.VergaderingAnnulerenView.as_view(),
        name="vergadering-annuleren",
    ),
    path(
        "vergaderingen/<int:vergadering_pk>/stukken/nieuw/",
        views.StukCreateView.as_view(),
        name="stuk-create",
    ),
    path("stukken/<int:pk>/", views.StukDownloadView.as_view(), name="stuk-download"),
    path("personen/<int:pk>/bewerken/", views.PersoonUpdateView.as_view(), name="persoon-update"),
    path("besluiten/", views.BesluitListView.as_view(), name="besluit-list"),
    path("besluiten/nieuw/", views.BesluitCreateView.as_view(), name="besluit-create"),
    path("acties/", views.ActiepuntListView.as_view(), name="actiepunt-list"),
    path("acties/nieuw/", views.ActiepuntCreateView.as_view(), name="actiepunt-create"),
    path("acties/<int:pk>/gereed/", views.ActiepuntDoneView.as_view(), name="actiepunt-done"),
    path("acties/<int:pk>/bewerken/", views.ActiepuntUpdateView.as_view(), name="actiepunt-update"),
    path(
        "acties/<int:pk>/verwijderen/",
        views.ActiepuntDeleteView.as_view(),
        name="actiepunt-delete",
    ),
    path("knelpunten/", views.KnelpuntListView.as_view(), name="knelpunt-list"),
    path("knelpunten/nieuw/", views.KnelpuntCreateView.as_view(), name="knelpunt-create"),
    path(
        "knelpunten/<int:pk>/bewerken/", views.KnelpuntUpdateView.as_view(), name="knelpunt-update"
    ),
]

# Issue 21: voorstellen through the colleges and councils of every gemeente; process plannings.
urlpatterns += [
    path("voorstellen/", views_route.VoorstelListView.as_view(), name="voorstel-list"),
    path("voorstellen/nieuw/", views_route.VoorstelCreateView.as_view(), name="voorstel-create"),
    path("voorstellen/<int:pk>/", views_route.VoorstelDetailView.as_view(), name="voorstel-detail"),
    path(
        "voorstellen/<int:pk>/bewerken/",
        views_route.VoorstelUpdateView.as_view(),
        name="voorstel-update",
    ),
    path(
        "voorstellen/<int:pk>/route/",
        views_route.VoorstelRouteView.as_view(),
        name="voorstel-route",
    ),
    path(
        "voorstellen/<int:pk>/verwijderen/",
        views_route.VoorstelDeleteView.as_view(),
        name="voorstel-delete",
    ),
    path(
        "procesplanningen/",
        views_route.ProcesplanningListView.as_view(),
        name="procesplanning-list",
    ),
    path(
        "procesplanningen/nieuw/",
        views_route.ProcesplanningCreateView.as_view(),
        name="procesplanning-create",
    ),
    path(
        "procesplanningen/<int:pk>/",
        views_route.ProcesplanningDetailView.as_view(),
        name="procesplanning-detail",
    ),
    path(
        "procesplanningen/<int:pk>/bewerken/",
        views_route.ProcesplanningUpdateView.as_view(),
        name="procesplanning-update",
    ),
    path(
        "procesplanningen/<int:pk>/verwijderen/",
        views_route.ProcesplanningDeleteView.as_view(),
        name="procesplanning-delete",
    ),
]
