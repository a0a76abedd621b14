"""Images as a front-end shows them: a width set for ``srcset``, a fill, and alt text.

One representation for the API v2 image endpoint, page fields and StreamField blocks, so a
front-end writes one ``<img>`` for all of them. Rendition URLs are absolute (the site's base
URL): a front-end on another origin loads them as they are. All renditions of an image are
read (or made) in one query (``Image.get_renditions``).
"""

from __future__ import annotations

from rest_framework.fields import Field

# A 16:9 crop around the focal point, for cards and heroes.
FILL = "fill-1200x675"
# Widths for srcset; an image narrower than one is never enlarged.
WIDTHS = (480, 960, 1440)
SPECS = (FILL, *(f"width-{width}" for width in WIDTHS))


def _rendition(rendition) -> dict:
    return {"url": rendition.full_url, "width": rendition.width, "height": rendition.height}


def image_representation(image, *, alt: str | None = None) -> dict | None:
    """``{"id", "title", "alt", "src", "srcset", "width", "height", "fill"}`` or None.

    ``alt`` is the alternative text chosen where the image is used; without it the image's
    own description (else its title) speaks for it, as Wagtail's rich text does.
    """
    if image is None:
        return None
    renditions = image.get_renditions(*SPECS)
    widths: dict[int, str] = {}
    for width in WIDTHS:
        rendition = renditions[f"width-{width}"]
        widths.setdefault(rendition.width, rendition.full_url)
    middle = renditions[f"width-{WIDTHS[1]}"]
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text if alt is None else alt,
        "src": middle.full_url,
        "width": middle.width,
        "height": middle.height,
        "srcset": ", ".join(f"{url} {width}w" for width, url in sorted(widths.items())),
        "fill": _rendition(renditions[FILL]),
    }


class ResponsiveImageField(Field):
    """A DRF field for an image foreign key: :func:`image_representation` of it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, image):
        return image_representation(image)
