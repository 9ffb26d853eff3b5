from django.urls import path

from . import views

app_name = "formatie"

urlpatterns = [
    path("", views.BezettingView.as_view(), name="bezetting"),
    path("rollen/nieuw/", views.RolCreateView.as_view(), name="rol-create"),
    path("rollen/<int:pk>/bewerken/", views.RolUpdateView.as_view(), name="rol-update"),
    path("rollen/<int:pk>/verwijderen/", views.RolDeleteView.as_view(), name="rol-delete"),
    path("fasen/", views.FasenUpdateView.as_view(), name="fasen"),
    path("salarisschalen/", views.SalarisschalenUpdateView.as_view(), name="salarisschalen"),
    path("begrotingsjaar/", views.BegrotingsjaarView.as_view(), name="begrotingsjaar"),
    path("pakketten/", views.PakketListView.as_view(), name="pakket-list"),
    path("pakketten/nieuw/", views.PakketCreateView.as_view(), name="pakket-create"),
    path("pakketten/<int:pk>/bewerken/", views.PakketUpdateView.as_view(), name="pakket-update"),
    path("pakketten/<int:pk>/verwijderen/", views.PakketDeleteView.as_view(), name="pakket-delete"),
    path("werkgroepen/", views.WerkgroepenUpdateView.as_view(), name="werkgroepen"),
]
