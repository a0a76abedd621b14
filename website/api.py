"""The project's own JSON API: one NinjaAPI that mounts each app's router.

Apps expose ``api.router``; the project decides where it lives so no app knows another.
"""

from django.utils.module_loading import import_string
from ninja import NinjaAPI

api = NinjaAPI(
    title="Chamber website API",
    version="1.0",
    urls_namespace="website-api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

# (mount prefix, router path) in dependency order.
ROUTERS = [
    ("privacy/", "privacy.api.router"),
    ("privacy/", "privacy.api_cookies.router"),
    ("forms/", "forms.api.router"),
]

for prefix, dotted in ROUTERS:
    api.add_router(prefix, import_string(dotted))
