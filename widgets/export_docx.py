"""The case report as a Word file (python-docx): what stations pass around and edit before filing.

Same words and order as the PDF (`widgets.case_report`): title, summary table, snapshot, course of the
incident, the map with its legend, then the evidence appendix grouped by device with snapshot thumbnails.
The station header and "page n of m" are Word fields in the header and footer, so they stay right when the
station edits the document.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from sandbox_app.domain.model import District
from sandbox_app.replay.casefile import CaseFile
from sandbox_app.store.queries import Db
from widgets.case_report import Report, Table, case_report

FONT = "Noto Sans CJK SC"


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in `paragraph`: Word fills it in when it lays the document out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == "1":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        run._r.append(el)


def _table(doc: Any, table: Table, widths_cm: list[float]) -> None:
    from docx.shared import Cm, Pt

    doc.add_heading(table.title, level=2)
    t = doc.add_table(rows=1, cols=len(table.header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, table.header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in table.rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for row in t.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(9)
    for path, caption in table.pictures:
        if Path(path).is_file():
            doc.add_picture(path, height=Cm(3.5))
            doc.add_paragraph(caption)


def write_case_docx(
    db: Db, district: District, case: CaseFile, out: Path, *, include_all: bool = False
) -> Report:
    """Write the Word file; returns the report it holds (for the caller's summary)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    from widgets.export_pdf import map_snapshot
    from widgets.headless import ensure_gui_app

    ensure_gui_app()
    report = case_report(district, case, include_all=include_all)
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(1.8)
    section.header.paragraphs[0].text = report.station
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, rest = QCoreApplication.translate("CasePdf", "Page {0} of {1}").partition("{0}")
    middle, _, after = rest.partition("{1}")
    footer.add_run(before)
    _field(footer, "PAGE")
    footer.add_run(middle)
    _field(footer, "NUMPAGES")
    footer.add_run(after)
    doc.core_properties.title = report.title
    doc.add_heading(report.title, level=1)
    summary = Table(
        QCoreApplication.translate("CasePdf", "Summary"),
        [QCoreApplication.translate("CasePdf", "Item"), QCoreApplication.translate("CasePdf", "Details")],
        [[k, v] for k, v in report.facts],
    )
    _table(doc, summary, [4, 13.4])
    if report.snapshot and Path(report.snapshot).is_file():
        doc.add_heading(QCoreApplication.translate("CasePdf", "Camera snapshot at the alert"), level=2)
        doc.add_picture(report.snapshot, height=Cm(5))
    _table(doc, report.course, [4, 5, 3, 5.4])
    image, legend = map_snapshot(db, district, case, (1600, 1100))
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "map.png"
        image.save(str(png))
        doc.add_heading(QCoreApplication.translate("CasePdf", "Map at the time of the alert"), level=2)
        doc.add_picture(str(png), width=Cm(17))
    for label, _ in legend:
        doc.add_paragraph("■ " + label)
    doc.add_page_break()  # type: ignore[no-untyped-call]
    doc.add_heading(QCoreApplication.translate("CasePdf", "Evidence appendix"), level=1)
    if report.left_out:
        doc.add_paragraph(
            QCoreApplication.translate(
                "CasePdf", "{0} heartbeats and routine position fixes are not listed (--all includes them)."
            ).format(report.left_out)
        )
    if not report.appendix:
        doc.add_paragraph(
            QCoreApplication.translate("CasePdf", "No device records near the incident in the case window.")
        )
    for table in report.appendix:
        _table(doc, table, [4, 3.5, 9.9])
    doc.add_paragraph(QCoreApplication.translate("CasePdf", "System record: {0}").format(report.record))
    doc.save(str(out))
    return report
