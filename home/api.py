"""What a front-end needs around every page, per language, in one cached answer.

The header, footer and language switcher the server-rendered site shows (``home.selectors``),
as JSON: the main menu, the footer's links, the organisation's name and address, the cookie
settings and privacy links, the newsletter block's topics, and each language's home page.
Kept under the page chrome's cache generation (``home.services``), so publishing a page or
saving the organisation's details retires it at once.
"""

from __future__ import annotations

from enum import Enum

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from wagtail.models import Locale, Page, Site

from privacy.api import TopicOut
from privacy.models import DataRequestPage
from privacy.selectors import privacy_policy_url, purpose_policy_url
from privacy.services.preferences import topic_purposes

from . import conf, selectors, services

router = Router(tags=["site"])

# The site's languages, so the document lists them and any other value is a 400.
Language = Enum("Language", {code: code for code, _name in settings.LANGUAGES}, type=str)


class LinkOut(Schema):
    label: str
    path: str = Field(description="The page's address on the site; /api/v2/pages/find/ takes it.")


class MenuItemOut(LinkOut):
    is_home: bool


class SocialLinkOut(Schema):
    network: str
    label: str
    url: str


class OrganisationOut(Schema):
    name: str
    address: str = Field(description="Postal address, one line per line.")
    contact_email: str
    privacy_email: str
    social_links: list[SocialLinkOut]


class NewsletterBlockOut(Schema):
    heading: str
    topics: list[TopicOut] = Field(
        description="One unticked box each; POST /api/privacy/newsletter."
    )


class FooterOut(Schema):
    links: list[LinkOut]
    data_request: LinkOut | None = Field(description="Where to ask for one's data, if anywhere.")
    privacy_policy: LinkOut | None
    cookie_settings: LinkOut = Field(
        description="Reopens the cookie choice (GET /api/privacy/cookies has its texts)."
    )
    newsletter: NewsletterBlockOut


class LanguageOut(Schema):
    code: str
    name: str = Field(description="The language's name in itself.")
    home_path: str


class SiteOut(Schema):
    locale: str
    organisation: OrganisationOut
    menu: list[MenuItemOut]
    footer: FooterOut
    languages: list[LanguageOut]


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


def _home(request: HttpRequest, code: str) -> Page | None:
    site = Site.find_for_request(request)
    locale = Locale.objects.filter(language_code=code).first()
    if site is None or locale is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def site_data(*, request: HttpRequest, code: str) -> dict:
    """The menu, footer, organisation and languages of ``code``, straight from the database."""
    home = _home(request, code)
    policy = privacy_policy_url(code)
    menu = selectors.menu_items(page=home, request=request) if home else []
    data_request = DataRequestPage.objects.live().filter(locale__language_code=code).first()
    return {
        "locale": code,
        "organisation": selectors.organisation_details(),
        "menu": [{"label": item.title, "path": item.url, "is_home": item.is_home} for item in menu],
        "footer": {
            # As the server-rendered footer: the menu, the policy once beside the cookies.
            "links": [
                {"label": item.title, "path": item.url} for item in menu if item.url != policy
            ],
            "data_request": (
                {"label": _("Your data: access, correction, erasure"), "path": data_request.url}
                if data_request is not None and data_request.url
                else None
            ),
            "privacy_policy": {"label": _("Privacy policy"), "path": policy} if policy else None,
            "cookie_settings": {
                "label": _("Cookie settings"),
                "path": reverse("privacy:cookie_settings"),
            },
            "newsletter": {
                "heading": _("Stay informed"),
                "topics": [
                    {
                        "key": purpose.key,
                        "name": purpose.name,
                        "text": purpose.consent_text,
                        "policy_url": purpose_policy_url(purpose, code) or None,
                    }
                    for purpose in topic_purposes(locale=code)
                ],
            },
        },
        "languages": [
            {"code": link.code, "name": link.name, "home_path": link.url}
            for link in (selectors.language_links(page=home, request=request) if home else [])
        ],
    }


@router.get(
    "/site",
    response={200: SiteOut, 400: ErrorsOut},
    summary="Menu, footer, organisation and languages",
    url_name="site_data",
)
def site_detail(request: HttpRequest, response: HttpResponse, locale: Language | None = None):
    """Everything around a page in one language (``?locale=``, else ``Accept-Language``).

    Cached until a page is published, moved or deleted, or the organisation's details change.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    code = locale.value if locale else translation.get_language()
    if code not in codes:
        code = codes[0]
    site = Site.find_for_request(request)
    key = f"home:site-api:{services.chrome_generation()}:{site.pk if site else 0}:{code}"
    with translation.override(code):
        data = services.chrome_cached(key=key, build=lambda: site_data(request=request, code=code))
    patch_cache_control(response, public=True, max_age=conf.get("CHROME_CACHE_SECONDS", 300))
    return data
