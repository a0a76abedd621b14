"""Wagtail's API v2: pages, images and documents as JSON for headless front ends.

The pages endpoint adds ``translations`` (ids) and ``translation_paths`` (addresses) meta
fields so a front end can build its language switcher from the detail JSON alone (listings
give them through ``?fields=translations``, read in one query for the whole listing), and loads each page's locale with the page so listing
pages of any size costs the same number of queries. Every endpoint cleans ``?search=`` first,
so a stray quote gets search results instead of a database error.
"""

from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_from_path
from django.views.decorators.csrf import csrf_exempt
from rest_framework.fields import Field
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.contrib.redirects.api.v2 import RedirectsAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, Site
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from home.images import ResponsiveImageField


class SearchQueryCleaningMixin:
    """Hand the search backend only queries it can run.

    The API passes ``?search=`` to the backend as plain words, yet the database backend
    writes them into an SQLite FTS5 expression as they are: a double quote there opens a
    phrase that never ends ("unterminated string"), and a query of spaces alone builds no
    expression at all; both were server errors. Quotes are not part of any word the index
    holds, so they become spaces; a query left without words searches for nothing, as
    ``?search=`` already does.
    """

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "search" in request.GET:
            params = request._request.GET.copy()
            params["search"] = search_query_clean(params["search"])
            params._mutable = False
            request._request.GET = params


class RelativeFindMixin:
    """``find`` redirects to the detail on the host the client asked for.

    Wagtail builds the address from ``WAGTAILAPI_BASE_URL``; a front-end that reaches the
    API under another name (``localhost`` in development, a CDN's host) would be sent to a
    host it may not call. A path alone keeps it where it is.
    """

    def find_view(self, request):
        response = super().find_view(request)
        location = urlsplit(response["Location"])
        response["Location"] = urlunsplit(("", "", location.path, location.query, ""))
        return response


def search_query_clean(query: str) -> str:
    return " ".join(query.replace('"', " ").split())


class PageTranslationsField(Field):
    """``{"nl": 3, "fr": 8, "en": 13}``: ids of the live page in each locale, itself included."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return {code: other.pk for code, other in page_translations(self, page).items()}


class PageTranslationPathsField(PageTranslationsField):
    """``{"nl": "/nl/over-ons/", "fr": "/fr/a-propos/"}``: where each translation is seen.

    The paths ``/api/v2/pages/find/?html_path=`` takes and a language switcher links to.
    """

    def to_representation(self, page):
        request = self.context.get("request")
        paths = {}
        for code, other in page_translations(self, page).items():
            url = other.get_url(request)
            if url:
                paths[code] = url
        return paths


def page_translations(field: Field, page: Page) -> dict[str, Page]:
    view = field.context.get("view")
    if isinstance(view, TranslatedPagesAPIViewSet):
        return view.page_translations(page)
    return translations_by_key([page])[page.translation_key]


def translations_by_key(pages: Iterable[Page]) -> dict:
    """``{translation_key: {"nl": <page>, "fr": <page>}}`` for ``pages``, in one query."""
    found = {page.translation_key: {} for page in pages}
    rows = (
        Page.objects.live()
        .filter(translation_key__in=found)
        .select_related("locale")
        .only("id", "path", "depth", "url_path", "translation_key", "locale__language_code")
        .order_by("translation_key", "locale__language_code")
    )
    for other in rows:
        found[other.translation_key][other.locale.language_code] = other
    return found


class TranslatedPageSerializer(PageSerializer):
    translations = PageTranslationsField(read_only=True)
    translation_paths = PageTranslationPathsField(read_only=True)


class TranslatedPagesAPIViewSet(RelativeFindMixin, SearchQueryCleaningMixin, PagesAPIViewSet):
    base_serializer_class = TranslatedPageSerializer
    # Shown on detail; on listings only through ?fields= (not a listing default field).
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations", "translation_paths"]

    def get_base_queryset(self):
        # Wagtail calls this from get_queryset, the child_of / descendant_of filters and the
        # serializer context, and each call reads the view restrictions again; one read per
        # request is enough (a view instance serves a single request).
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def get_queryset(self):
        # Every listed page serialises its locale; fetch it in the same query.
        return super().get_queryset().select_related("locale")

    def paginate_queryset(self, queryset):
        # Kept so the translations of every listed page are read together (page_translations).
        page = super().paginate_queryset(queryset)
        if page is not None:
            page = self._listed_pages = list(page)
        return page

    def page_translations(self, page: Page) -> dict[str, Page]:
        """The ``translations`` of ``page``, read once for all the pages this view lists."""
        known = self.__dict__.setdefault("_translations", {})
        if page.translation_key not in known:
            listed = getattr(self, "_listed_pages", [])
            unknown = [other for other in listed if other.translation_key not in known]
            known.update(translations_by_key([page, *unknown]))
        return known[page.translation_key]

    def find_object(self, queryset, request):
        """``?html_path=/fr/a-propos/`` finds the page a visitor sees at that address.

        Page URLs start with their language (``i18n_patterns``), which Wagtail's own lookup
        would take for a slug under the default site's root. The prefix chooses the locale's
        home page instead and the rest of the path is routed from there.
        """
        path = request.GET.get("html_path", "")
        language = get_language_from_path(path)
        site = Site.find_for_request(request)
        if not language or site is None:
            return super().find_object(queryset, request)
        components = [component for component in path.split("/") if component][1:]
        locale = Locale.objects.filter(language_code=language).first()
        root = site.root_page.get_translation_or_none(locale) if locale else None
        if root is None:
            return None
        try:
            page, _, _ = root.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(id=page.id).exists() else None


class ResponsiveImageSerializer(ImageSerializer):
    renditions = ResponsiveImageField(source="*")


class CleanSearchImagesAPIViewSet(SearchQueryCleaningMixin, ImagesAPIViewSet):
    """Images with their alt text, a srcset and a fill (``renditions``, on detail)."""

    base_serializer_class = ResponsiveImageSerializer
    body_fields = [*ImagesAPIViewSet.body_fields, "renditions"]


class CleanSearchDocumentsAPIViewSet(SearchQueryCleaningMixin, DocumentsAPIViewSet):
    pass


class PagePreviewAPIViewSet(TranslatedPagesAPIViewSet):
    """``/api/v2/page_preview/?content_type=home.standardpage&token=...``: the draft as JSON.

    Answers 404 for a token that is unknown, altered or older than
    ``HEADLESS_PREVIEW_TOKEN_SECONDS``; never cached.
    """

    known_query_parameters = TranslatedPagesAPIViewSet.known_query_parameters.union(
        {"content_type", "token"}
    )

    def listing_view(self, request):
        return self._draft_response(request)

    def detail_view(self, request, pk):
        return self._draft_response(request)

    def _draft_response(self, request):
        page = self.get_object()
        self.kwargs["pk"] = page.pk
        response = Response(self.get_serializer(page).data)
        add_never_cache_headers(response)
        return response

    def get_object(self):
        params = self.request.GET
        token = params.get("token", "")
        app_label, _sep, model = params.get("content_type", "").partition(".")
        try:
            HeadlessPreviewMixin.get_preview_signer().unsign(
                token, max_age=getattr(settings, "HEADLESS_PREVIEW_TOKEN_SECONDS", 3600)
            )
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
            preview = PagePreview.objects.get(content_type=content_type, token=token)
        except (BadSignature, SignatureExpired, ContentType.DoesNotExist, PagePreview.DoesNotExist):
            raise Http404 from None
        page = preview.as_page()
        if page.pk is None:
            page.pk = 0
        return page


class RelativeFindRedirectsAPIViewSet(RelativeFindMixin, RedirectsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TranslatedPagesAPIViewSet)
api_router.register_endpoint("images", CleanSearchImagesAPIViewSet)
api_router.register_endpoint("documents", CleanSearchDocumentsAPIViewSet)
# The draft an editor previews, for the front-end the preview opened (website.preview).
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
# /api/v2/redirects/find/?html_path=/oud-adres/: where an old address leads now.
api_router.register_endpoint("redirects", RelativeFindRedirectsAPIViewSet)


@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """The JSON 404 for any address under ``/api/`` that no endpoint answers.

    Without it such addresses fall through to the language-prefixed page URLs and a client
    expecting JSON gets the site's HTML error page. The body has the keys the API it is under
    uses: ``message`` like Wagtail's API v2, ``detail`` and ``errors`` like the project's
    API. A missing trailing slash still redirects, as ``APPEND_SLASH`` would without this
    catch-all in the way.
    """
    path = request.path_info
    if settings.APPEND_SLASH and not path.endswith("/"):
        try:
            match = resolve(f"{path}/", getattr(request, "urlconf", None))
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    if path.startswith("/api/v2/"):
        return JsonResponse({"message": "not found"}, status=404)
    return JsonResponse({"detail": "not found", "errors": {"__all__": ["not found"]}}, status=404)
