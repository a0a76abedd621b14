"""Keeping stored submissions in step with the pages they were sent to.

Connected in :meth:`forms.apps.FormsConfig.ready`.
"""

from __future__ import annotations


def form_page_published(sender, instance, **kwargs) -> None:
    """A form page published in its source language with another end (an event moved, a
    vacancy's closing date edited or closed early): what was sent to it counts from there.
    The one receiver for "the end moved, recompute retention" and for whatever else a page
    type does when its source is published; pages extend
    :meth:`~forms.models.AbstractFormPage.source_published`."""
    from .models import AbstractFormPage

    if isinstance(instance, AbstractFormPage) and instance.get_source_page().pk == instance.pk:
        instance.source_published()


def consent_bound_withdrawn(sender, *, email: str, purpose_key: str, **kwargs) -> None:
    """A consent withdrawn anywhere (the preference centre, a choices page, an erasure):
    the rows kept under it (:class:`forms.models.ConsentBound`) go."""
    from .services import consent_bound_delete

    consent_bound_delete(email=email, purpose_key=purpose_key)
