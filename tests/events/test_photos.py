"""Photo consent: one wording (the ``event-photos`` purpose's) on the form, the choices page
and the check-in list; the proof names the words shown; the consent is a record of its own,
kept for its period from the event, and can be withdrawn in the preference centre after the
registration is gone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from events.models import PhotoConsent, Registration
from events.services.links import REGISTRATION
from forms.models import FormSubmission
from privacy.models import ConsentRecord
from privacy.periods import Period, period_in_words
from privacy.services import retention_enforce
from privacy.services.preferences import preferences_current, preferences_save
from tests.events.factories import person
from tests.users import make_user

pytestmark = pytest.mark.django_db


def _choices_url(registration) -> str:
    return f"/nl/my-registration/{REGISTRATION.token(registration)}/"


def test_one_wording_on_the_form_the_choices_page_and_the_checkin_list(
    event, register, client, event_purposes, events_group
):
    words = escape(event_purposes["event-photos"].consent_text)
    form = client.get(event.url).content.decode()
    register(event, person(1))
    choices = client.get(_choices_url(Registration.objects.get())).content.decode()
    client.force_login(make_user("organiser", groups=[events_group]))
    with translation.override("nl"):
        checkin = client.get(
            reverse("events_registrations:checkin", args=[event.pk]), HTTP_ACCEPT_LANGUAGE="nl"
        ).content.decode()

    for page in (form, choices, checkin):
        assert words in page
    # The box says how long, in the register's own words, below the wording.
    from privacy.register import retention_in_words

    with translation.override("nl"):
        kept = escape(retention_in_words(event_purposes["event-photos"]))
    assert f"Bewaard: {kept}" in form


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_demo_wording_names_the_act_and_the_channels_and_leaves_the_period_to_the_box(
    language,
):
    from website.demo.privacy import SPECS

    [spec] = [spec for spec in SPECS if spec.key == "event-photos"]
    words = spec.texts[language]["consent_text"]
    with translation.override(language):
        period = period_in_words(Period(spec.retention_period, spec.retention_unit))
    # One wording for a period: the box states it below, from the purpose (see above).
    assert period not in words
    video = {"nl": "filmt", "fr": "filme", "en": "films"}
    social = {"nl": "sociale netwerken", "fr": "réseaux sociaux", "en": "social network"}
    assert video[language] in words
    assert social[language] in words
    assert spec.retention_from == "end"  # counted from the event, as the words say


def test_the_proof_names_the_words_and_revision_the_choices_page_showed(
    event, register, client, event_purposes
):
    register(event, person(1))
    registration = Registration.objects.get()
    purpose = event_purposes["event-photos"]
    shown = purpose.latest_revision_id

    client.post(_choices_url(registration), {"photo_consent": "on", "photo_revision": shown})

    grant = ConsentRecord.objects.get(purpose_key="event-photos", decision="given")
    assert grant.text_shown == purpose.consent_text
    assert grant.purpose_revision_id == shown
    assert PhotoConsent.objects.get().consent == grant


def test_a_consent_given_on_words_no_longer_used_is_refused(
    event, register, client, event_purposes
):
    register(event, person(1))
    registration = Registration.objects.get()
    purpose = event_purposes["event-photos"]
    shown = purpose.latest_revision_id
    purpose.consent_text = "Nieuwe woorden."
    purpose.save()
    purpose.save_revision(log_action=False)

    response = client.post(
        _choices_url(registration), {"photo_consent": "on", "photo_revision": shown}
    )

    assert response.status_code == 409
    assert not ConsentRecord.objects.filter(decision="given").exists()
    assert not PhotoConsent.objects.exists()


def test_the_consent_outlives_the_registration_for_its_period_from_the_event(
    event, register, django_capture_on_commit_callbacks
):
    register(event, person(1, photo_consent="on"))
    record = PhotoConsent.objects.get()
    assert record.retain_until == event.end.replace(year=event.end.year + 3)

    # Months after the event: the registration's period is over, the photo consent's not.
    FormSubmission.objects.update(retain_until=timezone.now() - timedelta(days=1))
    retention_enforce()

    assert not Registration.objects.exists()
    assert PhotoConsent.objects.filter(pk=record.pk).exists()
    shown = preferences_current(email="an1@example.org", locale="nl")
    assert [p.key for p in shown if p.granted] == ["event-photos"]

    with django_capture_on_commit_callbacks(execute=True):
        preferences_save(email="an1@example.org", granted_keys=set(), locale="nl")

    assert not PhotoConsent.objects.exists()
    grant = ConsentRecord.objects.get(purpose_key="event-photos", decision="given")
    assert grant.withdrawn_at is not None


def test_withdrawing_on_the_choices_page_records_the_refusal_with_the_words_shown(
    event, register, client, event_purposes, django_capture_on_commit_callbacks
):
    register(event, person(1, photo_consent="on"))
    registration = Registration.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_choices_url(registration), {})

    refusal = ConsentRecord.objects.filter(purpose_key="event-photos").order_by("-pk").first()
    assert refusal.decision == "refused"
    assert refusal.text_shown == event_purposes["event-photos"].consent_text
    assert not PhotoConsent.objects.exists()
    assert Registration.objects.get().photo_consent is False


def test_the_photo_record_keeps_the_grant_the_form_recorded_also_when_read_from_the_ledger(
    event, register
):
    from forms.selectors import submission_consent

    register(event, person(1, photo_consent="on"))
    register(event, person(2))
    record = PhotoConsent.objects.get()
    given, refused = FormSubmission.objects.order_by("pk")

    # A submission read again carries no hand-over from the form: the ledger answers alike.
    assert submission_consent(submission=given, purpose_key="event-photos") == record.consent
    assert record.consent.source_ref == f"forms.FormSubmission:{given.pk}"
    assert submission_consent(submission=refused, purpose_key="event-photos") is None
