"""Admin wiring of the project itself: the second-factor screens and login lockouts."""

from django.urls import include, path
from wagtail import hooks

from website.security.twofactor import urls as two_factor_urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/", include((two_factor_urls.urlpatterns, "two_factor"))),
        path("2fa/", include(two_factor_urls.passkey_urlpatterns)),
    ]
