"""The cookie settings page and the banner's form target, under each language prefix."""

from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("cookies/", views.cookie_settings, name="cookie_settings"),
    path("cookies/consent/", views.cookie_consent, name="cookie_consent"),
]
