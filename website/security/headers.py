"""Response headers Django does not set itself."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def permissions_policy(features: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self"]}`` -> ``camera=(), fullscreen=(self)``."""
    parts = []
    for feature, allowed in features.items():
        origins = " ".join(
            origin if origin in {"self", "*"} else f'"{origin}"' for origin in allowed
        )
        parts.append(f"{feature}=({origins})")
    return ", ".join(parts)


class PermissionsPolicyMiddleware:
    """Send ``PERMISSIONS_POLICY`` on every response: the browser features the site refuses.

    An empty list refuses the feature to the page and to every frame in it, so a script
    that gets in anyway still cannot reach the camera, microphone or location.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(getattr(settings, "PERMISSIONS_POLICY", {}) or {})

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
