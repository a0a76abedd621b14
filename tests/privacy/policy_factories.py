"""A published privacy policy page, for the policy tests and the cookie banner's links."""

from datetime import date

from privacy.models import PrivacyPolicyPage


def policy_page(parent, **fields) -> PrivacyPolicyPage:
    values = {
        "title": "Privacybeleid",
        "slug": "privacy",
        "locale": parent.locale,
        "version": "2.1",
        "material_change_date": date(2026, 3, 15),
        "body": [
            ("section", {"heading": "Cookies", "anchor": "cookies", "body": "<p>Over cookies.</p>"})
        ],
    }
    values.update(fields)
    page = PrivacyPolicyPage(**values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def controller_identity(locale, *, names=("Kamer van Koophandel Benelux vzw",), **fields):
    """A controller identity in ``locale``: one controller per name, the privacy contact, and
    an arrangement when there are several."""
    from privacy.models import ControllerIdentity

    values = {
        "controllers": [
            (
                "controller",
                {"name": name, "address": "Straat 1\n1000 Brussel", "company_number": f"0{i}"},
            )
            for i, name in enumerate(names)
        ],
        "arrangement": "De eerste beantwoordt alle verzoeken." if len(names) > 1 else "",
        "contact": "De privacyverantwoordelijke",
        "contact_email": "privacy@example.org",
    }
    values.update(fields)
    return ControllerIdentity.objects.create(locale=locale, **values)
