"""Pages a registrant's e-mail links to, under each language prefix."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("<str:token>/cancel/", views.registration_cancel, name="registration_cancel"),
    path("<str:token>/", views.registration_choices, name="registration_choices"),
]
