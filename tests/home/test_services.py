"""Cached page content is retired when the images and documents it shows change."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail_factories import DocumentFactory, ImageFactory


def png(name: str, colour: str) -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 800), colour).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


def hero_src(client) -> str | None:
    html = client.get("/nl/").content.decode()
    match = re.search(r'<img [^>]*src="([^"]+)"', html)
    return match and match[1]


@pytest.fixture
def home_with_hero(site_tree):
    home = site_tree.home["nl"]
    home.hero_image = ImageFactory(title="Haven", file=png("haven.png", "blue"))
    home.save_revision().publish()
    return home


def test_replaced_image_file_shows_at_once(client, home_with_hero):
    image = home_with_hero.hero_image
    before = hero_src(client)
    assert "haven" in before

    # What the admin's image edit view does when a new file is uploaded.
    image.file = png("nieuwe-haven.png", "green")
    image.renditions.all().delete()
    image.save()

    after = hero_src(client)
    assert "nieuwe-haven" in after


def test_deleted_image_leaves_the_page(client, home_with_hero):
    assert hero_src(client)

    home_with_hero.hero_image.delete()

    assert hero_src(client) is None


def test_deleted_renditions_are_made_again_when_the_page_is_next_viewed(client, home_with_hero):
    image = home_with_hero.hero_image
    hero_src(client)
    # One per size and format of the hero's srcset (WebP and JPEG).
    made = image.renditions.count()
    image.renditions.all().delete()

    assert hero_src(client)
    # The page rendered again instead of pointing at the renditions that are gone.
    assert made > 1
    assert image.renditions.count() == made


def test_replaced_document_file_is_linked_at_once(client, site_tree):
    document = DocumentFactory(title="Jaarverslag", file=ContentFile(b"v1", name="jaarverslag.pdf"))
    home = site_tree.home["nl"]
    home.intro = f'<p><a linktype="document" id="{document.pk}">Jaarverslag</a></p>'
    home.save_revision().publish()
    assert f"/documents/{document.pk}/jaarverslag.pdf" in client.get("/nl/").content.decode()

    document.file = ContentFile(b"v2", name="jaarverslag-2026.pdf")
    document.save()

    html = client.get("/nl/").content.decode()
    assert f"/documents/{document.pk}/jaarverslag-2026.pdf" in html
