"""django-post-office's own admin pages list every e-mail of every samenwerkingsverband, with
no regard for ``access``: they are taken out of the shared admin, the log of attempts too (it
names every recipient and the server's answers). Also for the beheerder: the outbox is read per
samenwerkingsverband on its page (``berichten:bericht-list``), as everyone reads it."""

from django.contrib import admin
from post_office.models import Attachment, Email, EmailTemplate, Log

for model in (Email, EmailTemplate, Attachment, Log):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
