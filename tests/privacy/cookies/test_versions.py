"""The choice's cookie lasts as long as the register says a choice applies."""

import json
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from privacy.models import Purpose

pytestmark = pytest.mark.django_db

URL = "/api/privacy/cookie-consent"


def choose(client):
    body = {"button": "accept_all", "choices": {}, "locale": "nl", "page": "/nl/"}
    return client.post(URL, json.dumps(body), content_type="application/json")


def test_the_cookie_lasts_the_period_of_the_cookie_purposes(client, cookie_categories):
    choose(client)  # the categories' purposes are made on the first choice: 6 months
    Purpose.objects.filter(key="cookies-analytics").update(retention_period=3)
    purpose = Purpose.objects.get(key="cookies-analytics")
    purpose.save()  # the officer shortens one: the shortest applies

    response = choose(client)

    now = timezone.now()
    expected = (now + relativedelta(months=3) - now).total_seconds()
    max_age = int(response.cookies["cookie_consent"]["max-age"])
    assert abs(max_age - expected) < timedelta(minutes=1).total_seconds()


def test_without_cookie_purposes_the_cookie_lasts_six_months(client, cookie_categories):
    response = choose(client)

    now = timezone.now()
    expected = (now + relativedelta(months=6) - now).total_seconds()
    assert abs(int(response.cookies["cookie_consent"]["max-age"]) - expected) < 60


def test_each_proof_names_the_version_of_its_category_the_banner_showed(client, cookie_categories):
    from urllib.parse import parse_qs

    from privacy.models import ConsentRecord, CookieCategory

    choose(client)
    analytics = CookieCategory.objects.get(key="analytics", locale__language_code="nl")
    analytics.description = "Over analytics, nu met een nieuwe dienst."
    analytics.save()  # changed in code, without a revision
    choose(client)

    proofs = ConsentRecord.objects.filter(purpose_key="cookies-analytics").order_by("pk")
    shown = [int(parse_qs(p.source_ref)["category_revision"][0]) for p in proofs]
    assert len(set(shown)) == 2
    old, new = (analytics.revisions.get(pk=pk) for pk in shown)
    assert old.content["description"] == "Over analytics."
    assert new.content["description"] == "Over analytics, nu met een nieuwe dienst."
    assert proofs[1].text_shown.endswith(new.content["description"])
