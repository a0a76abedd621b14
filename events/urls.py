"""Pages a registrant's e-mail links to, under each language prefix."""

from django.urls import path

from .views import links, participants

app_name = "events"

urlpatterns = [
    path("<str:token>/cancel/", links.registration_cancel, name="registration_cancel"),
    path(
        "<str:token>/participants/",
        participants.registration_participants,
        name="registration_participants",
    ),
    path("<str:token>/", links.registration_choices, name="registration_choices"),
]
