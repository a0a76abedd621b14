"""In chromium: a subscriber withdraws the newsletter from the preference centre."""

import pytest

from privacy.models import ConsentRecord, ConsentSource, RetentionStart
from privacy.services import consent_record
from privacy.services.preferences import preference_centre_url
from tests.privacy.factories import PurposeFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_preference_centre_withdraws_the_newsletter(live_server, browser, home_page):
    purposes = {
        key: PurposeFactory(key=key, retention_period=0, retention_from=RetentionStart.WITHDRAWAL)
        for key in ("newsletter", "event-invitations", "publications-surveys")
    }
    for key in ("newsletter", "event-invitations"):
        consent_record(
            purpose=purposes[key],
            granted=True,
            locale="nl",
            source=ConsentSource.FORM,
            email="jan@example.org",
        )
    link = preference_centre_url("jan@example.org", "nl")
    path = "/" + link.split("/", 3)[3]

    context = browser.new_context(locale="nl-BE")
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}{path}")
        newsletter = page.locator("input[name=granted][value=newsletter]")
        assert newsletter.is_checked()
        assert page.locator("input[name=granted][value=event-invitations]").is_checked()
        assert not page.locator("input[name=granted][value=publications-surveys]").is_checked()

        newsletter.uncheck()
        page.click("button[name=save]")
        page.wait_for_selector("[role=status]")

        assert not page.locator("input[name=granted][value=newsletter]").is_checked()
        assert page.locator("input[name=granted][value=event-invitations]").is_checked()
    finally:
        context.close()

    grant = ConsentRecord.objects.get(purpose_key="newsletter", granted=True)
    assert grant.withdrawn_at is not None
    withdrawal = ConsentRecord.objects.get(purpose_key="newsletter", granted=False)
    assert withdrawal.source == ConsentSource.PREFERENCE_CENTRE
    assert withdrawal.subject_email == "jan@example.org"
    invitations = ConsentRecord.objects.get(purpose_key="event-invitations")
    assert invitations.withdrawn_at is None
