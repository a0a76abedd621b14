"""collective.easyform's ``fields_model`` as questions of the forms plugin's form builder.

An easyform (and a PloneFormGen form exported in its shape) keeps its questions as a
plone.supermodel XML schema: ``<model><schema><field name=... type="zope.schema.TextLine">``
with ``<title>``, ``<description>``, ``<required>``, ``<default>``, choices as
``<values><element>``, widgets as ``<form:widget type=...>``, fieldsets as ``<fieldset>``,
and easyform's own attributes (``easyform:validators``, ``easyform:TDefault``, …).

This module only reads: :func:`form_fields_from_model` turns the XML into
:class:`FieldSpec` values and a list of warnings, and writes nothing, so the importer decides
what to store and a dry run can show the same warnings. Whatever has no counterpart in the
form builder (labels, captchas, TALES expressions run by Plone, unknown types) is left out
and said in a warning, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from forms.constants import RESERVED_KEYS, FieldType

if TYPE_CHECKING:
    # The type's name only: every parse goes through defusedxml.
    from xml.etree.ElementTree import Element  # nosec B405

SUPERMODEL = "{http://namespaces.plone.org/supermodel/schema}"
EASYFORM = "{http://namespaces.plone.org/supermodel/easyform}"
FORM = "{http://namespaces.plone.org/supermodel/form}"

# easyform's Python expressions, evaluated by Plone for each visitor: nothing runs them here.
TALES_ATTRIBUTES = ("TDefault", "TValidator", "TEnabled")
EMAIL_VALIDATORS = frozenset({"isValidEmail", "isEmail"})
PHONE_VALIDATORS = frozenset({"isInternationalPhoneNumber", "isUSPhoneNumber"})
MAX_KEY = 64


class FormModelError(ValueError):
    """The form's model cannot be read at all (not XML, or XML with entities)."""


@dataclass
class FieldSpec:
    """One question as the form builder's field model stores it.

    ``field_type`` is a :class:`forms.constants.FieldType` value; ``clean_name`` a valid,
    unique key for the form. ``name`` is the field's name in Plone, under which its saved
    rows hold the answers; ``choice_values`` maps a stored answer to its choice label where
    Plone stored a token other than the label.
    """

    label: str
    clean_name: str
    field_type: str
    required: bool = True
    choices: list[str] = field(default_factory=list)
    default_value: str = ""
    help_text: str = ""
    name: str = ""
    fieldset: str = ""
    choice_values: dict[str, str] = field(default_factory=dict)


def form_fields_from_model(xml: str) -> tuple[list[FieldSpec], list[str]]:
    """The questions of an easyform ``fields_model``, in form order, and what was left out.

    An empty model gives no questions. Raises :class:`FormModelError` when the text is not
    a readable XML document, so the importer reports the form as a bad item.
    """
    if not xml or not xml.strip():
        return [], []
    root = _parse(xml)
    specs: list[FieldSpec] = []
    warnings: list[str] = []
    taken: set[str] = set()
    for node, fieldset in _fields_in_order(root, warnings):
        spec = _field_spec(node, fieldset=fieldset, warnings=warnings)
        if spec is not None:
            spec.clean_name = _unique_key(spec.name, taken)
            taken.add(spec.clean_name)
            specs.append(spec)
    return specs, warnings


def _parse(xml: str) -> Element:
    # The export comes from elsewhere: defusedxml refuses entity declarations (billion
    # laughs, external entities) instead of expanding them.
    try:
        return fromstring(xml.encode() if isinstance(xml, str) else xml)
    except DefusedXmlException as error:
        raise FormModelError(f"the form's model declares entities, refused: {error}") from error
    except ParseError as error:
        raise FormModelError(f"the form's model is not valid XML: {error}") from error


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _fields_in_order(root: Element, warnings: list[str]):
    """``(field node, fieldset label)`` for every field, fieldsets flattened in place."""
    schemas = [node for node in root.iter() if _local(node.tag) == "schema"] or [root]
    for schema in schemas[:1]:
        for child in schema:
            kind = _local(child.tag)
            if kind == "field":
                yield child, ""
            elif kind == "fieldset":
                label = child.get("label") or child.get("name") or ""
                warnings.append(
                    f"fieldset {label!r}: the form builder has no fieldsets; its fields "
                    "follow in order"
                )
                for node in child:
                    if _local(node.tag) == "field":
                        yield node, label
    if len(schemas) > 1:
        warnings.append("the form's model has more than one schema; only the first was read")


def _text(node: Element, tag: str) -> str:
    for child in node:
        if _local(child.tag) == tag:
            return " ".join((child.text or "").split())
    return ""


def _child(node: Element, tag: str) -> Element | None:
    return next((child for child in node if _local(child.tag) == tag), None)


def _elements(node: Element | None) -> list[tuple[str, str]]:
    """``(stored value, label)`` of each ``<element>``: ``key=`` when given, else the text."""
    if node is None:
        return []
    out = []
    for element in node:
        if _local(element.tag) == "element":
            label = (element.text or "").strip()
            out.append((element.get("key", label), label))
    return out


def _field_spec(node: Element, *, fieldset: str, warnings: list[str]) -> FieldSpec | None:
    name = node.get("name") or ""
    kind = (node.get("type") or "").rsplit(".", 1)[-1]
    label = _text(node, "title") or name
    where = f"field {label!r} ({name})"
    validators = [v for v in (node.get(f"{EASYFORM}validators") or "").split("|") if v]
    widget = _child(node, "widget")
    widget_type = (widget.get("type") or "") if widget is not None else ""

    for attribute in TALES_ATTRIBUTES:
        expression = node.get(f"{EASYFORM}{attribute}")
        if expression:
            warnings.append(
                f"{where}: the TALES expression {attribute} ({expression}) is Plone's to run "
                "and was left out"
            )
    if (node.get(f"{EASYFORM}serverSide") or "").lower() == "true":
        warnings.append(f"{where}: a server-side variable, never asked of visitors; left out")
        return None
    if node.get(f"{EASYFORM}depends_on"):
        warnings.append(f"{where}: shown on a condition in Plone; the form always shows it")

    field_type = _field_type(kind, node, validators, widget_type, where, warnings)
    if field_type is None:
        return None
    spec = FieldSpec(
        label=label,
        clean_name="",
        field_type=field_type,
        required=_text(node, "required").lower() != "false",
        help_text=_text(node, "description"),
        name=name,
        fieldset=fieldset,
    )
    if (node.get(f"{EASYFORM}THidden") or "").lower() == "true":
        spec.field_type = FieldType.HIDDEN
    _choices_fill(spec, node, kind, where, warnings)
    _default_fill(spec, node, kind)
    _validators_apply(spec, validators, where, warnings)
    return spec


def _field_type(kind, node, validators, widget_type, where, warnings) -> str | None:
    """The builder's type for a zope.schema type, or None (and a warning) when there is none."""
    if kind in ("Label", "RichLabel"):
        text = _text(node, "rich_label") if kind == "RichLabel" else ""
        shown = f": {_strip_tags(text)[:120]!r}" if text else ""
        warnings.append(
            f"{where}: a {'rich ' if kind == 'RichLabel' else ''}label (text between the "
            f"questions) has no counterpart in the form builder; put it in the form's "
            f"introduction{shown}"
        )
        return None
    if kind in ("ReCaptcha", "HCaptcha", "NorobotCaptcha"):
        warnings.append(f"{where}: a captcha; the form page's own spam protection applies")
        return None
    if kind in ("TextLine", "ASCIILine", "Email"):
        if kind == "Email" or EMAIL_VALIDATORS.intersection(validators):
            return FieldType.EMAIL
        if PHONE_VALIDATORS.intersection(validators):
            return FieldType.PHONE
        return FieldType.SINGLELINE
    if kind in ("Text", "ASCII"):
        return FieldType.MULTILINE
    if kind == "RichText":
        warnings.append(f"{where}: rich text in Plone, plain text in the form")
        return FieldType.MULTILINE
    if kind in ("Int", "Float", "Decimal"):
        return FieldType.NUMBER
    if kind == "URI":
        warnings.append(
            f"{where}: a web address in Plone; the form builder has no address type, so it "
            "is asked as a line of text"
        )
        return FieldType.SINGLELINE
    if kind == "Bool":
        return FieldType.CHECKBOX
    if kind == "Choice":
        return FieldType.RADIO if "Radio" in widget_type else FieldType.DROPDOWN
    if kind in ("Set", "List", "Tuple", "FrozenSet"):
        value_type = _child(node, "value_type")
        if value_type is not None and value_type.get("type", "").endswith("Choice"):
            return FieldType.CHECKBOXES
        warnings.append(f"{where}: a list of free answers in Plone; asked as multi-line text")
        return FieldType.MULTILINE
    if kind == "Date":
        return FieldType.DATE
    if kind == "Datetime":
        warnings.append(f"{where}: a date and time in Plone; the form asks for the date only")
        return FieldType.DATE
    if kind in ("NamedFile", "NamedBlobFile", "NamedImage", "NamedBlobImage"):
        return FieldType.FILE
    warnings.append(f"{where}: the type {node.get('type')!r} has no counterpart; left out")
    return None


def _choices_fill(spec: FieldSpec, node: Element, kind: str, where: str, warnings) -> None:
    if spec.field_type not in (FieldType.DROPDOWN, FieldType.RADIO, FieldType.CHECKBOXES):
        return
    source = node if kind == "Choice" else _child(node, "value_type")
    pairs = _elements(_child(source, "values")) if source is not None else []
    spec.choices = [label for _value, label in pairs]
    spec.choice_values = {value: label for value, label in pairs if value != label}
    if not pairs:
        vocabulary = (
            (source.get("vocabulary") or _text(source, "vocabulary")) if source is not None else ""
        )
        named = f" {vocabulary!r}" if vocabulary else ""
        warnings.append(
            f"{where}: its choices come from the Plone vocabulary{named}; add them by hand"
        )


def _default_fill(spec: FieldSpec, node: Element, kind: str) -> None:
    default = _child(node, "default")
    if default is None:
        return
    if spec.field_type == FieldType.CHECKBOXES:
        values = [label for _value, label in _elements(default)]
        spec.default_value = "\n".join(spec.choice_values.get(v, v) for v in values)
    elif spec.field_type == FieldType.CHECKBOX:
        # Wagtail ticks a checkbox for any non-empty default, "False" included.
        spec.default_value = "on" if (default.text or "").strip().lower() == "true" else ""
    else:
        value = (default.text or "").strip()
        spec.default_value = spec.choice_values.get(value, value)


def _validators_apply(spec: FieldSpec, validators: list[str], where: str, warnings) -> None:
    for validator in validators:
        if validator in EMAIL_VALIDATORS and spec.field_type == FieldType.EMAIL:
            continue
        if validator in PHONE_VALIDATORS and spec.field_type == FieldType.PHONE:
            continue
        if validator == "isChecked" and spec.field_type == FieldType.CHECKBOX:
            spec.required = True
            continue
        warnings.append(f"{where}: the validator {validator!r} has no counterpart; left out")


def _unique_key(name: str, taken: set[str]) -> str:
    """A key the form builder accepts: lower-case, starting with a letter, not reserved."""
    key = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_")[:MAX_KEY]
    if not key[:1].isalpha() or key in RESERVED_KEYS:
        key = f"field_{key}".rstrip("_")[:MAX_KEY]
    candidate, number = key, 2
    while candidate in taken:
        suffix = f"_{number}"
        candidate, number = key[: MAX_KEY - len(suffix)] + suffix, number + 1
    return candidate


def _strip_tags(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
