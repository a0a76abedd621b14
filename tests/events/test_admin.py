"""Editors create events in Wagtail's page editor and speakers as snippets."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_editor_can_open_the_new_event_form_and_the_speakers(index, admin_client):
    add = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])
    )
    speakers = admin_client.get(reverse("wagtailsnippets_events_speaker:list"))

    assert add.status_code == 200
    html = add.content.decode()
    for name in ("kind", "start", "end", "capacity", "registration_deadline", "online_url"):
        assert f'name="{name}"' in html
    assert speakers.status_code == 200


def test_the_new_speaker_form_asks_every_field_with_an_image_chooser_for_the_photo(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_events_speaker:add"))

    assert response.status_code == 200
    html = response.content.decode()
    for name in ("name", "function", "organisation", "photo", "biography", "email"):
        assert f'name="{name}"' in html
    assert "image-chooser" in html


def test_event_pages_live_under_the_agenda_only(home, index):
    from events.models import EventIndexPage, EventPage

    assert EventPage.can_create_at(index)
    assert not EventPage.can_create_at(home)
    assert EventIndexPage.can_create_at(home)


def _edit_data(page, questions=()):
    from django.utils import timezone
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    def moment(value):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""

    items = [
        {"label": label, "key": key, "field_type": "singleline", "max_file_size_mb": "10"}
        for label, key in questions
    ]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "kind": page.kind,
            "start": moment(page.start),
            "end": moment(page.end),
            "venue": page.venue,
            "address": page.address,
            "online_url": page.online_url,
            "description": rich_text("<p>Welkom</p>"),
            "capacity": str(page.capacity or ""),
            "registration_deadline": "",
            "participant_list": "public",
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "inbox": str(page.inbox_id),
            "event_speakers": inline_formset([]),
            "form_fields": inline_formset(items),
        }
    )
    for index in range(len(items)):
        data[f"form_fields-{index}-file_kinds"] = ["pdf"]
    return data


def test_an_event_saves_with_the_registrations_own_purposes_and_address(event, admin_client):
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])

    data = _edit_data(event, [("Lidnummer", "member_number")])
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    assert [f.key for f in event.form_fields.all()] == ["member_number"]


def test_an_extra_question_may_not_take_a_fixed_questions_key(event, admin_client):
    from forms.admin_forms import KEY_TAKEN

    url = reverse("wagtailadmin_pages:edit", args=[event.pk])

    response = admin_client.post(url, _edit_data(event, [("Functie", "function")]))

    assert response.status_code == 200
    [form] = response.context["form"].formsets["form_fields"].forms
    assert str(KEY_TAKEN) in [str(e) for e in form.errors["key"]]
    assert not event.form_fields.exists()
