from django.urls import path  # noqa: F401

app_name = "begroting"

# The pages are added by begroting/views.py (issue 21).
urlpatterns: list = []
