from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The chamber's ordinary pages: home, content pages and site-wide settings."""

    name = "home"
