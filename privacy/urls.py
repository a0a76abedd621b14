"""Pages under each language prefix: the cookie settings, and those privacy e-mails link to."""

from django.urls import path

from .views import cookies, preferences, requests

app_name = "privacy"

urlpatterns = [
    path("newsletter/", preferences.signup, name="signup"),
    path("newsletter/confirm/<str:token>/", preferences.signup_confirm, name="signup_confirm"),
    path("preferences/<str:token>/", preferences.preference_centre, name="preferences"),
    path("requests/confirm/<str:token>/", requests.request_confirm, name="request_confirm"),
    path("requests/answer/<str:token>/", requests.request_answer, name="request_answer"),
    path("cookies/", cookies.cookie_settings, name="cookie_settings"),
    path("cookies/consent/", cookies.cookie_consent, name="cookie_consent"),
]
