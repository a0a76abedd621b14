"""The one JSON-LD helper: what an editor types cannot end the script element or open a comment."""

import json

from bs4 import BeautifulSoup

from privacy.jsonld import jsonld_script


def test_a_value_holding_markup_stays_inside_the_script_element():
    data = {"@type": "Event", "name": "</script><script>alert(1)</script><!-- & -->"}

    html = jsonld_script(data)

    assert "</script><script>" not in html and "<!--" not in html
    soup = BeautifulSoup(f"<head>{html}</head>", "html.parser")
    [script] = soup.select('script[type="application/ld+json"]')
    assert json.loads(script.string) == data
