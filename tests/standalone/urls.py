from django.urls import include, path
from ninja import NinjaAPI
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from events.api import router as events_router
from forms.api import router as forms_router
from privacy.api import router as privacy_router
from privacy.api_cookies import router as cookies_router

# Mounted under a namespace of this site's choosing: the plugins find their routes in it.
api = NinjaAPI(urls_namespace="standalone-api")
api.add_router("privacy/", privacy_router)
api.add_router("privacy/", cookies_router)
api.add_router("forms/", forms_router)
api.add_router("events/", events_router)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/", api.urls),
    path("privacy/", include("privacy.urls")),
    path("applications/", include("careers.urls")),
    path("registration/", include("events.urls")),
    path("speakers/", include("events.urls_speakers")),
    path("", include(wagtail_urls)),
]
