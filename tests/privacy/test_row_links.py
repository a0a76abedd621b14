"""A signed link naming a row opens that row alone, and nothing once the row is gone or one of
the dates the link was made for has moved (a renewed consent, a reused id)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from privacy.links import LinkExpired, LinkInvalid, row_from_token, row_token
from tests.privacy.links import signed_days_ago, tampered

pytestmark = pytest.mark.django_db

SALT = "tests.row"


def _user(**kwargs):
    return get_user_model().objects.create(username=kwargs.pop("username", "an"), **kwargs)


def _load(token, **kwargs):
    kwargs.setdefault("stamps", ("last_login",))
    return row_from_token(
        salt=SALT, token=token, queryset=get_user_model().objects.all(), max_age_days=10, **kwargs
    )


def test_a_row_link_opens_its_row_while_its_stamped_date_is_unchanged():
    user = _user(last_login=timezone.now())
    token = row_token(salt=SALT, row=user, stamps=("last_login",))

    assert _load(token) == user

    user.last_login += datetime.timedelta(seconds=1)
    user.save()
    with pytest.raises(LinkInvalid):
        _load(token)


def test_a_row_link_names_nothing_once_its_row_is_gone_or_it_was_altered():
    user = _user()
    token = row_token(salt=SALT, row=user, stamps=("last_login",))

    with pytest.raises(LinkInvalid):
        _load(tampered(token))
    with pytest.raises(LinkInvalid):
        row_from_token(
            salt="tests.other",
            token=token,
            queryset=get_user_model().objects.all(),
            max_age_days=10,
        )
    user.delete()
    with pytest.raises(LinkInvalid):
        _load(token)


def test_a_row_link_past_its_lifetime_is_expired_not_invalid():
    user = _user()
    with signed_days_ago(11):
        token = row_token(salt=SALT, row=user)

    with pytest.raises(LinkExpired):
        _load(token, stamps=())


def test_a_kind_of_row_link_makes_an_address_and_reads_back_its_row_alone():
    from privacy.links import RowLink

    user = _user()
    kind = RowLink(salt="tests.kind", view="privacy:request_confirm", max_age_days=lambda: 5)
    url = kind.url(user, locale="en")
    token = url.rstrip("/").rsplit("/", 1)[-1]

    assert url.startswith("http")
    assert kind.row(token=token, queryset=get_user_model().objects.all()) == user
    with pytest.raises(LinkInvalid):
        RowLink(salt="tests.other", view=kind.view, max_age_days=lambda: 5).row(
            token=token, queryset=get_user_model().objects.all()
        )
