"""``{% newsletter_signup %}``, ``{% data_request_url as url %}`` and ``{% age_line %}`` for the
footer, blocks and pages that take registrations."""

from django import template
from django.utils import translation

from .. import policy_facts
from ..models import DataRequestPage
from ..public_forms import NewsletterSignupForm
from ..selectors import consent_withdrawal_text, controller_name, privacy_policy_url
from ..services.preferences import topic_purposes

register = template.Library()


@register.inclusion_tag("privacy/includes/newsletter_signup.html")
def newsletter_signup(heading: str = "", text: str = "", form=None, place: str = "footer"):
    """The sign-up form for the active language, unticked. ``place`` keeps field ids unique
    when a page shows the block and the footer at once."""
    if form is None:
        form = NewsletterSignupForm(
            purposes=topic_purposes(locale=translation.get_language()),
            auto_id=f"id_{place}_%s",
        )
    language = translation.get_language()
    return {
        "form": form,
        "heading": heading,
        "text": text,
        "place": place,
        # The sign-up's own notice (GDPR art. 13): who, why, how to withdraw, the policy.
        "controller": controller_name(language),
        "withdrawal": consent_withdrawal_text(language),
        "policy_url": privacy_policy_url(language),
    }


@register.simple_tag
def data_request_url() -> str:
    """The data request page in the active language, or "" when there is none."""
    pages = DataRequestPage.objects.live().filter(locale__language_code=translation.get_language())
    page = pages.first()
    return page.url if page is not None else ""


@register.simple_tag
def age_line() -> str:
    """The policy's line about minors, in the active language: the policy page and the
    pages that take registrations (events, internships) say it in the same words."""
    return str(policy_facts.AGE_LINE)
