"""django-post-office's own admin pages list every e-mail of every samenwerkingsverband, with
no regard for ``access``: they are taken out of the shared admin. The outbox is read per
samenwerkingsverband on its page (``berichten:bericht-list``)."""

from django.contrib import admin
from post_office.models import Attachment, Email, EmailTemplate

for model in (Email, EmailTemplate, Attachment):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
