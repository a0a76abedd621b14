"""An Editor translates a page, submits the translation for review, a Moderator approves it,
and the French page is live: Wagtail's moderation workflow, applied to wagtail-localize."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, TranslationSource

from tests.home.factories import StandardPageFactory, translate
from tests.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch_page(home_page, locales):
    translate(home_page, locales["fr"], slug="accueil")
    page = StandardPageFactory(parent=home_page, title="Diensten", slug="diensten")
    page.save_revision().publish()
    return page


@pytest.fixture
def editor():
    # Wagtail's own migrations make both groups, with their page permissions on the tree.
    return make_user("editor", groups=[Group.objects.get(name="Editors")])


@pytest.fixture
def moderator():
    return make_user("moderator", groups=[Group.objects.get(name="Moderators")])


def _french_translation_started(client, page, locales):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["fr"].pk]},
    )
    assert response.status_code == 302
    french = Page.objects.get(translation_key=page.translation_key, locale=locales["fr"]).specific
    # What the editor types in the translation editor: the title in French.
    source = TranslationSource.objects.get(object_id=page.translation_key)
    segment = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locales["fr"],
        context=segment.context,
        data="Services",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    return french


def test_an_editor_submits_a_translation_and_a_moderator_publishes_it(
    client, dutch_page, locales, editor, moderator
):
    client.force_login(editor)
    french = _french_translation_started(client, dutch_page, locales)
    assert not french.live

    editor_screen = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    submit_url = reverse("website_translation_submit", args=[french.pk])
    assert editor_screen.status_code == 200
    assert submit_url in editor_screen.text
    # The editor may not publish it: wagtail-localize's publish action sends them away.
    client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})
    french.refresh_from_db()
    assert not french.live

    assert client.get(submit_url).status_code == 200
    assert client.post(submit_url).status_code == 302
    state = WorkflowState.objects.get(object_id=str(french.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    french.refresh_from_db()
    assert not french.live

    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Services" in dashboard.text
    task_state = state.current_task_state
    approved = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[french.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert approved.status_code in (200, 302)

    french.refresh_from_db()
    assert french.live
    assert french.title == "Services"
    client.logout()
    assert client.get(french.url).status_code == 200


def test_a_moderator_publishes_directly_and_gets_no_submit_button(
    client, dutch_page, locales, moderator
):
    client.force_login(moderator)
    french = _french_translation_started(client, dutch_page, locales)

    screen = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert reverse("website_translation_submit", args=[french.pk]) not in screen.text
    # Wagtail's admin answers a refusal by sending the user back to the dashboard.
    refused = client.post(reverse("website_translation_submit", args=[french.pk]))
    assert refused.status_code == 302
    assert refused.url == reverse("wagtailadmin_home")
    assert not WorkflowState.objects.filter(object_id=str(french.pk)).exists()
