from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from regiekamer.admin import AutocompleteView, view_on_site
from regiekamer.forms import LoginForm
from regiekamer.views import ping

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="convenant:samenwerkingsverband-list"), name="home"),
    path("inloggen/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    # Changing the password ends every other session of the user (Django's session hash).
    path(
        "wachtwoord/",
        auth_views.PasswordChangeView.as_view(title="Wachtwoord wijzigen"),
        name="password_change",
    ),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(title="Wachtwoord gewijzigd"),
        name="password_change_done",
    ),
    path("ping/", ping, name="ping"),
    # Before the admin's own: "view on site" answers 404 for a row the user may not see.
    path("admin/r/<path:content_type_id>/<path:object_id>/", admin.site.admin_view(view_on_site)),
    path(
        "admin/autocomplete/",
        admin.site.admin_view(AutocompleteView.as_view(admin_site=admin.site)),
    ),
    path("admin/", admin.site.urls),
    # The apps are included by name: the project's URLconf is their only common roof, and the
    # kernel (regiekamer/) imports no app (README, Layout).
    path("", include("gebruikers.urls")),
    path("", include("convenant.urls")),
    path("", include("gemeenten.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/dashboard/", include("dashboard.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/formatie/", include("formatie.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/formatie/", include("werkboek.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/kosten/", include("kosten.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/begroting/", include("begroting.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/governance/", include("governance.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/programma/", include("programma.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/brieven/", include("brieven.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/berichten/", include("berichten.urls")),
    path("samenwerkingsverbanden/<str:afkorting>/", include("scenarios.urls")),
]

# Dutch error pages in the app's layout; a 403 is logged (regiekamer.security).
handler400 = "django.views.defaults.bad_request"
handler403 = "regiekamer.security.permission_denied"
handler404 = "django.views.defaults.page_not_found"
handler500 = "django.views.defaults.server_error"
