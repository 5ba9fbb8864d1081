"""The dossier as PDF, with fpdf2 (pure Python) and the bundled DejaVu fonts.

fpdf2 needs no system library at run time, and DejaVu Sans has every letter of the European
languages the owner and the senders write in (ł, ø, ß, ő...). The fonts are subset into the
file, so a dossier stays a few dozen kilobytes. The facts JSON the dossier's hash covers is
attached to the PDF, so a reader can check the hash from the PDF alone."""
from __future__ import annotations

import re
from datetime import datetime
from importlib.resources import as_file, files

from fpdf import FPDF
from fpdf.enums import WrapMode, XPos, YPos

from nejtak.bot.dossier.view import FACTS_FILE, Document

INK, GREY, RULE = (29, 33, 37), (85, 90, 96), (200, 204, 208)
BANDS = {"in": (236, 238, 240), "out": (226, 241, 231), "block": (250, 228, 226)}
LABEL_W = 50  # mm, the label column of the summary and of each timeline entry
_HEX = re.compile(r"^[0-9a-f]{64}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text the font can draw: no control or direction characters, tabs as spaces."""
    return _CONTROL.sub("", text.replace("\t", "    ").replace("\r\n", "\n").replace("\r", "\n"))


class _Pdf(FPDF):
    def __init__(self, doc: Document) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.doc = doc
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        folder = files("nejtak.bot.dossier") / "fonts"
        for style, name in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf")):
            with as_file(folder / name) as path:
                self.add_font("Sans", style, str(path))
        with as_file(folder / "DejaVuSansMono.ttf") as path:
            self.add_font("Mono", "", str(path))

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("Sans", "", 7.5)
        self.set_text_color(*GREY)
        self.cell(self.epw * 0.7, 5, clean(self.doc.title)[:90])
        self.cell(self.epw * 0.3, 5, self.doc.words("page", n=self.page_no(), total="{nb}"), align="R")
        self.set_text_color(*INK)

    # building blocks
    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 50:  # never a heading alone at the foot of a page
            self.add_page()
        self.ln(5)
        self.set_font("Sans", "B", 13)
        self.cell(0, 8, clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*INK)
        self.set_line_width(0.5)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2.5)

    def subheading(self, text: str) -> None:
        self.ln(1.5)
        self.set_font("Sans", "B", 10)
        self.multi_cell(0, 5.5, clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(0.5)

    def para(self, text: str, size: float = 9.5, color=INK) -> None:
        self.set_font("Sans", "", size)
        self.set_text_color(*color)
        self.multi_cell(0, size * 0.5, clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.set_text_color(*INK)
        self.ln(1.2)

    def row(self, label: str, value: str, mono: bool = False, size: float = 9) -> None:
        """A label and its value side by side; the value wraps in its own column."""
        line = size * 0.5
        self.set_font("Mono" if mono else "Sans", "", size - (1 if mono else 0))
        height = len(self.multi_cell(self.epw - LABEL_W, line, clean(value), dry_run=True,
                                     output="LINES", wrapmode=WrapMode.CHAR if mono else WrapMode.WORD)) * line
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()
        y = self.get_y()
        self.set_font("Sans", "", size)
        self.set_text_color(*GREY)
        self.multi_cell(LABEL_W - 2, line, clean(label), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        bottom = self.get_y()
        self.set_text_color(*INK)
        self.set_xy(self.l_margin + LABEL_W, y)
        self.set_font("Mono" if mono else "Sans", "", size - (1 if mono else 0))
        self.multi_cell(self.epw - LABEL_W, line, clean(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L",
                        wrapmode=WrapMode.CHAR if mono else WrapMode.WORD)
        self.set_y(max(bottom, self.get_y()) + 0.6)


def _title(pdf: _Pdf, doc: Document) -> None:
    pdf.set_font("Sans", "B", 18)
    pdf.multi_cell(0, 9, clean(doc.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.para(doc.subtitle, 10, GREY)
    pdf.para(doc.made, 9, GREY)


def _summary(pdf: _Pdf, doc: Document) -> None:
    w = doc.words
    pdf.heading(w("summary"))
    for label, values in doc.summary:
        pdf.set_font("Sans", "B", 9.5)
        pdf.row(label, "\n".join(values), size=9.5)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(1)


def _timeline(pdf: _Pdf, doc: Document) -> None:
    pdf.heading(doc.words("timeline"))
    for e in doc.timeline:
        # the heading and its fields stay together on one page (the text may run on)
        if pdf.get_y() + 12 + 5.2 * len(e.fields) > pdf.page_break_trigger:
            pdf.add_page()
        pdf.set_fill_color(*BANDS[e.kind])
        pdf.set_font("Sans", "B", 10)
        pdf.multi_cell(0, 6.5, clean(f"{e.date}   {e.heading}"), fill=True, new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT, align="L", padding=(0.5, 2))
        pdf.ln(1)
        for label, value in e.fields:
            pdf.row(label, value, mono=(value.startswith("<") and value.endswith(">")) or _HEX.match(value) is not None)
        if e.text is not None:
            pdf.set_font("Sans", "", 9)
            pdf.set_fill_color(250, 250, 250)
            pdf.set_draw_color(*RULE)
            pdf.multi_cell(0, 4.6, clean(e.text.strip()) or " ", border=1, fill=True, new_x=XPos.LMARGIN,
                           new_y=YPos.NEXT, align="L", padding=2)
        pdf.ln(4)


def _integrity(pdf: _Pdf, doc: Document) -> None:
    w = doc.words
    pdf.heading(w("integrity"))
    if doc.raw_hashes:
        pdf.subheading(w("raw_hashes"))
        several = len({sender for _, sender, _ in doc.raw_hashes}) > 1
        for date, sender, value in doc.raw_hashes:
            pdf.row(date, f"{value}\n{sender}" if several else value, mono=len(value) == 64, size=8.5)
    if pdf.get_y() > pdf.page_break_trigger - 30:  # the heading, the hash and what it covers together
        pdf.add_page()
    pdf.subheading(w("dossier_hash"))
    pdf.set_font("Mono", "", 9.5)
    pdf.set_draw_color(*INK)
    pdf.multi_cell(0, 7, doc.dossier_hash, border=1, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="C",
                   wrapmode=WrapMode.CHAR)
    pdf.ln(1.5)
    pdf.para(w("hash_explained", file=FACTS_FILE, where=w("hash_where_pdf")), 8.5, GREY)


def _law(pdf: _Pdf, doc: Document) -> None:
    w = doc.words
    pdf.heading(w("law"))
    for p in doc.law:
        pdf.para(p)
    pdf.subheading(w("next_steps"))
    for n, step in enumerate(doc.steps, 1):
        pdf.para(f"{n}. {step}")
    pdf.ln(1)
    pdf.set_font("Sans", "B", 9.5)
    pdf.multi_cell(0, 5, clean(w("not_advice")), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def render_pdf(doc: Document, now: datetime) -> bytes:
    pdf = _Pdf(doc)
    pdf.set_title(clean(doc.title))
    pdf.set_author("nejtak")
    pdf.set_creator("nejtak")
    pdf.set_lang(doc.lang)
    pdf.set_creation_date(now)  # the same records give the same file
    pdf.add_page()
    _title(pdf, doc)
    _summary(pdf, doc)
    _timeline(pdf, doc)
    _integrity(pdf, doc)
    _law(pdf, doc)
    pdf.embed_file(bytes=doc.facts_json.encode("utf-8"), basename=FACTS_FILE, modification_date=now,
                   mime_type="application/json", desc="The facts the dossier's SHA-256 covers")
    return bytes(pdf.output())
