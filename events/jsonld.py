"""The event's schema.org ``Event`` description, embedded in its page as JSON-LD."""

from __future__ import annotations

from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from privacy.jsonld import jsonld_script

from .selectors import event_counts


def event_json_ld(*, page, request=None, counts=None, speakers=None) -> SafeString:
    """``page``'s ``Event`` (``EducationEvent`` for a training) as a JSON-LD script element.

    ``counts`` (:func:`events.selectors.event_counts`) and ``speakers`` spare queries when the
    caller has them.
    """
    source = page.get_source_page()
    url = page.get_full_url(request)
    online = bool(source.online_url)
    has_place = bool(page.venue or page.address)
    mode = "Mixed" if online and has_place else "Online" if online else "Offline"
    data = {
        "@context": "https://schema.org",
        "@type": "EducationEvent" if source.kind == "training" else "Event",
        "name": page.title,
        "startDate": source.start.isoformat(),
        "endDate": source.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "url": url,
        "inLanguage": page.locale.language_code,
    }
    description = " ".join(strip_tags(page.description).split())
    if description:
        data["description"] = description
    locations = []
    if has_place:
        locations.append(
            {
                "@type": "Place",
                "name": page.venue or page.address.splitlines()[0],
                "address": ", ".join(page.address_lines),
            }
        )
    if online:
        # The link itself goes to registrants only; the page is where to register.
        locations.append({"@type": "VirtualLocation", "url": url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    speakers = page.speakers() if speakers is None else speakers
    if speakers:
        data["performer"] = [{"@type": "Person", "name": s.name} for s in speakers]
    counts = counts or event_counts(event=source)
    if source.capacity is not None:
        data["maximumAttendeeCapacity"] = source.capacity
        data["remainingAttendeeCapacity"] = counts.seats_left
    if source.is_open:
        # Registration is free; a full event still takes people on its waiting list.
        data["offers"] = {
            "@type": "Offer",
            "url": url,
            "price": 0,
            "availability": "https://schema.org/LimitedAvailability"
            if counts.is_full
            else "https://schema.org/InStock",
            "validThrough": source.closing_time().isoformat(),
        }
    return jsonld_script(data)
