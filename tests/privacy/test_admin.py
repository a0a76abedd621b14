import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from privacy import conf
from privacy.models import DeletionLog
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory
from website.demo.privacy import OFFICER_PERMISSIONS


def _user(django_user_model, username, *, group=None, superuser=False):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw", is_superuser=superuser
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(group)
    return user


@pytest.fixture
def officers(db):
    group, _ = Group.objects.get_or_create(name=conf.officers_group())
    for app_label, codename in OFFICER_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


@pytest.fixture
def officer(django_user_model, officers, client):
    client.force_login(_user(django_user_model, "officer", group=officers))
    return client


@pytest.fixture
def editor(django_user_model, client):
    client.force_login(_user(django_user_model, "editor"))
    return client


@pytest.fixture
def record(db):
    return ConsentRecordFactory(subject_email="ann@example.org", purpose__key="newsletter")


@pytest.fixture
def log_entry(db):
    return DeletionLog.objects.create(
        run_id="7c1d1f6e-1111-4b5e-9d1c-000000000001",
        model="forms.FormSubmission",
        purpose_key="job-application",
        count=4,
        reason="retention",
    )


@pytest.mark.django_db
def test_migrations_create_the_privacy_officers_group_with_its_permissions():
    group = Group.objects.get(name=conf.officers_group())
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_consentrecord", "view_deletionlog", "access_admin"} <= codenames
    assert "delete_purpose" not in codenames


def test_officers_see_the_consent_ledger_and_inspect_a_record(officer, record):
    index = officer.get(reverse("consent_ledger:index"))
    assert index.status_code == 200
    assert "ann@example.org" in index.content.decode()

    detail = officer.get(reverse("consent_ledger:inspect", args=[record.pk]))
    assert detail.status_code == 200
    assert record.text_shown in detail.content.decode()


def test_officers_can_filter_the_ledger(officer, record):
    ConsentRecordFactory(subject_email="bob@example.org", purpose__key="photos")
    response = officer.get(reverse("consent_ledger:index"), {"purpose_key": "photos"})
    assert "bob@example.org" in response.content.decode()
    assert "ann@example.org" not in response.content.decode()


def test_officers_see_the_deletion_log(officer, log_entry):
    response = officer.get(reverse("deletion_log:index"))
    assert response.status_code == 200
    assert "forms.FormSubmission" in response.content.decode()


def test_others_are_refused_and_see_no_menu_item(editor, record, log_entry):
    for url in (
        reverse("consent_ledger:index"),
        reverse("consent_ledger:inspect", args=[record.pk]),
        reverse("deletion_log:index"),
    ):
        response = editor.get(url)
        assert response.status_code == 403
        assert record.subject_email not in response.content.decode()
        assert record.purpose_key not in response.content.decode()
        assert log_entry.purpose_key not in response.content.decode()
    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("consent_ledger:index") not in dashboard
    assert reverse("deletion_log:index") not in dashboard


def test_officers_get_the_menu_items(officer):
    dashboard = officer.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("consent_ledger:index") in dashboard
    assert reverse("deletion_log:index") in dashboard


@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_can_add_change_or_delete_evidence(
    django_user_model, officers, client, record, log_entry, superuser
):
    client.force_login(_user(django_user_model, "u", group=officers, superuser=superuser))
    for url in (
        reverse("consent_ledger:add"),
        reverse("consent_ledger:edit", args=[record.pk]),
        reverse("consent_ledger:delete", args=[record.pk]),
        reverse("deletion_log:edit", args=[log_entry.pk]),
        reverse("deletion_log:delete", args=[log_entry.pk]),
    ):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
    record.refresh_from_db()
    log_entry.refresh_from_db()
    assert (record.subject_email, record.withdrawn_at) == ("ann@example.org", None)
    assert log_entry.count == 4
    record.refresh_from_db()
    assert DeletionLog.objects.filter(pk=log_entry.pk).exists()


def test_officers_edit_purposes_as_translatable_snippets(officer, locales):
    purpose = PurposeFactory(key="newsletter", locale=locales["nl"])
    edit = officer.get(reverse("wagtailsnippets_privacy_purpose:edit", args=[purpose.pk]))
    assert edit.status_code == 200
    response = officer.get(reverse("wagtailsnippets_privacy_purpose:list"))
    translate = reverse(
        "wagtail_localize:submit_snippet_translation", args=["privacy", "purpose", purpose.pk]
    )
    assert translate in response.content.decode()
    assert officer.get(translate).status_code == 200
    history = officer.get(reverse("wagtailsnippets_privacy_purpose:history", args=[purpose.pk]))
    assert history.status_code == 200


def test_a_purpose_with_consent_proofs_cannot_be_deleted(django_user_model, client, record):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    purpose = record.purpose
    url = reverse(purpose.snippet_viewset.get_url_name("delete"), args=[purpose.pk])

    response = client.post(url)

    assert response.status_code == 302
    assert response.url == reverse(purpose.snippet_viewset.get_url_name("list"))
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert purpose.__class__.objects.filter(pk=purpose.pk).exists()


def _rows(response):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [" ".join(row.get_text(" ").split()) for row in soup.select("tbody tr")]


def test_the_ledger_shows_purpose_names_and_decisions_in_words(officer, record):
    informed = PurposeFactory(key="answer-request", name="Uw vraag beantwoorden")
    ConsentRecordFactory(subject_email="bob@example.org", purpose=informed, decision="informed")
    ConsentRecordFactory(subject_email="cas@example.org", purpose=informed, granted=False)

    rows = _rows(officer.get(reverse("consent_ledger:index")))

    # The row starts with its time ("1 dec 2026, 10:00"), then the person.
    by_person = {next(w for w in row.split() if "@" in w): row for row in rows}
    assert "Newsletter" in by_person["ann@example.org"]
    assert "Gegeven" in by_person["ann@example.org"]
    assert "Uw vraag beantwoorden" in by_person["bob@example.org"]
    assert "Geïnformeerd" in by_person["bob@example.org"]
    assert "Geweigerd" in by_person["cas@example.org"]
    assert not any("True" in row or "False" in row or "answer-request" in row for row in rows)


def test_a_hashed_proof_is_listed_without_an_address(officer):
    from privacy.hashing import address_hash

    ConsentRecordFactory(subject_email="", subject_hash=address_hash("ann@example.org"))

    [row] = _rows(officer.get(reverse("consent_ledger:index")))

    assert "Adres gehasht" in row and "@" not in row


def test_ledger_times_are_in_the_officers_time_zone(officer, record):
    from datetime import UTC, datetime

    from wagtail.users.models import UserProfile

    from privacy.models import ConsentRecord

    ConsentRecord.objects.filter(pk=record.pk).update(
        recorded_at=datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    )
    user = officer.get(reverse("wagtailadmin_home")).wsgi_request.user
    profile = UserProfile.get_for_user(user)
    profile.current_time_zone = "Asia/Tokyo"
    profile.save()

    [row] = _rows(officer.get(reverse("consent_ledger:index")))

    assert "21:00" in row and "12:00" not in row


def test_empty_privacy_listings_say_what_will_appear_there(officer):
    ledger = officer.get(reverse("consent_ledger:index")).content.decode()
    log = officer.get(reverse("deletion_log:index")).content.decode()
    failures = officer.get(reverse("retention_failures:index")).content.decode()

    assert "Er is nog geen beslissing vastgelegd" in ledger
    assert "Er is nog niets verwijderd" in log
    assert "Geen bewaarfouten" in failures
    for page in (ledger, log, failures):
        assert "There are no" not in page and "Er zijn geen" not in page


def test_the_purpose_listing_says_how_forms_show_each_purpose(officer):
    PurposeFactory(key="newsletter", name="Nieuwsbrief")
    PurposeFactory(key="answer-request", name="Uw vraag", legal_basis="legitimate_interest")

    rows = _rows(officer.get(reverse("wagtailsnippets_privacy_purpose:list")))

    by_name = {row.split(" ")[0]: row for row in rows}
    assert "Toestemmingsvakje" in by_name["Nieuwsbrief"]
    assert "Mededeling" in by_name["Uw"]


def test_searching_an_address_finds_its_hashed_proofs_too(officer, record):
    from privacy.hashing import address_hash

    ConsentRecordFactory(subject_email="", subject_hash=address_hash("ann@example.org"))
    ConsentRecordFactory(subject_email="", subject_hash=address_hash("bob@example.org"))

    rows = _rows(officer.get(reverse("consent_ledger:index"), {"q": "Ann@Example.org"}))

    assert len(rows) == 2
    assert sum("ann@example.org" in row for row in rows) == 1
    assert sum("Adres gehasht" in row for row in rows) == 1


def test_the_deletion_log_names_purposes_and_counts_hashed_proofs(officer, log_entry):
    PurposeFactory(key="job-application", name="Sollicitatie behandelen")
    DeletionLog.objects.create(
        run_id=log_entry.run_id,
        model="privacy.ConsentRecord",
        purpose_key="job-application",
        count=2,
        reason="pseudonymisation",
    )

    rows = _rows(officer.get(reverse("deletion_log:index")))

    assert all("Sollicitatie behandelen" in row for row in rows)
    assert any("Adres vervangen door een gesleutelde hash" in row for row in rows)
    assert not any("job-application" in row for row in rows)


def test_officers_edit_the_retention_after_a_decision(officer):
    from privacy.models import OutcomeRetention

    rule = OutcomeRetention.objects.create(
        purpose_key="job-application", outcome="rejected", retention_period=28
    )
    url = reverse("wagtailsnippets_privacy_outcomeretention:edit", args=[rule.pk])

    response = officer.post(
        url,
        {
            "purpose_key": "job-application",
            "outcome": "rejected",
            "retention_period": "14",
            "retention_unit": "days",
        },
    )

    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.retention_period == 14


def test_editors_cannot_open_the_retention_after_a_decision(editor):
    response = editor.get(reverse("wagtailsnippets_privacy_outcomeretention:list"))

    assert response.status_code in (302, 403)


def _choose(client, **query):
    from privacy.models import Purpose

    url = reverse(Purpose.snippet_viewset.chooser_viewset.get_url_name("choose"))
    return client.get(url, query)


@pytest.mark.parametrize(
    ("language", "title", "basis"),
    [
        ("en", "Choose purpose", "Legitimate interest"),
        ("nl", "Doel kiezen", "Gerechtvaardigd belang"),
        ("fr", "Choisir une finalité", "Intérêt légitime"),
    ],
)
def test_the_purpose_chooser_lists_form_purposes_with_their_legal_basis_in_the_editors_language(
    admin_user, admin_client, language, title, basis
):
    from wagtail.users.models import UserProfile

    from privacy.models import LegalBasis

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    PurposeFactory(
        key="answer-request", name="Antwoord", legal_basis=LegalBasis.LEGITIMATE_INTEREST
    )
    PurposeFactory(key="cookies-statistics", name="Statistiekcookies")

    response = _choose(admin_client)

    html = response.json()["html"]
    assert response.status_code == 200
    heading = html.split('id="header-title">')[1].split("</h1>")[0]
    assert " ".join(re.sub(r"<[^>]+>", " ", heading).split()) == title
    assert "Kiezen" not in html
    assert "Antwoord" in html and basis in html
    assert "Statistiekcookies" not in html


@pytest.mark.parametrize(
    "key",
    [
        "consent-proofs",
        "security-logs",
        "staff-accounts",
        "access-logs",
        "data-exports",
        "privacy-request",
        "newsletter-signup",
        "form-protection",
        "cookies-statistics",
    ],
)
def test_the_purpose_chooser_leaves_out_the_purposes_the_site_states_itself(
    admin_user, admin_client, key
):
    from wagtail.users.models import UserProfile

    from privacy.models import LegalBasis

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    PurposeFactory(key="newsletter", name="Nieuwsbrief", legal_basis=LegalBasis.CONSENT)
    PurposeFactory(key=key, name="Intern doel", legal_basis=LegalBasis.LEGITIMATE_INTEREST)

    response = _choose(admin_client)
    results = _choose(admin_client, q="doel")

    html = response.json()["html"]
    assert response.status_code == 200
    assert "Nieuwsbrief" in html and "Consent" in html
    assert "Intern doel" not in html
    assert "Intern doel" not in results.json()["html"]
