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
