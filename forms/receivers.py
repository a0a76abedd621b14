"""Keeping stored submissions in step with the pages they were sent to.

Connected in :meth:`forms.apps.FormsConfig.ready`.
"""

from __future__ import annotations


def form_page_published(sender, instance, **kwargs) -> None:
    """A form page published in its source language with another end (an event moved, a
    vacancy's closing date edited or closed early): what was sent to it counts from there.
    The one receiver for "the end moved, recompute retention"; pages extend
    :meth:`~forms.models.AbstractFormPage.submission_end_moved`."""
    from .models import AbstractFormPage

    if isinstance(instance, AbstractFormPage) and instance.get_source_page().pk == instance.pk:
        instance.submission_end_moved()
