from django.apps import AppConfig


class OntwikkelingConfig(AppConfig):
    name = "ontwikkeling"
    verbose_name = "Ontwikkeling"
