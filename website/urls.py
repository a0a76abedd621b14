from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .api import api
from .api_v2 import api_not_found, api_router
from .sitemaps import TranslatedSitemap

handler500 = "website.views.server_error"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/", api.urls),
    # Whatever the APIs above do not answer is a JSON 404, not a page of the site.
    re_path(r"^api/", api_not_found),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages last: everything not matched above is a Wagtail page under /nl/, /fr/ or /en/. Privacy's
# own pages (cookie settings, sign-up, preference centre, requests) sit under my-privacy/ first,
# careers' (withdraw, renew) under my-applications/, a registrant's links under my-registration/
# and a speaker's under speaker-list/, so no top-level page may use those slugs.
urlpatterns += i18n_patterns(
    path("my-privacy/", include("privacy.urls")),
    path("my-applications/", include("careers.urls")),
    path("my-registration/", include("events.urls")),
    path("speaker-list/", include("events.urls_speakers")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
