from django.urls import include, path
from ninja import NinjaAPI
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from forms.api import router as forms_router
from privacy.api import router as privacy_router

api = NinjaAPI(urls_namespace="standalone-api")
api.add_router("privacy/", privacy_router)
api.add_router("forms/", forms_router)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/", api.urls),
    path("", include(wagtail_urls)),
]
