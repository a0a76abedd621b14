"""Libraries' step-by-step INFO messages stay out of the log; their warnings do not."""

import logging

import pytest

from home.demo import home_page_ensure


@pytest.mark.parametrize("name", ["django_tasks", "wagtail", "modelsearch.index"])
def test_chatty_library_loggers_report_only_warnings(name):
    logger = logging.getLogger(name)

    assert not logger.isEnabledFor(logging.INFO)
    assert logger.isEnabledFor(logging.WARNING)


def test_project_loggers_still_report_info():
    assert logging.getLogger("home").isEnabledFor(logging.INFO)


def test_creating_and_publishing_a_page_logs_no_task_or_page_steps(
    db, locales, default_site, caplog
):

    home_page_ensure(locale=locales["nl"], log=lambda message: None)

    noisy = [r for r in caplog.records if r.name.split(".")[0] in ("django_tasks", "wagtail")]
    assert noisy == []


def console_handler() -> logging.Handler:
    from privacy.log_filters import TokenMaskFilter

    for handler in logging.getLogger().handlers:
        if any(isinstance(f, TokenMaskFilter) for f in handler.filters):
            return handler
    raise AssertionError("No log handler masks tokens.")


def test_the_request_log_never_shows_a_signed_link_whole():
    from privacy.links import link_sign

    token = link_sign(salt="privacy.request.confirm", payload={"r": 1})
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        (f"/nl/my-privacy/requests/confirm/{token}/?signature=abc123",),
        None,
    )

    console_handler().filter(record)

    message = record.getMessage()
    assert token not in message
    assert "abc123" not in message
    assert message == "Not Found: /nl/my-privacy/requests/confirm/[token]/"


def test_ordinary_paths_are_logged_as_they_are():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/nl/news/2026/",), None
    )

    console_handler().filter(record)

    assert record.getMessage() == "Not Found: /nl/news/2026/"
