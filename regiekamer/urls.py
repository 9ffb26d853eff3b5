from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from regiekamer.dashboard import DashboardView

admin.site.site_header = "Regiekamer beheer"
admin.site.site_title = "Regiekamer"
admin.site.index_title = "Beheer"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="convenant:samenwerkingsverband-list"), name="home"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("convenant.urls")),
    path(
        "samenwerkingsverbanden/<str:afkorting>/dashboard/",
        DashboardView.as_view(),
        name="dashboard",
    ),
    path("samenwerkingsverbanden/<str:afkorting>/formatie/", include("formatie.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/kosten/", include("kosten.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/governance/", include("governance.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/programma/", include("programma.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/brieven/", include("convenant.brieven_urls")),
]
