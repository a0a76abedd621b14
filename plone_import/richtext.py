"""Plone HTML into Wagtail's stored rich text: clean tags, internal links by id, images apart.

The result is a list of pieces: rich text (``<p>``, headings, lists, links as
``<a linktype="page" id="…">``) and images, which a StreamField stores as image blocks and a
rich text field as ``<embed embedtype="image">``. Every link to the old site either
resolves to what its target became or is unwrapped to its text and reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .links import Addresses, Target

# Wagtail's stored rich text vocabulary; anything else is unwrapped to its content.
BLOCK_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote"}
INLINE_TAGS = {"b", "i", "a", "br", "sub", "sup"}
RENAME = {"strong": "b", "em": "i", "h1": "h2", "h5": "h4", "h6": "h4", "div": "p"}
DROP = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "noscript"}
# Plone's TinyMCE classes and Volto alignments -> Wagtail's registered image formats.
IMAGE_FORMATS = {
    "image-left": "left",
    "image-right": "right",
    "left": "left",
    "right": "right",
    "image-inline": "fullwidth",
    "center": "fullwidth",
    "image-richtext": "fullwidth",
}


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a Plone target became: a page, document or image (by id), or an address."""

    kind: str  # "page" | "document" | "image" | "url"
    id: int | None = None
    url: str = ""


Resolver = Callable[[Target], Resolved | None]


@dataclass(slots=True)
class ImagePiece:
    image_id: int
    alt: str = ""
    format: str = "fullwidth"
    caption: str = ""


@dataclass(slots=True)
class Converted:
    """Rich text and images in reading order; the addresses that could not be resolved."""

    pieces: list[str | ImagePiece] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    def add_html(self, html: str) -> None:
        if not html.strip():
            return
        if self.pieces and isinstance(self.pieces[-1], str):
            self.pieces[-1] += html
        else:
            self.pieces.append(html)

    def as_rich_text(self) -> str:
        """Everything as one rich text value, images embedded in it."""
        out = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
            else:
                alt = _attr(piece.alt)
                out.append(
                    f'<embed embedtype="image" id="{piece.image_id}" format="{piece.format}" alt="{alt}"/>'
                )
        return "".join(out)


def _attr(value: str) -> str:
    return (
        value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def image_format(classes: list[str] | str | None) -> str:
    if isinstance(classes, str):
        classes = classes.split()
    for name in classes or []:
        if name in IMAGE_FORMATS:
            return IMAGE_FORMATS[name]
    return "fullwidth"


class HtmlCleaner:
    """Cleans one item's HTML; ``resolve`` says what a target became."""

    def __init__(self, *, addresses: Addresses, resolve: Resolver, base: str):
        self.addresses = addresses
        self.resolve = resolve
        self.base = base

    def convert(self, html: str) -> Converted:
        result = Converted()
        if not html or not html.strip():
            return result
        soup = BeautifulSoup(html, "html.parser")
        for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
            comment.extract()
        for tag in soup.find_all(DROP):
            tag.decompose()
        self._walk_top(soup, result)
        return result

    # Top level: block elements become pieces; images inside them are lifted out.
    def _walk_top(self, soup, result: Converted) -> None:
        loose: list = []
        for node in list(soup.children):
            if isinstance(node, NavigableString) or (
                isinstance(node, Tag)
                and node.name
                not in BLOCK_TAGS
                | set(RENAME)
                | {"img", "table", "figure", "section", "article", "dl", "pre", "hr"}
            ):
                loose.append(node)
                continue
            self._flush_loose(loose, result)
            loose = []
            self._block(node, result)
        self._flush_loose(loose, result)

    def _flush_loose(self, nodes: list, result: Converted) -> None:
        if not nodes:
            return
        wrapper = BeautifulSoup("<p></p>", "html.parser").p
        for node in nodes:
            wrapper.append(node.extract() if isinstance(node, Tag) else NavigableString(str(node)))
        if wrapper.get_text(strip=True) or wrapper.find("img"):
            self._block(wrapper, result)

    def _block(self, node: Tag, result: Converted) -> None:
        name = RENAME.get(node.name, node.name)
        if name in ("section", "article") or (
            node.name == "div"
            and node.find(["p", "h1", "h2", "h3", "h4", "ul", "ol", "table", "img", "div"])
        ):
            for child in list(node.children):
                if isinstance(child, Tag):
                    self._block(child, result)
                elif str(child).strip():
                    result.add_html(f"<p>{_escape(str(child).strip())}</p>")
            return
        if name == "img":
            self._image(node, result)
            return
        if name == "figure":
            img = node.find("img")
            caption = node.find("figcaption")
            if img is not None:
                self._image(
                    img, result, caption=caption.get_text(" ", strip=True) if caption else ""
                )
            return
        if name == "hr":
            return
        if name in ("table", "dl", "pre"):
            # No tables in the editor's vocabulary: each row (or line) becomes a paragraph.
            rows = node.find_all("tr") or [node]
            for row in rows:
                cells = [
                    cell.get_text(" ", strip=True)
                    for cell in row.find_all(["td", "th", "dt", "dd"])
                ]
                text = " | ".join(cell for cell in cells if cell) or row.get_text(" ", strip=True)
                if text:
                    result.add_html(f"<p>{_escape(text)}</p>")
            return
        # Images inside a paragraph are lifted out after the text around them.
        images = node.find_all("img")
        for img in images:
            img.extract()
        inner = self._inline_children(
            node, result, allow_blocks=name in ("ul", "ol", "li", "blockquote")
        )
        if name == "blockquote":
            name = "p"
        if inner.strip() and (name in ("ul", "ol") or _text_of(inner)):
            result.add_html(f"<{name}>{inner}</{name}>")
        for img in images:
            self._image(img, result)

    def _inline_children(self, node: Tag, result: Converted, *, allow_blocks: bool) -> str:
        out = []
        for child in node.children:
            if isinstance(child, NavigableString):
                out.append(_escape(str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            name = RENAME.get(child.name, child.name)
            if name == "a":
                out.append(self._link(child, result))
            elif name == "br":
                out.append("<br/>")
            elif name in INLINE_TAGS or (allow_blocks and name in ("ul", "ol", "li")):
                inner = self._inline_children(child, result, allow_blocks=allow_blocks)
                if inner.strip() or name in ("li",):
                    out.append(f"<{name}>{inner}</{name}>")
            elif name in ("p", "h2", "h3", "h4") and allow_blocks:
                out.append(self._inline_children(child, result, allow_blocks=allow_blocks))
            else:
                out.append(self._inline_children(child, result, allow_blocks=allow_blocks))
        return "".join(out)

    def _link(self, tag: Tag, result: Converted) -> str:
        inner = self._inline_children(tag, result, allow_blocks=False)
        href = str(tag.get("href") or "").strip()
        if not href:
            return inner
        target = self.addresses.target(href, base=self.base)
        if target is None:
            if href.startswith(("http://", "https://", "mailto:", "tel:")):
                return f'<a href="{_attr(href)}">{inner}</a>'
            return inner  # javascript:, anchors to nowhere: the text stays
        resolved = self.resolve(target)
        if resolved is None:
            result.unresolved.append(href)
            return inner
        if resolved.kind in ("page", "document") and resolved.id:
            return f'<a linktype="{resolved.kind}" id="{resolved.id}">{inner}</a>'
        if resolved.kind == "image" and resolved.id:
            # Wagtail links to documents, not images: an image link keeps its file's address.
            return f'<a href="{_attr(resolved.url)}">{inner}</a>' if resolved.url else inner
        if resolved.url:
            return f'<a href="{_attr(resolved.url)}">{inner}</a>'
        result.unresolved.append(href)
        return inner

    def _image(self, img: Tag, result: Converted, caption: str = "") -> None:
        src = str(img.get("src") or "").strip()
        target = self.addresses.target(src, base=self.base) if src else None
        if target is None:
            if src and not src.startswith("data:"):
                # An image from another host is not loaded by this site (its CSP refuses it).
                result.unresolved.append(src)
            return
        resolved = self.resolve(target)
        if resolved is None or resolved.kind != "image" or not resolved.id:
            result.unresolved.append(src)
            return
        result.pieces.append(
            ImagePiece(
                image_id=resolved.id,
                alt=str(img.get("alt") or ""),
                format=image_format(img.get("class")),
                caption=caption,
            )
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_of(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text(strip=True)
