"""The report's text: both languages with the same paragraphs in the same order, every
paragraph translated; the paragraphs that sections, themes and not-targets name."""

from __future__ import annotations

import re

from generator import spec
from generator.errors import Hint, Msg, did_you_mean
from generator.model import Block, Report, Section
from generator.validate.base import Base

_CJK = re.compile(r"[\u3400-\u9fff]")


class ReportChecks(Base):
    def report(self) -> Report | None:
        src = self.src
        if "zh" not in src.report or "en" not in src.report:
            return None
        zh, en = src.report["zh"], src.report["en"]
        zh_file, en_file = src.report_files["zh"], src.report_files["en"]
        zh_ids = {b.id: b for b in zh}
        hint: Hint
        en_ids = {b.id: b for b in en}
        for b in zh:
            if b.id not in en_ids:
                hint = Msg("hint.translate", {"where": f"{zh_file}:{b.line}"})
                self.add(en_file, 1, "paragraph_not_in_english", {"id": b.id}, hint)
            if not b.text.strip():
                self.add(zh_file, b.line, "empty_paragraph")
        for b in en:
            if b.id not in zh_ids:
                hint = did_you_mean(b.id, zh_ids) or Msg("hint.same_ids")
                self.add(en_file, b.line, "paragraph_not_in_chinese", {"id": b.id}, hint)
            elif not b.text.strip() or (b.text == zh_ids[b.id].text and _CJK.search(b.text)):
                hint = "paragraph_untranslated.hint"
                self.add(en_file, b.line, "paragraph_untranslated", {"id": b.id}, hint)
        order_zh = [b.id for b in zh if b.id in en_ids]
        order_en = [b.id for b in en if b.id in zh_ids]
        if order_zh != order_en:
            first = next(e for z, e in zip(order_zh, order_en, strict=True) if z != e)
            line = en_ids[first].line
            hint = "paragraph_order.hint"
            self.add(en_file, line, "paragraph_order", {"id": first}, hint)
        return Report(tuple(zh), tuple(en))

    def section_paragraphs(
        self, sections: tuple[Section, ...], paragraphs: dict[str, Block]
    ) -> None:
        """Every section and theme names a paragraph of the report."""
        file = self.src.sections.file if self.src.sections else ""
        for section in sections:
            named = [(section.paragraph, "section_paragraph", section.id)]
            named += [(t.paragraph, "theme_paragraph", t.id) for t in section.themes]
            for pid, code, owner in named:
                if pid not in paragraphs:
                    hint = did_you_mean(pid, paragraphs)
                    self.add(file, 1, code, {"owner": owner, "name": pid}, hint)

    def not_targets(self, paragraphs: dict[str, Block]) -> None:
        doc = self.src.not_targets
        value = self.checked(doc, spec.NOT_TARGETS)
        if value is None or doc is None or not paragraphs:
            return
        hint: Hint
        for i, item in enumerate(value):
            block = paragraphs.get(item["paragraph"])
            if block is None:
                name = item["paragraph"]
                hint = did_you_mean(name, paragraphs)
                self.at(doc, (i, "paragraph"), "unknown_paragraph", {"name": name}, hint)
            elif item["text"] not in block.text:
                hint = "hint.exact_words"
                self.at(doc, (i, "text"), "text_not_found", {"id": block.id}, hint)
