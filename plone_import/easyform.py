"""collective.easyform's ``fields_model`` XML -> form field specs (placeholder signature).

The full mapping lands separately; this keeps the importer's call working meanwhile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree  # noqa: S405  # nosec B405 - entities are refused before parsing

TYPES = {
    "TextLine": "singleline",
    "Text": "multiline",
    "Int": "number",
    "Float": "number",
    "URI": "singleline",
    "Bool": "checkbox",
    "Choice": "dropdown",
    "Set": "checkboxes",
    "Date": "date",
    "Datetime": "date",
    "NamedBlobFile": "file",
}


@dataclass
class FieldSpec:
    label: str
    clean_name: str
    field_type: str
    required: bool = False
    choices: list[str] = field(default_factory=list)
    default_value: str = ""
    help_text: str = ""
    name: str = ""


def _clean(name: str) -> str:
    value = re.sub(r"[^a-z0-9_]", "_", name.lower()).strip("_")[:64]
    return value if value[:1].isalpha() else f"field_{value}"[:64]


def form_fields_from_model(xml: str) -> tuple[list[FieldSpec], list[str]]:
    specs: list[FieldSpec] = []
    warnings: list[str] = []
    if not xml or not xml.strip():
        return specs, warnings
    if "<!DOCTYPE" in xml or "<!ENTITY" in xml:
        return specs, ["the form's model declares entities and was not read"]
    try:
        root = ElementTree.fromstring(xml)  # noqa: S314  # nosec B314 - entities refused above
    except ElementTree.ParseError as error:
        return specs, [f"the form's model is not valid XML: {error}"]
    for node in root.iter():
        if not node.tag.endswith("field"):
            continue
        kind = (node.get("type") or "").rsplit(".", 1)[-1]
        name = node.get("name") or ""
        label = ""
        required = True
        help_text = default = ""
        choices: list[str] = []
        widget = ""
        validators = ""
        for key, value in node.attrib.items():
            if key.endswith("validators"):
                validators = value
        for child in node:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "title":
                label = (child.text or "").strip()
            elif tag == "description":
                help_text = (child.text or "").strip()
            elif tag == "required":
                required = (child.text or "").strip().lower() == "true"
            elif tag == "default":
                default = (child.text or "").strip()
            elif tag in ("values", "value_type"):
                choices += [
                    (e.text or "").strip() for e in child.iter() if e.tag.endswith("element")
                ]
            elif tag == "widget":
                widget = child.get("type") or ""
        field_type = TYPES.get(kind)
        if field_type is None:
            warnings.append(f"field {name!r} ({kind}) has no counterpart and was left out")
            continue
        if kind == "TextLine" and "isValidEmail" in validators:
            field_type = "email"
        if kind == "Choice" and "Radio" in widget:
            field_type = "radio"
        specs.append(
            FieldSpec(
                label=label or name,
                clean_name=_clean(name),
                field_type=field_type,
                required=required,
                choices=choices,
                default_value=default,
                help_text=help_text,
                name=name,
            )
        )
    return specs, warnings
