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
