from django.db import models
from django.db.models import OuterRef, Subquery


class GemeenteQuerySet(models.QuerySet):
    def with_latest_inwonertal(self):
        """Annotate each gemeente with its latest inwonertal and peildatum (None if unknown)."""
        from .models import Inwonertal

        latest = Inwonertal.objects.filter(gemeente=OuterRef("pk")).order_by("-peildatum")
        return self.annotate(
            laatste_inwonertal=Subquery(latest.values("aantal")[:1]),
            laatste_peildatum=Subquery(latest.values("peildatum")[:1]),
        )
