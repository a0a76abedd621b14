"""A spontaneous application has no vacancy to close: its retention counts from the
submission, and its notice, the API, the receipt and the register say so in one wording."""

from django.core import mail
from django.utils import translation

from privacy.register import retention_in_words
from tests.careers.factories import EMAIL, SpontaneousApplicationPageFactory
from tests.privacy.mail import html_part


def _words(purpose, *, has_end):
    with translation.override("nl"):
        return retention_in_words(purpose, has_end=has_end)


def _closing(purpose):
    """The sentence a vacancy's application is kept by, without the outcomes after it."""
    with translation.override("nl"):
        from careers.constants import VACANCY_CLOSING
        from privacy.periods import period_in_words

        return str(VACANCY_CLOSING.after) % {"duration": period_in_words(purpose.retention)}


def test_the_spontaneous_page_states_the_submission_as_its_start(client, index, inbox, purposes):
    job, _pool = purposes
    page = SpontaneousApplicationPageFactory(parent=index, inbox=inbox)

    html = client.get(page.url).content.decode()

    assert _words(job, has_end=False) in html
    assert _closing(job) not in html


def test_a_vacancys_page_still_counts_from_its_closing(client, vacancy, purposes):
    job, _pool = purposes

    html = client.get(vacancy.url).content.decode()

    assert _closing(job) in html


def test_the_api_states_the_same_start(client, index, inbox, purposes):
    job, _pool = purposes
    page = SpontaneousApplicationPageFactory(parent=index, inbox=inbox)

    schema = client.get(f"/api/forms/{page.pk}").json()

    [notice] = [p for p in schema["purposes"] if p["key"] == job.key]
    assert notice["retention"] == _words(job, has_end=False)


def test_the_receipt_states_the_same_start(apply, index, inbox, purposes):
    job, _pool = purposes
    page = SpontaneousApplicationPageFactory(parent=index, inbox=inbox)
    mail.outbox.clear()

    apply(page)

    [receipt] = [m for m in mail.outbox if m.to == [EMAIL]]
    assert _words(job, has_end=False) in receipt.body
    assert _words(job, has_end=False) in html_part(receipt)
    assert _closing(job) not in receipt.body


def test_the_receipt_of_a_vacancy_states_its_closing(apply, vacancy, purposes):
    job, _pool = purposes
    mail.outbox.clear()

    apply(vacancy)

    [receipt] = [m for m in mail.outbox if m.to == [EMAIL]]
    assert _words(job, has_end=True) in receipt.body
    assert _words(job, has_end=False) not in receipt.body


def test_the_register_states_both_starts(purposes):
    job, _pool = purposes

    words = _words(job, has_end=None)

    assert words.startswith(_closing(job))
    assert _words(job, has_end=False).split(". ")[0] in words
