"""The one way the plugins send e-mail: privacy's, the forms', careers' and events' alike.

:func:`mail_send` stores the mail in the outbox (:class:`privacy.models.OutgoingMail`), in
the caller's transaction, and enqueues the task that delivers it with the row's id alone: the
task queue never holds an address or a text. The worker (:func:`mail_attempt`) renders
``<template>_subject.txt``, ``_body.txt`` and ``_body.html`` in the recipient's language and
sends them as one multipart message (text, with HTML as its alternative), with attachments
such as an event's calendar file. A sender whose mail takes work to put together (its links,
its calendar file) names a ``build`` function instead of passing that work's result: the
request stores the rows' ids, and the worker builds the rest when it renders. Every mail ends with the footer that names its sender (the
controllers, in the mail's language) and links to the privacy policy; a mail to a person also
links to their own preference centre, while a notice to staff (an inbox's address, the
privacy officers) carries no such link, since they are not the person the mail is about.

A refused send is tried again later (``PRIVACY_MAIL_RETRY_DELAYS``), then listed for the
privacy officers as not delivered; the row's id is the mail's idempotency key and its
Message-ID, so no retry, duplicate task or restarted worker sends it twice.

By part: :mod:`.outbox` queues, claims, retries and closes; :mod:`.render` renders and
delivers; :mod:`.context` is how a queued mail's context is kept. Import from here.
"""

from .outbox import (
    mail_attempt,
    mail_cancel,
    mail_discard,
    mail_enqueue,
    mail_queue,
    mail_requeue,
    mail_retry,
    mail_send,
)
from .render import Attachment, Mail, mail_deliver, mail_message_id, mail_render, placeholders_fill

__all__ = [
    "Attachment",
    "Mail",
    "mail_attempt",
    "mail_cancel",
    "mail_deliver",
    "mail_discard",
    "mail_enqueue",
    "mail_message_id",
    "mail_queue",
    "mail_render",
    "mail_requeue",
    "mail_retry",
    "mail_send",
    "placeholders_fill",
]
