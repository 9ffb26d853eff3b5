"""Records that are final once sent: a voortgangsrapportage, a raadsinformatiebrief.

``FrozenGuard`` refuses every save and delete that would change a frozen record, in the
browser, the admin and code alike; forms show the same message through ``clean``. Whether a
record is frozen is asked of the database, so a form that changes the status in memory cannot
unfreeze it.
"""

from django.core.exceptions import ValidationError
from django.db import models


class FrozenGuard(models.Model):
    frozen_message = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.is_frozen_in_db():
            raise ValidationError(self.frozen_message)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_frozen_in_db():
            raise ValidationError(self.frozen_message)
        return super().delete(*args, **kwargs)

    def frozen_record(self) -> tuple[type[models.Model], dict, object]:
        """The model whose row decides, the lookup that means 'frozen', and that row's pk."""
        raise NotImplementedError

    def is_frozen_in_db(self) -> bool:
        model, lookup, pk = self.frozen_record()
        return pk is not None and model.objects.filter(pk=pk, **lookup).exists()

    def clean(self):
        if self.is_frozen_in_db():
            raise ValidationError(self.frozen_message)


class FrozenReadOnlyAdmin:
    """An admin (or inline, whose ``obj`` is the parent) that shows a frozen record read-only."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_frozen)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_frozen)
