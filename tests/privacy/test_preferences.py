"""Newsletter sign-up (double opt-in) and the preference centre, as a visitor meets them."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from privacy.links import token_hash
from privacy.models import ConsentRecord, ConsentSource, EmailLink, PendingSignup, RetentionStart
from privacy.services import preferences
from privacy.services.preferences import preference_centre_url
from tests.privacy.factories import PurposeFactory
from tests.privacy.links import tampered, token_in, without_csrf_token

pytestmark = pytest.mark.django_db

TOPIC_KEYS = ("newsletter", "event-invitations", "publications", "surveys")


@pytest.fixture
def topics(locales):
    made = {}
    for key in TOPIC_KEYS:
        made[key] = PurposeFactory(
            key=key, retention_period=0, retention_from=RetentionStart.WITHDRAWAL
        )
        for code in ("fr", "en"):
            translated = made[key].copy_for_translation(locales[code])
            translated.name = f"{key} ({code})"
            translated.consent_text = f"Yes to {key} ({code})"
            translated.save()
            translated.save_revision(log_action=False)
    return made


def url(name, locale="en", **kwargs):
    with translation.override(locale):
        return reverse(f"privacy:{name}", kwargs=kwargs or None)


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """Post the sign-up form and run what waits for the commit (the e-mail)."""

    def post(email="ann@example.org", topics=("newsletter",), locale="en", client=client):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url("signup", locale), {"email": email, "topics": list(topics)})

    return post


def link_in(message, path_part):
    return re.search(rf"https?://\S+{path_part}\S+/", message.body).group(0)


def path_of(link):
    return "/" + link.split("/", 3)[3]


def test_sign_up_mails_a_link_in_the_visitors_language_and_records_no_consent(
    client, topics, sign_up
):
    response = sign_up(" Ann@Example.org ", ("newsletter", "event-invitations"), "fr")

    assert response.status_code == 200
    assert "Vérifiez votre boîte aux lettres" in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert message.subject == "Veuillez confirmer votre inscription"
    assert "/fr/my-privacy/newsletter/confirm/" in message.body
    assert "/fr/my-privacy/preferences/" in message.body
    assert message.alternatives[0][1] == "text/html"
    pending = PendingSignup.objects.get()
    assert pending.topics == ["newsletter", "event-invitations"]
    assert pending.locale == "fr"
    assert len(pending.token_hash) == 64 and pending.token_hash not in message.body
    assert not ConsentRecord.objects.exists()


def test_following_the_link_shows_the_topics_and_only_the_button_records_consent(
    client, topics, sign_up
):
    sign_up(topics=("newsletter", "publications"))
    confirm = path_of(link_in(mail.outbox[0], "/newsletter/confirm/"))

    page = client.get(confirm)
    assert page.status_code == 200
    assert "Yes to newsletter (en)" in page.content.decode()
    assert not ConsentRecord.objects.exists()

    done = client.post(confirm)
    assert done.status_code == 200
    assert "Thank you, you are subscribed" in done.content.decode()
    records = ConsentRecord.objects.order_by("purpose_key")
    assert [(r.purpose_key, r.granted, r.source, r.locale) for r in records] == [
        ("newsletter", True, ConsentSource.FORM, "en"),
        ("publications", True, ConsentSource.FORM, "en"),
    ]
    assert records[0].subject_email == "ann@example.org"
    assert records[0].text_shown == "Yes to newsletter (en)"
    assert not PendingSignup.objects.exists()
    # The link is spent: following it again says so and changes nothing.
    again = client.post(confirm)
    assert again.status_code == 410
    assert "This link has already been used" in again.content.decode()
    assert ConsentRecord.objects.count() == 2


def test_the_answer_is_the_same_for_a_new_and_a_subscribed_address(client, topics, sign_up):
    first = sign_up("new@example.org")
    client.post(path_of(link_in(mail.outbox[0], "/newsletter/confirm/")))
    known = sign_up("new@example.org")
    stranger = sign_up("other@example.org")

    assert known.status_code == stranger.status_code == first.status_code == 200
    assert without_csrf_token(known) == without_csrf_token(stranger)


def test_repeated_sign_ups_keep_one_row_and_do_not_flood_the_mailbox(client, topics, sign_up):
    sign_up(topics=("newsletter",))
    second = sign_up(topics=("event-invitations",))

    assert second.status_code == 200
    assert PendingSignup.objects.count() == 1
    assert len(mail.outbox) == 1
    assert PendingSignup.objects.get().topics == ["newsletter"]


def test_a_sign_up_after_the_pause_replaces_the_topics_and_the_old_link(client, topics, sign_up):
    sign_up(topics=("newsletter",))
    old_link = path_of(link_in(mail.outbox[0], "/newsletter/confirm/"))
    PendingSignup.objects.update(sent_at=timezone.now() - timedelta(hours=1))

    sign_up(topics=("event-invitations",))

    assert PendingSignup.objects.count() == 1
    assert PendingSignup.objects.get().topics == ["event-invitations"]
    assert client.post(old_link).status_code == 400
    client.post(path_of(link_in(mail.outbox[1], "/newsletter/confirm/")))
    assert list(ConsentRecord.objects.values_list("purpose_key", flat=True)) == [
        "event-invitations"
    ]


@pytest.mark.parametrize(
    "data",
    [
        {"email": "not-an-address", "topics": ["newsletter"]},
        {"email": "ann@example.org"},
        {"email": "ann@example.org", "topics": ["marketing-calls"]},
    ],
)
def test_bad_sign_ups_get_the_form_back_with_errors_and_store_nothing(client, topics, data):
    response = client.post(url("signup"), data)

    assert response.status_code == 400
    assert "Oops, something went wrong" in response.content.decode()
    assert 'class="form__errors"' in response.content.decode()
    assert not PendingSignup.objects.exists()
    assert not mail.outbox


def test_sign_up_needs_no_csrf_token_because_the_footer_is_cached(topics, sign_up):
    from django.test import Client

    response = sign_up(client=Client(enforce_csrf_checks=True))
    assert response.status_code == 200
    assert PendingSignup.objects.count() == 1


@override_settings(PRIVACY_RATE_LIMIT="2/m")
def test_sign_ups_are_rate_limited_per_client(client, topics, sign_up):
    assert sign_up("a@example.org").status_code == 200
    assert sign_up("b@example.org").status_code == 200
    refused = sign_up("c@example.org")

    assert refused.status_code == 429
    assert PendingSignup.objects.count() == 2


def test_tampered_and_expired_confirmation_links_are_explained_and_change_nothing(
    client, topics, sign_up
):
    sign_up()
    link = path_of(link_in(mail.outbox[0], "/newsletter/confirm/"))
    token = token_in(link)

    bad = client.post(url("signup_confirm", token=tampered(token)))
    assert bad.status_code == 400
    assert "This link is not valid" in bad.content.decode()

    PendingSignup.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    old = client.post(link)
    assert old.status_code == 410
    assert "This link has expired" in old.content.decode()
    assert not ConsentRecord.objects.exists()


def test_a_pending_sign_up_is_personal_data_that_expires(topics):
    from privacy.registry import registration_for
    from privacy.services import subject_export

    preferences.signup_request(email="ann@example.org", topics=["newsletter"], locale="nl")
    export = subject_export(email="ann@example.org")
    assert export.records["privacy.PendingSignup"][0]["topics"] == ["newsletter"]
    assert "token_hash" not in export.records["privacy.PendingSignup"][0]

    registration = registration_for(PendingSignup)
    assert not registration.expired_queryset(timezone.now()).exists()
    assert registration.expired_queryset(timezone.now() + timedelta(days=8)).exists()


# The preference centre


def grant(email, purpose, **kwargs):
    from privacy.services import consent_record

    return consent_record(
        purpose=purpose, granted=True, locale="nl", source=ConsentSource.FORM, email=email, **kwargs
    )


def centre(email="ann@example.org", locale="en"):
    return path_of(preference_centre_url(email, locale))


def test_the_preference_centre_shows_each_topic_with_its_current_state(client, topics):
    grant("ann@example.org", topics["newsletter"])

    page = client.get(centre()).content.decode()

    assert re.search(r'value="newsletter"[^>]*checked', page)
    assert not re.search(r'value="event-invitations"[^>]*checked', page)
    assert 'value="publications"' in page
    assert "Yes to newsletter (en)" in page


def test_unticking_withdraws_and_records_where_it_was_withdrawn(client, topics):
    given = grant("ann@example.org", topics["newsletter"])

    response = client.post(centre(), {"granted": ["event-invitations"]})

    assert response.status_code == 302
    given.refresh_from_db()
    assert given.withdrawn_at is not None
    refusal = ConsentRecord.objects.get(purpose_key="newsletter", granted=False)
    assert refusal.source == ConsentSource.PREFERENCE_CENTRE
    assert refusal.locale == "en"
    invited = ConsentRecord.objects.get(purpose_key="event-invitations")
    assert invited.granted and invited.source == ConsentSource.PREFERENCE_CENTRE
    assert "Your choices are saved" in client.get(response["Location"]).content.decode()


def test_withdraw_all_takes_one_click_and_covers_other_consents_too(client, topics, locales):
    pool = PurposeFactory(key="talent-pool")
    grant("ann@example.org", topics["newsletter"])
    grant("ann@example.org", topics["publications"])
    grant("ann@example.org", pool)
    assert "talent-pool" in client.get(centre()).content.decode()

    client.post(centre(), {"granted": ["newsletter"], "withdraw_all": ""})

    assert not ConsentRecord.objects.filter(granted=True, withdrawn_at__isnull=True).exists()
    assert ConsentRecord.objects.filter(granted=False).count() == 3


def test_someone_elses_consents_are_not_touched(client, topics):
    other = grant("bob@example.org", topics["newsletter"])

    client.post(centre("ann@example.org"), {"withdraw_all": ""})

    other.refresh_from_db()
    assert other.withdrawn_at is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_and_expired_preference_links_change_nothing(client, topics, method):
    given = grant("ann@example.org", topics["newsletter"])
    token = token_in(centre())
    old = token_in(centre())
    EmailLink.objects.filter(token_hash=token_hash(old)).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    bad = getattr(client, method)(url("preferences", token=tampered(token)), {"withdraw_all": ""})
    expired = getattr(client, method)(url("preferences", token=old), {"withdraw_all": ""})

    assert bad.status_code == 400
    assert "This link is not valid" in bad.content.decode()
    assert expired.status_code == 410
    assert "This link has expired" in expired.content.decode()
    given.refresh_from_db()
    assert given.withdrawn_at is None
    assert ConsentRecord.objects.count() == 1


def test_a_link_for_another_page_does_not_open_the_preference_centre(client, topics):
    from privacy.links import link_sign

    other_salt = link_sign(salt="privacy.request.confirm", payload={"r": 1})
    assert client.get(url("preferences", token=other_salt)).status_code == 400


# The sign-up block in the footer and in a page body


def test_every_page_footer_has_the_sign_up_form_with_unticked_boxes(client, home_page, topics):
    page = client.get(home_page.url).content.decode()

    assert 'action="/nl/my-privacy/newsletter/"' in page
    boxes = re.findall(r'<input type="checkbox" name="topics"[^>]*>', page)
    assert len(boxes) == 4
    assert not any("checked" in box for box in boxes)


def test_the_sign_up_block_renders_in_a_page_body(client, home_page, topics):
    home_page.body = [("newsletter_signup", {"heading": "Blijf op de hoogte", "text": ""})]
    home_page.save_revision().publish()

    page = client.get(home_page.url).content.decode()

    assert "Blijf op de hoogte" in page
    assert page.count('action="/nl/my-privacy/newsletter/"') == 2
    assert 'id="id_block_email"' in page and 'id="id_footer_email"' in page


def test_the_sign_up_form_also_has_a_page_of_its_own(client, topics):
    response = client.get(url("signup", "fr"))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="topics" value="newsletter"' in page
    assert "Oups" not in page


@override_settings(PRIVACY_RATE_LIMIT="1/m")
def test_one_ipv6_client_counts_once_for_its_whole_network(client, topics):
    first = client.post(
        url("signup"),
        {"email": "a@example.org", "topics": ["newsletter"]},
        REMOTE_ADDR="2001:db8::1",
    )
    neighbour = client.post(
        url("signup"),
        {"email": "b@example.org", "topics": ["newsletter"]},
        REMOTE_ADDR="2001:db8::2",
    )
    elsewhere = client.post(
        url("signup"),
        {"email": "c@example.org", "topics": ["newsletter"]},
        REMOTE_ADDR="2001:db9::1",
    )

    assert (first.status_code, neighbour.status_code, elsewhere.status_code) == (200, 429, 200)


def test_the_sign_up_states_who_uses_the_address_how_to_withdraw_and_links_the_policy(
    client, home_page, topics, locales
):
    from tests.privacy.policy_factories import controller_identity, policy_page

    controller_identity(locales["nl"])
    policy_page(home_page)

    page = client.get(home_page.url).content.decode()

    notice = re.search(r"<p[^>]*data-signup-notice>(.*?)</p>", page, re.S).group(1)
    assert "Kamer van Koophandel Benelux vzw gebruikt uw e-mailadres alleen" in notice
    assert "U kunt deze toestemming altijd intrekken" in notice
    assert 'href="/nl/privacy/"' in notice


def test_a_link_page_and_its_refusal_stay_out_of_search_engines_and_other_sites(client, topics):
    token = token_in(centre())

    opened = client.get(centre())
    refused = client.get(url("preferences", token=tampered(token)))

    for response in (opened, refused):
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        # Its button's POST still names this site as its origin, for the CSRF check.
        assert response["Referrer-Policy"] == "same-origin"
    assert (opened.status_code, refused.status_code) == (200, 400)
