from django.urls import path

from . import views, views_raden

app_name = "begroting"

urlpatterns = [
    path("", views.OverzichtView.as_view(), name="overzicht"),
    path("nieuw/", views.CyclusCreateView.as_view(), name="cyclus-create"),
    path("kalender.ics", views.IcsView.as_view(), name="ics"),
    path("<int:jaar>/", views.CyclusView.as_view(), name="cyclus"),
    path("<int:jaar>/bewerken/", views.CyclusUpdateView.as_view(), name="cyclus-bewerken"),
    path("<int:jaar>/verwijderen/", views.CyclusDeleteView.as_view(), name="cyclus-verwijderen"),
    # The zienswijzen and the uitvoeringsplan (begroting/views_raden.py).
    path("<int:jaar>/zienswijzen/", views_raden.ZienswijzenView.as_view(), name="zienswijzen"),
    path(
        "<int:jaar>/uitvoeringsplan/",
        views_raden.UitvoeringsplanView.as_view(),
        name="uitvoeringsplan",
    ),
]
