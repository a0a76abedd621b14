import pytest
from django.contrib.auth.models import Group

from privacy import demo
from privacy.models import Purpose


def _load():
    demo.load(log=lambda message: None, translate=None)


@pytest.mark.django_db
def test_the_demo_adds_the_chambers_purposes_in_three_languages_and_the_officers_group():
    _load()

    originals = Purpose.objects.filter(locale__language_code="nl")
    assert set(originals.values_list("key", flat=True)) == set(demo.TEXTS)
    assert len(demo.TEXTS) == 8
    for original in originals:
        translations = Purpose.objects.filter(translation_key=original.translation_key)
        assert {p.locale.language_code: p.key for p in translations} == {
            "nl": original.key,
            "fr": original.key,
            "en": original.key,
        }
        assert all(p.latest_revision_id for p in translations)
    french = Purpose.objects.get(key="newsletter", locale__language_code="fr")
    assert french.name == "Lettre d'information"
    officers = Group.objects.get(name=demo.OFFICERS_GROUP)
    assert officers.permissions.filter(codename="view_consentrecord").exists()


@pytest.mark.django_db
def test_loading_the_demo_again_leaves_an_editors_text_and_revisions_alone():
    _load()
    purpose = Purpose.objects.get(key="newsletter", locale__language_code="nl")
    purpose.consent_text = "Door een redacteur herschreven."
    purpose.save()
    purpose.save_revision(log_action=False)
    revisions = purpose.revisions.count()
    Purpose.objects.filter(key="event-photos", locale__language_code="en").delete()

    _load()

    purpose.refresh_from_db()
    assert purpose.consent_text == "Door een redacteur herschreven."
    assert purpose.revisions.count() == revisions
    # What was missing comes back.
    assert Purpose.objects.filter(key="event-photos", locale__language_code="en").exists()
    assert Purpose.objects.count() == 8 * 3
