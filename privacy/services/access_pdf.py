"""The readable access answer as a PDF, from the same report as its HTML page (reportlab)."""

from __future__ import annotations

import io
from functools import partial
from html import escape as html_escape

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from .access_report import AccessReport

try:  # the ``pdf`` extra
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
except ImportError:  # pragma: no cover - the answer then holds its HTML page alone
    SimpleDocTemplate = None

# reportlab's paragraph markup needs only &, < and > escaped (the standard library's html
# module does it without pulling in an XML parser).
escape = partial(html_escape, quote=False)


def access_report_pdf(*, report: AccessReport) -> bytes:
    """``report`` as an A4 PDF; raises ImportError without reportlab (the ``pdf`` extra)."""
    if SimpleDocTemplate is None:
        raise ImportError("reportlab is not installed: install chamber-website[pdf].")

    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["Normal"]

    def para(text, style=body):
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)

    with translation.override(report.language):
        title = _("The data we hold about you")
        story = [
            Paragraph(escape(title), styles["Title"]),
            para(
                _("For %(email)s, from %(controller)s, on %(when)s.")
                % {
                    "email": report.email,
                    "controller": report.controller,
                    "when": report.generated_at,
                }
            ),
        ]
        for section in report.sections:
            story.append(Paragraph(escape(section.name), styles["Heading2"]))
            for label, value in (
                (_("Why"), section.why),
                (_("Legal basis"), section.basis),
                (_("How long"), section.retention),
                (_("Recipients"), section.recipients),
            ):
                if value:
                    story.append(para(f"{label}: {value}"))
            for item in section.items:
                story.append(Paragraph(escape(item.source), styles["Heading3"]))
                dates = "; ".join(
                    part
                    for part in (
                        f"{_('Since')} {item.since}" if item.since else "",
                        f"{_('until')} {item.until}" if item.until else "",
                    )
                    if part
                )
                story.append(para(f"{dates}. {_('Source: what you sent us.')}".lstrip(". ")))
                if item.values:
                    story.append(
                        Table(
                            [
                                [para(label, small), para(value, small)]
                                for label, value in item.values
                            ],
                            colWidths=[140, 330],
                        )
                    )
        if not report.sections:
            story.append(para(_("We hold no data about you besides your request.")))
        story.append(Paragraph(escape(_("Who saw your data")), styles["Heading2"]))
        if report.accesses:
            for access in report.accesses:
                when = formats.date_format(timezone.localtime(access.at), "DATETIME_FORMAT")
                story.append(para(f"{when}: {access.who}, {access.what}"))
        else:
            story.append(
                para(
                    _(
                        "Nobody but the people handling it, as listed under each purpose, "
                        "had access to your data."
                    )
                )
            )
        story.append(Paragraph(escape(_("Your rights")), styles["Heading2"]))
        story.append(para(_("You may ask us at any time:")))
        story.extend(para(f"• {right}") for right in report.rights)
        story.append(para(_("We make no decision about you based solely on automated processing.")))
        complaint = _(
            "If you think we do not respect your rights, you may complain to the data "
            "protection authority of the country where you live or work."
        )
        if report.policy_url:
            complaint = f"{complaint} {_('Our privacy policy names them:')} {report.policy_url}"
        story.append(para(complaint))
        story.append(Spacer(1, 12))
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=A4, title=title).build(story)
    return buffer.getvalue()
