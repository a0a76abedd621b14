"""The page a speaker's link opens, under each language prefix."""

from django.urls import path

from .views import speakers

app_name = "events_speakers"

urlpatterns = [
    path("<str:token>/", speakers.speaker_list, name="speaker_list"),
]
