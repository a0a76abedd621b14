"""schema.org ``JobPosting`` for an open vacancy, with every property Google requires."""

from __future__ import annotations


def job_posting(*, page, request=None) -> dict:
    raise NotImplementedError
