"""The one calendar writer: what any calendar program needs to read the file as written."""

from datetime import UTC, datetime

from forms.calendar import calendar_filename, calendar_text

START = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
END = datetime(2026, 3, 5, 11, 30, tzinfo=UTC)


def _text(**kwargs):
    values = {
        "uid": "event-7",
        "stamp": START,
        "start": START,
        "end": END,
        "summary": "Workshop",
        "description": "",
        "url": "https://example.org/agenda/workshop/",
    }
    return calendar_text(**(values | kwargs))


def _unfolded(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    text = _text(summary="Atelier « Données personnelles » à Liège; " * 4)

    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    summary = next(line for line in _unfolded(text) if line.startswith("SUMMARY:"))
    assert summary.startswith("SUMMARY:Atelier « Données personnelles » à Liège\\; ")


def test_text_is_escaped_and_the_uid_names_the_host_of_the_page():
    text = _text(description="Room 2, floor 1\nBring a laptop", location="Hall; Antwerp")

    lines = _unfolded(text)
    assert "UID:event-7@example.org" in lines
    assert "LOCATION:Hall\\; Antwerp" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert description == (
        "DESCRIPTION:Room 2\\, floor 1\\nBring a laptop\\n\\nhttps://example.org/agenda/workshop/"
    )
    assert "DTSTART:20260305T090000Z" in lines and "DTEND:20260305T113000Z" in lines


def test_an_online_meeting_is_in_the_file_only_when_given():
    public, private = _text(), _text(conference="https://meet.example.org/abc")

    assert "meet.example.org" not in public
    assert "CONFERENCE;VALUE=URI:https://meet.example.org/abc" in _unfolded(private)


def test_the_file_name_falls_back_when_nothing_of_the_name_is_left():
    assert calendar_filename("Café & Co", default="event") == "cafe-co.ics"
    assert calendar_filename("???", default="event") == "event.ics"
