"""The page editor: a new application page starts with the application form, and editors
cannot take away the CV or the application purpose."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from careers.models import VacancyPage

pytestmark = pytest.mark.django_db


def _edit_data(page, *, delete=(), changes=None, fields=None):
    changes = changes or {}
    items = []
    fields = list(page.form_fields.all()) if fields is None else fields
    for field in fields:
        item = {
            "id": str(field.pk or ""),
            "label": field.label,
            "key": field.key,
            "help_text": field.help_text,
            "field_type": field.field_type,
            "choices": field.choices,
            "default_value": field.default_value,
            "purpose": str(field.purpose_id or ""),
            "max_file_size_mb": str(field.max_file_size_mb),
        }
        if field.required:
            item["required"] = "on"
        if field.is_subject_email:
            item["is_subject_email"] = "on"
        for name, value in changes.get(field.key, {}).items():
            if value is None:
                item.pop(name, None)
            else:
                item[name] = value
        items.append(item)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "department": page.department,
            "location": page.location,
            "country": page.country,
            "employment_type": page.employment_type,
            "hours": page.hours,
            "summary": page.summary,
            "description": rich_text("U beantwoordt vragen."),
            "what_we_offer": rich_text(""),
            "date_posted": page.date_posted.isoformat(),
            "closing_date": page.closing_date.isoformat(),
            "status": page.status,
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "inbox": str(page.inbox_id),
            "form_fields": inline_formset(items, initial=len([f for f in fields if f.pk])),
        }
    )
    for index, field in enumerate(fields):
        data[f"form_fields-{index}-file_kinds"] = list(field.allowed_kinds)
        if field.key in delete:
            data[f"form_fields-{index}-DELETE"] = "on"
    return data


def _save(client, page, **kwargs):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), _edit_data(page, **kwargs)
    )


def test_a_new_vacancy_starts_with_the_application_form(admin_client, index, purposes):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["careers", "vacancypage", index.pk])
    )

    assert response.status_code == 200
    formset = response.context["form"].formsets["form_fields"]
    keys = [form.initial.get("key") or form.instance.key for form in formset.forms]
    assert keys == [
        "name",
        "email",
        "phone",
        "cv",
        "motivation_letter",
        "message",
        "purpose_job_application",
        "purpose_talent_pool",
    ]
    by_key = {form.instance.key: form.instance for form in formset.forms}
    assert by_key["cv"].required and by_key["cv"].field_type == "file"
    assert not by_key["motivation_letter"].required
    assert by_key["email"].is_subject_email
    assert by_key["purpose_talent_pool"].purpose.key == "talent-pool"
    assert not by_key["purpose_talent_pool"].required
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('input[name="form_fields-3-label"]')["value"] == "CV"


def test_an_editor_saves_an_unchanged_application_form_and_may_drop_optional_fields(
    admin_client, vacancy
):
    assert _save(admin_client, vacancy).status_code == 302
    assert _save(admin_client, vacancy, delete=["phone", "purpose_talent_pool"]).status_code == 302


def test_the_cv_field_cannot_be_removed_or_made_optional(admin_client, vacancy):
    removed = _save(admin_client, vacancy, delete=["cv"])
    optional = _save(admin_client, vacancy, changes={"cv": {"required": None}})

    for response in (removed, optional):
        assert response.status_code == 200
        errors = " ".join(response.context["form"].non_field_errors())
        assert "cv" in errors.lower()
    page = VacancyPage.objects.get(pk=vacancy.pk).get_latest_revision_as_object()
    assert [f for f in page.form_fields.all() if f.key == "cv" and f.required]


def test_removing_the_application_purpose_saves_the_form_with_it_added_again(admin_client, vacancy):
    response = _save(admin_client, vacancy, delete=["purpose_job_application"])

    assert response.status_code == 302
    draft = type(vacancy).objects.get(pk=vacancy.pk).get_latest_revision_as_object()
    stated = [f for f in draft.form_fields.all() if f.field_type == "purpose"]
    assert "job-application" in {f.purpose.key for f in stated}


def test_a_closing_date_before_the_posting_date_is_refused(admin_client, vacancy):
    data = _edit_data(vacancy)
    data["closing_date"] = (
        vacancy.date_posted - __import__("datetime").timedelta(days=1)
    ).isoformat()

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[vacancy.pk]), data)

    assert response.status_code == 200
    assert "closing_date" in response.context["form"].errors


def test_a_new_vacancy_is_created_with_its_prefilled_form(admin_client, index, inbox):
    from careers.models import VacancyPage as Model

    add = reverse("wagtailadmin_pages:add", args=["careers", "vacancypage", index.pk])
    formset = admin_client.get(add).context["form"].formsets["form_fields"]
    fields = [form.instance for form in formset.forms]
    draft = Model(
        title="Nieuwe vacature",
        slug="new-vacancy",
        department="Advies",
        location="Gent",
        summary="Kort.",
        inbox=inbox,
        date_posted=__import__("datetime").date(2026, 1, 1),
        closing_date=__import__("datetime").date(2026, 2, 1),
    )

    response = admin_client.post(add, _edit_data(draft, fields=fields))

    assert response.status_code == 302, response.context["form"].errors
    page = Model.objects.get(slug="new-vacancy").get_latest_revision_as_object()
    assert [f.key for f in page.form_fields.all()][:4] == ["name", "email", "phone", "cv"]


def test_a_new_vacancy_starts_in_the_recruitment_inbox(admin_client, index, inbox):
    from tests.forms.factories import InboxFactory

    InboxFactory(name="Contact requests", purpose=inbox.purpose)  # listed first

    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["careers", "vacancypage", index.pk])
    )

    assert response.status_code == 200
    assert response.context["form"]["inbox"].value() == inbox.pk
    assert inbox.name == "Recruitment"
