"""The pages signed links in e-mails open, for every app: one view, one refusal page.

Holding the link is the proof of who may act. Opening it (GET) shows what its button will
do and changes nothing, so a mail scanner that follows every link confirms, cancels and
deletes nothing; only the button (POST) acts. A link that cannot be used (altered, made for
another page, or naming something that is gone) gets a 400 page, an expired one, or a
one-use link used already, a 410 page; each says why, and nothing changes. Every such page,
refusals included, is kept out of search engines and its address from other sites
(:func:`kept_private`).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from ..links import LinkExpired, LinkInvalid, LinkRestricted, LinkUsed
from ..selectors import privacy_contact_email


def kept_private(response, *, referrer_policy: str = "same-origin"):
    """``response`` kept out of search engines, and its address (a token in it) from other
    sites: ``same-origin`` by default, since with ``no-referrer`` a browser names no origin
    for a button's POST, which the CSRF check refuses; a page without a button may send
    ``no-referrer``."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = referrer_policy
    return response


def link_refused(request, error: Exception, *, what: str = "") -> TemplateResponse:
    """400 for a link that was altered or names nothing any more, 410 for one past its
    lifetime or, for a one-use link, used already, 409 while its person's processing is
    restricted: each explained, with the address to write
    to. ``what`` picks the advice (``signup``, ``preferences``, …)."""
    expired = isinstance(error, LinkExpired)
    used = isinstance(error, LinkUsed)
    restricted = isinstance(error, LinkRestricted)
    if restricted:
        title = _("The processing of your data is restricted")
    elif used:
        title = _("This link has already been used")
    elif expired:
        title = _("This link has expired")
    else:
        title = _("This link is not valid")
    context = {
        "what": what,
        "expired": expired,
        "used": used,
        "restricted": restricted,
        "title": title,
        "privacy_contact": privacy_contact_email(),
    }
    response = TemplateResponse(request, "privacy/link_refused.html", context)
    response.status_code = 409 if restricted else 410 if expired or used else 400
    return response


@method_decorator(never_cache, name="dispatch")
class SignedLinkView(TemplateView):
    """A page opened by a signed link: GET confirms what will happen, POST does it.

    Subclasses say what the token names (:meth:`load`, raising ``LinkInvalid`` or
    ``LinkExpired``) and what the button does (:meth:`act`, on ``self.object``). The answer
    to the button is ``done_template_name`` with what :meth:`act` returns added to the
    context, or the response :meth:`act` returns. A view without a button leaves out
    ``"post"`` from ``http_method_names``. What the button cannot do now (a deadline
    passed, words that changed meanwhile) :meth:`act` raises as one of ``refusals``: the
    page says why, with a 409, and nothing changes.
    """

    http_method_names = ["get", "head", "post"]
    done_template_name = ""
    #: Which advice the refusal page gives.
    refusal = ""
    refusals: tuple[type[Exception], ...] = ()
    #: The ``Referrer-Policy`` of the page (:func:`kept_private`).
    referrer_policy = "same-origin"

    def load(self, token: str):
        raise NotImplementedError

    def act(self) -> dict | HttpResponse | None:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        try:
            self.object = self.load(kwargs["token"])
        except LinkInvalid as error:
            response = link_refused(request, error, what=self.refusal)
        else:
            response = super().dispatch(request, *args, **kwargs)
        return kept_private(response, referrer_policy=self.referrer_policy)

    def post(self, request, *args, **kwargs):
        try:
            result = self.act()
        except LinkInvalid as error:
            # Used up meanwhile (a second click, another tab): still nothing changes.
            return link_refused(request, error, what=self.refusal)
        except self.refusals as refusal:
            return self.refused(refusal)
        if isinstance(result, HttpResponse):
            return result
        context = self.get_context_data(**kwargs, **(result or {}))
        return self.response_class(request, self.done_template_name or self.template_name, context)

    def refused(self, reason) -> HttpResponse:
        """The page again, saying why (``refused``) its button cannot act now: 409."""
        return self.render_to_response(self.get_context_data(refused=str(reason)), status=409)
