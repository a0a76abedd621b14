"""The standalone site's content, made as another site's editors would: the plugins' default
purposes loaded as data, an inbox per plugin for the site's own staff groups, and pages under
Wagtail's welcome page. Nothing here comes from the chamber's demo or the other tests."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Site

from careers import conf as careers_conf
from careers.constants import APPLICATION_PURPOSE, VacancyStatus
from careers.models import VacancyIndexPage, VacancyPage
from events.constants import PURPOSE_REGISTRATION, EventKind
from events.models import EventIndexPage, EventPage
from forms.models import Inbox
from privacy.models import CookieCategory, Purpose


@pytest.fixture
def purposes(db):
    """What ``manage.py load_default_purposes`` gives a fresh site."""
    call_command("load_default_purposes", stdout=io.StringIO())
    return {purpose.key: purpose for purpose in Purpose.objects.all()}


@pytest.fixture
def site_root(db):
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def cookie_categories(db):
    """The site's own categories: the essential cookies and one that asks."""
    locale = Locale.get_default()
    essential = CookieCategory.objects.create(
        key="essential", locale=locale, name="Essential", description="The site needs them."
    )
    statistics = CookieCategory.objects.create(
        key="analytics", locale=locale, name="Statistics", description="Visits, counted."
    )
    return essential, statistics


def staff(username: str, *, group: str):
    """A member of one of the site's staff groups, as the migrations made them."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def hr(db):
    return staff("harriet", group=settings.CAREERS_RECRUITMENT_GROUP)


@pytest.fixture
def organiser(db):
    return staff("otto", group=settings.EVENTS_GROUP)


@pytest.fixture
def vacancy(purposes, site_root):
    inbox = Inbox.objects.create(
        name=careers_conf.recruitment_inbox(),
        group=Group.objects.get(name=settings.CAREERS_RECRUITMENT_GROUP),
        purpose=purposes[APPLICATION_PURPOSE],
    )
    index = site_root.add_child(instance=VacancyIndexPage(title="Jobs", slug="jobs"))
    page = VacancyPage(
        title="Bookkeeper",
        slug="bookkeeper",
        inbox=inbox,
        department="Finance",
        location="Ghent",
        summary="Keep our books.",
        description="<p>Keep our books.</p>",
        date_posted=timezone.localdate(),
        closing_date=timezone.localdate() + timedelta(days=30),
        status=VacancyStatus.OPEN,
    )
    page.form_fields = VacancyPage.default_form_fields(language=Locale.get_default().language_code)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def event(purposes, site_root):
    inbox = Inbox.objects.create(
        name="Event registrations",
        group=Group.objects.get(name=settings.EVENTS_GROUP),
        purpose=purposes[PURPOSE_REGISTRATION],
    )
    index = site_root.add_child(instance=EventIndexPage(title="Events", slug="events"))
    start = timezone.now() + timedelta(days=7)
    page = EventPage(
        title="Open day",
        slug="open-day",
        inbox=inbox,
        kind=EventKind.EVENT,
        start=start,
        end=start + timedelta(hours=3),
        venue="Our office",
        description="<p>Come and see.</p>",
        participant_list="off",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def follow_link(client, url: str):
    """Open a link from an e-mail as a person does: GET shows what it will do, the page's
    button (a POST to the same address) does it."""
    shown = client.get(url)
    assert shown.status_code == 200, shown.content[:500]
    if 'method="post"' in shown.content.decode():
        return client.post(url)
    return shown
