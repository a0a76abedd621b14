"""The pages careers e-mails link to: withdraw an application, renew the talent pool.

Privacy's signed-link view: opening the link shows what the button will do, only the button
does it, and a tampered or expired link gets privacy's refusal page and changes nothing.
"""

from __future__ import annotations

from privacy.models import Purpose
from privacy.periods import period_in_words
from privacy.views.links import SignedLinkView

from ..constants import TALENT_POOL_PURPOSE
from ..services import links


class WithdrawView(SignedLinkView):
    template_name = "careers/withdraw_confirm.html"
    done_template_name = "careers/withdrawn.html"

    def load(self, token):
        application = links.application_for_withdraw_token(token=token)
        # Read now: once withdrawn, the application and its submission are gone.
        self.vacancy = application.submission.title_seen
        return application

    def get_context_data(self, **kwargs):
        return super().get_context_data(vacancy=self.vacancy, **kwargs)

    def act(self):
        links.application_withdraw(application=self.object)


class RenewView(SignedLinkView):
    template_name = "careers/renew_confirm.html"
    done_template_name = "careers/renewed.html"

    def load(self, token):
        self.purpose = Purpose.objects.filter(key=TALENT_POOL_PURPOSE).order_by("pk").first()
        return links.application_for_renew_token(token=token)

    def get_context_data(self, **kwargs):
        period = period_in_words(self.purpose.retention) if self.purpose else None
        vacancy = self.object.submission.title_seen
        return super().get_context_data(vacancy=vacancy, period=period, **kwargs)

    def act(self):
        application = links.application_talent_pool_renew_by_token(token=self.kwargs["token"])
        since = application.talent_pool_since
        return {"until": self.purpose.retain_until(since) if self.purpose else None}


withdraw = WithdrawView.as_view()
renew = RenewView.as_view()
