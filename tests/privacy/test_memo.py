"""The per-request memo: what a request reads twice is computed once, and never outlives it."""

import pytest

from privacy import memo


def counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return compute, calls


def test_a_request_computes_a_key_once(in_request):
    compute, calls = counter()

    assert [memo.request_memo(("test", "a"), compute) for _ in range(3)] == [1, 1, 1]
    assert len(calls) == 1


def test_the_next_request_computes_it_again(in_request):
    compute, calls = counter()
    memo.request_memo(("test", "a"), compute)

    memo.request_finished()
    memo.request_started()

    assert memo.request_memo(("test", "a"), compute) == 2


def test_outside_a_request_every_call_computes():
    compute, calls = counter()

    assert [memo.request_memo(("test", "a"), compute) for _ in range(2)] == [1, 2]


def test_a_forgotten_key_is_computed_again_in_the_same_request(in_request):
    compute, calls = counter()
    memo.request_memo(("test", "a"), compute)

    memo.request_memo_forget(("test", "a"))

    assert memo.request_memo(("test", "a"), compute) == 2


def test_a_computation_that_fails_keeps_nothing(in_request):
    def broken():
        raise ConnectionError("away")

    with pytest.raises(ConnectionError):
        memo.request_memo(("test", "a"), broken)

    assert memo.request_memo(("test", "a"), lambda: "back") == "back"
