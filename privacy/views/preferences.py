"""Newsletter sign-up, its confirmation, and the preference centre."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..public_forms import NewsletterSignupForm
from ..ratelimit import rate_limited
from ..services import preferences as services
from .links import SignedLinkView


# The sign-up form sits in the cached footer, which cannot carry a per-visitor CSRF token.
# Forging a sign-up gains nothing: it only sends the address's owner a link to confirm.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@never_cache
def signup(request):
    """GET is the sign-up form on a page of its own (for links from elsewhere); POST is
    where the footer and page blocks send it."""
    locale = translation.get_language()
    purposes = services.topic_purposes(locale=locale)
    if request.method == "GET":
        form = NewsletterSignupForm(purposes=purposes, auto_id="id_page_%s")
        return TemplateResponse(request, "privacy/newsletter_signup_page.html", {"form": form})
    form = NewsletterSignupForm(request.POST, purposes=purposes, auto_id="id_page_%s")
    if rate_limited(request, scope="newsletter"):
        response = TemplateResponse(request, "privacy/rate_limited.html", {"form": form})
        response.status_code = 429
        return response
    if not form.is_valid():
        response = TemplateResponse(request, "privacy/newsletter_signup_page.html", {"form": form})
        response.status_code = 400
        return response
    services.signup_request(
        email=form.cleaned_data["email"], topics=form.cleaned_data["topics"], locale=locale
    )
    return TemplateResponse(request, "privacy/newsletter_check_mailbox.html", {})


class SignupConfirmView(SignedLinkView):
    """What will be confirmed; only the button records it, so a mail scanner that opens
    every link subscribes nobody."""

    template_name = "privacy/newsletter_confirm.html"
    done_template_name = "privacy/newsletter_subscribed.html"
    refusal = "signup"

    def load(self, token):
        return services.signup_pending(token=token)

    def get_context_data(self, **kwargs):
        pending = self.object
        purposes = [
            p for p in services.topic_purposes(locale=pending.locale) if p.key in pending.topics
        ]
        return super().get_context_data(purposes=purposes, email=pending.email, **kwargs)

    def act(self):
        services.signup_confirm(token=self.kwargs["token"])
        pending = self.object
        return {"preferences_url": services.preference_centre_url(pending.email, pending.locale)}


class PreferenceCentreView(SignedLinkView):
    template_name = "privacy/preference_centre.html"
    refusal = "preferences"

    def load(self, token):
        return services.preference_token_load(token=token)

    def get_context_data(self, **kwargs):
        preferences = services.preferences_current(
            email=self.object, locale=translation.get_language()
        )
        return super().get_context_data(
            email=self.object,
            preferences=preferences,
            any_granted=any(p.granted for p in preferences),
            saved=self.request.GET.get("saved") == "1",
            title=_("Your e-mail preferences"),
            **kwargs,
        )

    def act(self):
        email, post, locale = self.object, self.request.POST, translation.get_language()
        if "withdraw_all" in post:
            services.preferences_withdraw_all(email=email, locale=locale)
        else:
            services.preferences_save(
                email=email, granted_keys=set(post.getlist("granted")), locale=locale
            )
        return HttpResponseRedirect(f"{self.request.path}?saved=1")


signup_confirm = SignupConfirmView.as_view()
preference_centre = PreferenceCentreView.as_view()
