"""Volto blocks (Plone 6) into the same rich text and images as classic HTML.

Blocks are read in ``blocks_layout`` order and written as HTML the cleaner understands:
slate text with its links, headings, images (with their alignment) and teaser or button
links. A block type with no Wagtail counterpart is named in the report.
"""

from __future__ import annotations

from html import escape

# Blocks that say nothing of their own on a Wagtail page: the title is the page's title.
SILENT = {"title", "description", "toc", "listing", "search", "separator", "empty"}


def blocks_html(item: dict, warn) -> str:
    blocks = item.get("blocks") or {}
    layout = (item.get("blocks_layout") or {}).get("items") or list(blocks)
    out = []
    for block_id in layout:
        block = blocks.get(block_id)
        if not isinstance(block, dict):
            continue
        kind = block.get("@type", "")
        if kind == "slate":
            out.append(slate_html(block.get("value") or []))
        elif kind == "text":
            out.append(draft_html(block.get("text") or {}))
        elif kind == "heading":
            tag = block.get("tag") if block.get("tag") in ("h2", "h3", "h4") else "h2"
            out.append(f"<{tag}>{escape(str(block.get('heading') or ''))}</{tag}>")
        elif kind == "image":
            url = block.get("url") or ""
            if isinstance(url, list):
                url = (url[0] or {}).get("@id", "") if url else ""
            align = block.get("align") or ""
            alt = escape(str(block.get("alt") or ""), quote=True)
            out.append(
                f'<img src="{escape(str(url), quote=True)}" class="{escape(align)}" alt="{alt}"/>'
            )
        elif kind in ("teaser", "__button", "button"):
            href = block.get("href") or block.get("linkHref") or ""
            if isinstance(href, list):
                href = (href[0] or {}).get("@id", "") if href else ""
            title = block.get("title") or block.get("linkTitle") or href
            if href:
                out.append(
                    f'<p><a href="{escape(str(href), quote=True)}">{escape(str(title))}</a></p>'
                )
        elif kind in SILENT:
            continue
        else:
            warn(f"Volto block {kind!r} has no counterpart and was left out")
    return "".join(out)


SLATE_TAGS = {
    "p": "p",
    "h1": "h2",
    "h2": "h2",
    "h3": "h3",
    "h4": "h4",
    "h5": "h4",
    "h6": "h4",
    "ul": "ul",
    "ol": "ol",
    "li": "li",
    "blockquote": "blockquote",
    "strong": "b",
    "b": "b",
    "em": "i",
    "i": "i",
    "sub": "sub",
    "sup": "sup",
}


def slate_html(nodes) -> str:
    out = []
    for node in nodes or []:
        if not isinstance(node, dict):
            continue
        if "text" in node and "type" not in node:
            out.append(escape(str(node["text"])).replace("\n", "<br/>"))
            continue
        kind = node.get("type", "")
        inner = slate_html(node.get("children") or [])
        if kind == "link":
            data = node.get("data") or {}
            url = data.get("url") or data.get("href") or ""
            out.append(f'<a href="{escape(str(url), quote=True)}">{inner}</a>')
        elif kind in SLATE_TAGS:
            tag = SLATE_TAGS[kind]
            out.append(f"<{tag}>{inner}</{tag}>")
        else:
            out.append(inner)
    return "".join(out)


def draft_html(text: dict) -> str:
    """Old draft.js text blocks: their plain text, paragraph by paragraph."""
    return "".join(
        f"<p>{escape(str(block.get('text') or ''))}</p>"
        for block in text.get("blocks") or []
        if isinstance(block, dict) and block.get("text")
    )
