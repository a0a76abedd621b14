"""/api/docs works offline: Swagger UI's scripts and styles come from the site itself."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

pytestmark = pytest.mark.django_db


def _asset_urls(html):
    soup = BeautifulSoup(html, "html.parser")
    urls = [tag["src"] for tag in soup.find_all("script", src=True)]
    urls += [tag["href"] for tag in soup.find_all("link", href=True)]
    return urls


def test_docs_page_loads_assets_from_this_host_only(client):
    response = client.get("/api/docs")

    assert response.status_code == 200
    urls = _asset_urls(response.content.decode())
    assert any(url.endswith(".js") for url in urls)
    assert any(url.endswith(".css") for url in urls)
    for url in urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, url
        assert url.startswith("/"), url
    assert not re.search(r"cdn\.|jsdelivr|unpkg", response.content.decode())


def test_docs_assets_are_files_the_site_serves(client):
    for url in _asset_urls(client.get("/api/docs").content.decode()):
        name = url.removeprefix(staticfiles_storage.base_url)
        assert finders.find(name), url
