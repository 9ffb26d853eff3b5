"""django-otp's own admin pages (authenticator apps and recovery codes of every user, in
English) are taken out of the shared admin: a user sets up their own second factor on their
account page, and the beheerder resets someone's in gebruikersbeheer ("Tweestapsverificatie
resetten"), logged on regiekamer.security."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
