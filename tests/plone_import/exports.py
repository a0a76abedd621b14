"""Small Plone exports the tests write themselves, in both formats.

One site (``/kvk`` on ``www.kvk.example``), multilingual (nl, fr, en language roots), with a
folder tree whose Plone order differs from the alphabet, a default page, news with a lead
image, an event, a file, an image, two links, an easyform with saved rows, translations,
redirects, a private page, Volto blocks and a broken item. ``write_collective`` and
``write_plone`` serialise the same items as collective.exportimport and plone.exportimport do.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path

from PIL import Image

HOST = "http://www.kvk.example"
SITE = "/kvk"


def uid(name: str) -> str:
    return (name.encode().hex() + "0" * 32)[:32]


def png_bytes(color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), color).save(buffer, format="PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n% the annual report\n%%EOF\n"
PNG = png_bytes()
OLD_ROW_MS = 1_546_300_800_000  # 2019-01-01: far past any retention period
NEW_ROW_MS = None  # filled with "now" when written

FIELDS_MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema"
 xmlns:easyform="http://namespaces.plone.org/supermodel/easyform"
 xmlns:form="http://namespaces.plone.org/supermodel/form">
  <schema>
    <field name="naam" type="zope.schema.TextLine"><title>Naam</title></field>
    <field name="email" type="zope.schema.TextLine" easyform:validators="isValidEmail">
      <title>E-mail</title></field>
    <field name="vraag" type="zope.schema.Text"><title>Uw vraag</title>
      <required>False</required></field>
    <field name="bijlage" type="plone.namedfile.field.NamedBlobFile"><title>Bijlage</title>
      <required>False</required></field>
  </schema>
</model>"""


def blob(filename: str, data: bytes, content_type: str = "application/pdf") -> dict:
    return {
        "filename": filename,
        "content-type": content_type,
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
    }


def items(now_ms: int) -> list[dict]:
    """The site's items as plone.restapi serialises them (collective.exportimport's shape)."""

    def item(path, kind, title, *, language="nl", parent=None, **extra):
        name = path.rsplit("/", 1)[-1]
        parent_path = path.rsplit("/", 1)[0]
        parent_kind = "Plone Site" if parent_path == "" else (parent or "Folder")
        return {
            "@id": f"{HOST}{SITE}{path}",
            "@type": kind,
            "UID": uid(path),
            "id": name,
            "title": title,
            "description": extra.pop("description", f"Over {title}"),
            "language": language,
            "review_state": extra.pop("review_state", "published"),
            "created": "2020-03-01T10:00:00+00:00",
            "modified": "2021-04-02T11:00:00",
            "effective": extra.pop("effective", "2020-03-01T10:00:00+00:00"),
            "parent": {
                "@id": f"{HOST}{SITE}{parent_path}",
                "@type": parent_kind,
                "UID": uid(parent_path) if parent_path else "",
            },
            **extra,
        }

    def html(data):
        return {"data": data, "content-type": "text/html", "encoding": "utf-8"}

    team_link = f"../resolveuid/{uid('/nl/over-ons/team')}"
    return [
        item("/nl", "LRF", "Nederlands", parent="Plone Site"),
        item("/fr", "LRF", "Français", language="fr"),
        item("/en", "LRF", "English", language="en"),
        item("/nl/over-ons", "Folder", "Over ons"),
        item(
            "/nl/over-ons/index_html",
            "Document",
            "Welkom bij de kamer",
            text=html(
                f'<p>Lees over <a href="{team_link}">ons team</a> en '
                f'<a href="{HOST}{SITE}/nl/nieuws/nieuw-bericht">het nieuws</a>.</p>'
                f'<p><img class="image-left" alt="Logo" src="resolveuid/{uid("/nl/bestanden/logo.png")}/@@images/image/preview"/></p>'
                f'<p>Het <a href="resolveuid/{uid("/nl/bestanden/jaarverslag.pdf")}">jaarverslag</a>, '
                f'een <a href="resolveuid/{"f" * 32}">verdwenen pagina</a> en '
                '<a href="https://www.example.org/">een andere site</a>.</p>'
                "<script>alert(1)</script>"
            ),
        ),
        item(
            "/nl/over-ons/team",
            "Document",
            "Ons team",
            text=html("<p>Het team.</p>"),
            subjects=["team"],
        ),
        item(
            "/nl/over-ons/geschiedenis",
            "Document",
            "Geschiedenis",
            text=html(
                "<h1>Sinds 1850</h1><p>Een lange geschiedenis.</p>"
                f'<p>Zie <a href="resolveuid/{uid("/nl/nieuws")}">het nieuws</a>.</p>'
            ),
            exclude_from_nav=True,
        ),
        item("/nl/nieuws", "Folder", "Nieuws"),
        item(
            "/nl/nieuws/nieuw-bericht",
            "News Item",
            "Nieuw bericht",
            text=html("<p>Het nieuws zelf.</p>"),
            image={
                "filename": "lead.png",
                "content-type": "image/png",
                "data": base64.b64encode(PNG).decode(),
                "encoding": "base64",
            },
            image_caption="De voorzitter",
            subjects=["nieuws", "leden"],
        ),
        item(
            "/nl/nieuws/ander-bericht",
            "News Item",
            "Ander bericht",
            text=html("<p>Nog meer nieuws.</p>"),
            # Exported "as download urls": nothing to read offline.
            image={
                "filename": "ander.png",
                "content-type": "image/png",
                "download": f"{HOST}{SITE}/nl/nieuws/ander-bericht/@@download/image/ander.png",
            },
        ),
        item(
            "/nl/nieuws/overzicht",
            "Collection",
            "Overzicht",
            query=[
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["News Item"],
                },
                {
                    "i": "path",
                    "o": "plone.app.querystring.operation.string.absolutePath",
                    "v": "/kvk/nl",
                },
                {
                    "i": "Creator",
                    "o": "plone.app.querystring.operation.string.currentUser",
                    "v": "",
                },
            ],
            sort_on="effective",
            sort_reversed=True,
        ),
        item("/nl/agenda", "Folder", "Agenda"),
        item(
            "/nl/agenda/jaarvergadering",
            "Event",
            "Jaarvergadering",
            text=html("<p>De jaarlijkse vergadering.</p>"),
            start="2030-05-01T18:00:00+00:00",
            end="2030-05-01T20:00:00+00:00",
            whole_day=False,
            open_end=False,
            location="Brussel",
            contact_name="Secretariaat",
            contact_email="info@kvk.example",
        ),
        item("/nl/bestanden", "Folder", "Bestanden"),
        item(
            "/nl/bestanden/jaarverslag.pdf",
            "File",
            "Jaarverslag",
            review_state=None,
            file={
                "filename": "jaarverslag.pdf",
                "content-type": "application/pdf",
                "data": base64.b64encode(PDF).decode(),
                "encoding": "base64",
            },
        ),
        item(
            "/nl/bestanden/weg.pdf",
            "File",
            "Weg",
            review_state=None,
            file={"filename": "weg.pdf", "content-type": "application/pdf", "blob_path": "0/weg"},
        ),
        item("/gedeeld", "LIF", "Gedeeld", language=""),
        item(
            "/nl/bestanden/logo.png",
            "Image",
            "Logo",
            review_state=None,
            image={
                "filename": "logo.png",
                "content-type": "image/png",
                "data": base64.b64encode(PNG).decode(),
                "encoding": "base64",
            },
        ),
        item(
            "/nl/intern",
            "Document",
            "Intern",
            review_state="private",
            text=html("<p>Nog niet klaar.</p>"),
        ),
        item(
            "/nl/actie",
            "Document",
            "Actie",
            text=html("<p>Binnenkort.</p>"),
            effective="2035-01-01T09:00:00+00:00",
            expires="2036-01-01T09:00:00+00:00",
        ),
        item("/nl/kvk-site", "Link", "De site", remoteUrl="https://www.kvk.example.org/"),
        item(
            "/nl/team-link",
            "Link",
            "Naar het team",
            remoteUrl=f"${{portal_url}}/resolveuid/{uid('/nl/over-ons/team')}",
        ),
        item(
            "/nl/contact",
            "EasyForm",
            "Contact",
            fields_model=FIELDS_MODEL,
            actions_model="<model/>",
            thanksdescription="Bedankt voor uw vraag.",
            savedDataStorage={
                "saved_data": {
                    str(OLD_ROW_MS): {
                        "naam": "Oud",
                        "email": "oud@example.org",
                        "vraag": "Oud?",
                        # Not what it says it is: refused as a visitor's upload would be.
                        "bijlage": blob("oud.pdf", b"MZ\x90\x00 a program"),
                        "id": OLD_ROW_MS,
                    },
                    str(now_ms): {
                        "naam": "Nieuw",
                        "email": "nieuw@example.org",
                        "vraag": "Nieuw?",
                        "bijlage": blob("offerte.pdf", PDF),
                        "id": now_ms,
                    },
                }
            },
        ),
        item("/nl/kapot", "Document", "Kapot", parent="Folder", text=html("<p>Kapot.</p>"))
        | {
            "parent": {"@id": f"{HOST}{SITE}/nl/weg", "@type": "Folder", "UID": uid("/nl/weg")},
            "@id": f"{HOST}{SITE}/nl/weg/kapot",
        },
        item("/nl/woordenlijst", "PloneGlossary", "Woordenlijst"),
        item("/fr/a-propos", "Folder", "À propos", language="fr"),
        item(
            "/fr/a-propos/equipe",
            "Document",
            "Notre équipe",
            language="fr",
            text=html("<p>L'équipe.</p>"),
        ),
        item("/en/about", "Folder", "About us", language="en"),
        item(
            "/en/about/team",
            "Document",
            "Our team",
            language="en",
            blocks={
                "b1": {"@type": "title"},
                "b2": {
                    "@type": "slate",
                    "value": [
                        {
                            "type": "p",
                            "children": [
                                {"text": "Meet "},
                                {
                                    "type": "link",
                                    "data": {"url": f"../resolveuid/{uid('/nl/over-ons/team')}"},
                                    "children": [{"text": "the team"}],
                                },
                            ],
                        }
                    ],
                },
                "b3": {
                    "@type": "image",
                    "url": f"../resolveuid/{uid('/nl/bestanden/logo.png')}",
                    "align": "right",
                    "alt": "Logo",
                },
            },
            blocks_layout={"items": ["b1", "b2", "b3"]},
        ),
    ]


TRANSLATIONS = [
    {"nl": "/nl", "fr": "/fr", "en": "/en"},
    {"nl": "/nl/over-ons", "fr": "/fr/a-propos", "en": "/en/about"},
    {"nl": "/nl/over-ons/team", "fr": "/fr/a-propos/equipe", "en": "/en/about/team"},
]
# Plone's order of the team folder: team first, although the alphabet says otherwise.
ORDERING = {"/nl/over-ons/team": 1, "/nl/over-ons/geschiedenis": 2, "/nl/over-ons/index_html": 0}
REDIRECTS = {"/nl/oud-adres": "/nl/over-ons/team"}
# Related items come in the relations file; links in a text (isReferencing) come with the
# text, and a relation field of another name has no counterpart.
RELATIONS = [
    ("/nl/over-ons/geschiedenis", "/nl/nieuws/nieuw-bericht", "relatedItems"),
    ("/nl/over-ons/geschiedenis", "/nl/bestanden/jaarverslag.pdf", "relatedItems"),
    ("/nl/over-ons/geschiedenis", "/nl/nieuws", "isReferencing"),
    ("/nl/over-ons/team", "/nl/agenda/jaarvergadering", "partners"),
]


def relations() -> list[dict]:
    return [
        {"from_uuid": uid(source), "to_uuid": uid(target), "relationship": name}
        for source, target, name in RELATIONS
    ]


MEMBERS = {
    "members": [{"username": "jan", "password": "{SSHA}abc"}, {"username": "piet"}],
    "groups": [],
}


def _dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def write_collective(target: Path, *, now_ms: int, layout: str = "list") -> Path:
    """collective.exportimport: ``kvk.json`` (one list) or one file per item, side files.

    Returns the path to hand the command: the folder, or the JSON file for a single list.
    """
    target.mkdir(parents=True, exist_ok=True)
    content = items(now_ms)
    if layout == "list":
        _dump(target / "kvk.json", content)
    else:
        for number, item in enumerate(content, start=1):
            _dump(target / "content" / f"{number}.json", item)
        (target / "content" / f"{len(content) + 1}.json").write_text(
            '{"@id": "broken', encoding="utf-8"
        )
    _dump(
        target / "export_translations.json",
        [{lang: uid(path) for lang, path in group.items()} for group in TRANSLATIONS],
    )
    _dump(
        target / "export_redirects.json",
        {f"{SITE}{old}": f"{SITE}{new}" for old, new in REDIRECTS.items()},
    )
    _dump(
        target / "export_defaultpages.json",
        [
            {
                "uuid": uid("/nl/over-ons"),
                "default_page": "index_html",
                "default_page_uuid": uid("/nl/over-ons/index_html"),
            }
        ],
    )
    _dump(
        target / "export_ordering.json", [{"uuid": uid(p), "order": o} for p, o in ORDERING.items()]
    )
    _dump(target / "export_members.json", MEMBERS)
    _dump(target / "export_relations.json", relations())
    return target / "kvk.json" if layout == "list" else target


def _plone_item(item: dict) -> tuple[dict, dict[str, bytes]]:
    """An item as plone.exportimport writes it: paths without the site, no parent, blobs
    as files, the default language as a placeholder."""
    item = json.loads(json.dumps(item))
    item.pop("parent", None)
    item["@id"] = item["@id"].replace(f"{HOST}{SITE}", "") or "/"
    if item["language"] == "nl":
        item["language"] = "##DEFAULT##"
    blobs = {}
    for field in ("file", "image"):
        spec = item.get(field)
        if isinstance(spec, dict) and "data" in spec:
            data = base64.b64decode(spec.pop("data"))
            spec.pop("encoding")
            spec["blob_path"] = f"{item['UID']}/{field}/{spec['filename']}"
            blobs[spec["blob_path"]] = data
    text = json.dumps(item).replace(f"{HOST}{SITE}", "")
    return json.loads(text), blobs


def write_plone(target: Path, *, now_ms: int, as_zip: bool = False) -> Path:
    """plone.exportimport: ``content/<UID>/data.json``, blobs beside them, metadata."""
    files: dict[str, bytes] = {}
    data_files = []
    root = {
        "@id": "/",
        "@type": "Plone Site",
        "UID": "plone_site_root",
        "id": "kvk",
        "title": "KVK",
        "language": "##DEFAULT##",
    }
    for item in [root, *items(now_ms)]:
        serialised, blobs = _plone_item(item) if item is not root else (root, {})
        name = f"{serialised['UID']}/data.json"
        files[f"content/{name}"] = json.dumps(serialised).encode()
        data_files.append(name)
        for blob_path, data in blobs.items():
            files[f"content/{blob_path}"] = data
    files["content/broken/data.json"] = b'{"@id": "/nl/broken", '
    data_files.append("broken/data.json")
    files["content/__metadata__.json"] = json.dumps(
        {
            "default_page": {
                uid("/nl/over-ons"): {
                    "default_page": "index_html",
                    "default_page_uuid": uid("/nl/over-ons/index_html"),
                }
            },
            "ordering": {uid(p): o for p, o in ORDERING.items()},
            "local_roles": {},
            "_data_files_": data_files,
            "_blob_files_": [],
        }
    ).encode()
    files["translations.json"] = json.dumps(
        [
            {
                "canonical": uid(group["nl"]),
                "translations": {lang: uid(p) for lang, p in group.items() if lang != "nl"},
            }
            for group in TRANSLATIONS
        ]
    ).encode()
    files["redirects.json"] = json.dumps(REDIRECTS).encode()
    files["principals.json"] = json.dumps(MEMBERS).encode()
    files["relations.json"] = json.dumps(relations()).encode()
    if as_zip:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w") as archive:
            for name, data in files.items():
                archive.writestr(f"export/{name}", data)
        return target
    for name, data in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return target
