"""The staff mistakes that scripts/staff_mistakes.py makes, one entry each: what is changed in
which file, where the mistake is, and which test or case file covers it (a table, kept apart
from the code that runs it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

EDITED = "farmland-high-standard"
# The guide's update (docs/staff-guide.md, step 2), put in place of `updates: []`.
GOOD = """updates:
  - date: 2021-12-31
    status: in_progress
    value: 300000
    note:
      zh: 全年新建高标准农田30万亩。
      en: "300,000 mu of high-standard farmland were built in 2021."
    source:
      title: "运城市农业农村局：2021年高标准农田建设进展"
      url: "https://www.yuncheng.gov.cn/"
"""

Change = Callable[[str], "str | bytes | None"]


@dataclass
class Mistake:
    key: str
    case: str  # what tests its kind: a case of tests/fixtures/invalid, or a test file
    zh: str  # what the staff member did
    en: str
    change: Change  # the file's new text; bytes when saved in another encoding; None: deleted
    at: str | tuple[str, ...] | None  # text whose first character is where the mistake is (or
    # any of several places, when it lies between them); None: the file as a whole
    file: str = EDITED  # the commitment file it is made in
    last: bool = False  # `at` is the last occurrence in the file (default: the first)


def swap(old: str, new: str) -> Change:
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return change


def encode(encoding: str, bom: bytes = b"") -> Change:
    return lambda text: bom + text.encode(encoding)


def delete(text: str) -> None:
    return None


MISTAKES = [
    Mistake(
        "updates-after-empty-list",
        "updates-after-empty-list",
        "照指南加进展，但没有删掉 `updates: []` 中的 `[]`",
        "followed the guide but left the `[]` of `updates: []`",
        swap("updates:\n", "updates: []\n"),
        "[]",
    ),
    Mistake(
        "fullwidth-colon",
        "fullwidth-colon",
        "中文输入法打出的全角冒号：`status：in_progress`",
        "a full-width colon from a Chinese input method: `status：in_progress`",
        swap("status: in_progress", "status：in_progress"),
        "：",
    ),
    Mistake(
        "fullwidth-space",
        "fullwidth-space",
        "冒号后面是全角空格：`status:　in_progress`",
        "a full-width space after the colon: `status:　in_progress`",
        swap("status: in_progress", "status:\u3000in_progress"),
        "\u3000",
    ),
    Mistake(
        "fullwidth-space-indent",
        "fullwidth-space",
        "缩进中有一个全角空格",
        "a full-width space in the indentation",
        swap("    status: in_progress", "  \u3000status: in_progress"),
        "\u3000",
    ),
    Mistake(
        "yaml-tab",
        "yaml-tab",
        "用 Tab 键缩进",
        "indented with the Tab key",
        swap("    status: in_progress", "\tstatus: in_progress"),
        "\t",
    ),
    Mistake(
        "missing-colon",
        "missing-colon",
        "漏了冒号：`status in_progress`",
        "a missing colon: `status in_progress`",
        swap("status: in_progress", "status in_progress"),
        "status in_progress",
    ),
    Mistake(
        "missing-space",
        "missing-space-after-colon",
        "冒号后面没有空格：`status:in_progress`",
        "no space after the colon: `status:in_progress`",
        swap("status: in_progress", "status:in_progress"),
        "status:in_progress",
    ),
    Mistake(
        "dash-fullwidth",
        "fullwidth-marks",
        "列表的短横打成全角“－”：`－ date: 2021-12-31`",
        "the list's dash typed full-width: `－ date: 2021-12-31`",
        swap("  - date: 2021-12-31", "  － date: 2021-12-31"),
        "－",
    ),
    Mistake(
        "date-chinese",
        "typed-in-chinese",
        "日期写成中文：`date: 2021年12月31日`",
        "the date written in Chinese: `date: 2021年12月31日`",
        swap("date: 2021-12-31", "date: 2021年12月31日"),
        "2021年",
    ),
    Mistake(
        "date-slashes",
        "typed-in-chinese",
        "日期用斜线：`date: 2021/12/31`",
        "the date with slashes: `date: 2021/12/31`",
        swap("date: 2021-12-31", "date: 2021/12/31"),
        "2021/",
    ),
    Mistake(
        "date-year-typo",
        "status-rules",
        "年份打错成 2202：`date: 2202-12-31`",
        "the year typed as 2202: `date: 2202-12-31`",
        swap("date: 2021-12-31", "date: 2202-12-31"),
        "2202",
    ),
    Mistake(
        "date-impossible",
        "dates",
        "不存在的日期：`date: 2021-12-32`",
        "a date that does not exist: `date: 2021-12-32`",
        swap("date: 2021-12-31", "date: 2021-12-32"),
        "2021-12-32",
    ),
    Mistake(
        "status-chinese",
        "typed-in-chinese",
        "状态写成中文：`status: 推进中`",
        "the status written in Chinese: `status: 推进中`",
        swap("status: in_progress", "status: 推进中"),
        "推进中",
    ),
    Mistake(
        "status-misspelt",
        "achieved-without-source",
        "状态拼错：`status: in_progres`",
        "the status misspelt: `status: in_progres`",
        swap("status: in_progress", "status: in_progres"),
        "in_progres",
    ),
    Mistake(
        "status-contradicts-figure",
        "status-rules",
        "数字没有达到目标却写“已完成”：`status: achieved`，`value: 300000`（目标50万亩）",
        "`achieved` with a figure short of the target: 300000 of 500000 mu",
        swap("status: in_progress", "status: achieved"),
        "achieved",
    ),
    Mistake(
        "value-with-unit",
        "typed-in-chinese",
        "数字带单位：`value: 30万`",
        "the figure with a unit: `value: 30万`",
        swap("value: 300000", "value: 30万"),
        "30万",
    ),
    Mistake(
        "value-with-comma",
        "typed-in-chinese",
        "数字带千位逗号：`value: 300,000`",
        "the figure with a thousands comma: `value: 300,000`",
        swap("value: 300000", "value: 300,000"),
        "300,000",
    ),
    Mistake(
        "achieved-without-source",
        "achieved-without-source",
        "写了进展但没有写来源（删掉了 `source:` 三行）",
        "an update without a source (the three `source:` lines deleted)",
        swap(
            '    source:\n      title: "运城市农业农村局：2021年高标准农田建设进展"\n'
            '      url: "https://www.yuncheng.gov.cn/"\n',
            "",
        ),
        "date: 2021-12-31",  # the update that lacks it
    ),
    Mistake(
        "refused-source",
        "refused-source",
        "来源是转载站：`url: https://news.shi-fen.com/…`",
        "a copy site as the source: `url: https://news.shi-fen.com/…`",
        swap('url: "https://www.yuncheng.gov.cn/"', 'url: "https://news.shi-fen.com/a.html"'),
        '"https://news',
    ),
    Mistake(
        "unknown-publisher",
        "refused-source",
        "来源网站不在发布者名录中：`url: https://www.example.com/`",
        "a source on a site the register does not know: `url: https://www.example.com/`",
        swap('url: "https://www.yuncheng.gov.cn/"', 'url: "https://www.example.com/"'),
        '"https://www.example',
    ),
    Mistake(
        "url-without-scheme",
        "url-without-scheme",
        "网址漏了 https://：`url: www.yuncheng.gov.cn`",
        "the address without https://: `url: www.yuncheng.gov.cn`",
        swap('url: "https://www.yuncheng.gov.cn/"', "url: www.yuncheng.gov.cn"),
        "www.yuncheng.gov.cn\n",
        last=True,
    ),
    Mistake(
        "curly-quotes",
        "curly-quotes",
        "来源标题用中文引号括起：`title: “运城市农业农村局……”`",
        "the source's title in Chinese quotes: `title: “运城市农业农村局…”`",
        swap('title: "运城市农业农村局：2021年高标准农田建设进展"', "title: “运城市农业农村局”"),
        "“运城市农业农村局",
    ),
    Mistake(
        "flow-comma",
        "flow-comma",
        "英文说明有逗号却没加引号：`en: 300,000 mu were built, ahead of plan`（写在 `{}` 中）",
        "English with a comma, unquoted, in `{}`: `note: {zh: …, en: 300,000 mu, ahead of plan}`",
        swap(
            "    note:\n      zh: 全年新建高标准农田30万亩。\n"
            '      en: "300,000 mu of high-standard farmland were built in 2021."\n',
            "    note: {zh: 全年新建高标准农田30万亩。, en: 300,000 mu, ahead of plan}\n",
        ),
        "300,000 mu, ahead",  # the text that needs quotes
    ),
    Mistake(
        "fullwidth-comma",
        "fullwidth-comma",
        '`{}` 中两项之间用了全角逗号：`{zh: …，en: "…"}`',
        'a full-width comma between the items of `{}`: `{zh: …，en: "…"}`',
        swap(
            "    note:\n      zh: 全年新建高标准农田30万亩。\n"
            '      en: "300,000 mu of high-standard farmland were built in 2021."\n',
            '    note: {zh: 全年新建高标准农田30万亩，en: "300,000 mu were built."}\n',
        ),
        "，en",
    ),
    Mistake(
        "missing-translation",
        "missing-translation",
        "说明只写了中文（删掉了 `en:` 一行）",
        "the note in Chinese only (the `en:` line deleted)",
        swap('      en: "300,000 mu of high-standard farmland were built in 2021."\n', ""),
        "zh: 全年",
    ),
    Mistake(
        "unknown-field",
        "unknown-field",
        "字段名拼错：`stauts: in_progress`",
        "a field name misspelt: `stauts: in_progress`",
        swap("status: in_progress", "stauts: in_progress"),
        "stauts",
    ),
    Mistake(
        "word-no-break-spaces",
        "no-break-spaces",
        "从 Word 粘贴：缩进变成了不换行空格（U+00A0）",
        "pasted from Word: the indentation became no-break spaces (U+00A0)",
        swap("    status: in_progress", "\u00a0\u00a0\u00a0\u00a0status: in_progress"),
        "\u00a0",
    ),
    Mistake(
        "updates-out-of-order",
        "dates",
        "新进展加在旧进展上面（顺序颠倒）",
        "the new update put above an older one",
        swap(
            "updates:\n",
            "updates:\n  - date: 2022-06-30\n    status: achieved\n    value: 253\n"
            '    source: {title: "运城市交通运输局", url: "https://www.yuncheng.gov.cn/"}\n',
        ),
        # either of the two updates out of order: the new one's date or the old one's
        ("2022-06-30", "2021-12-31\n    status: achieved\n    value: 253"),
        file="yellow-river-no1-highway",
    ),
    Mistake(
        "county-chinese",
        "typed-in-chinese",
        "县名写成中文：`counties: [临猗县]`",
        "the county written in Chinese: `counties: [临猗县]`",
        swap("counties: [linyi]", "counties: [临猗县]"),
        "临猗县",
        file="linyi-yellow-river-bridge",
    ),
    Mistake(
        "county-misspelt",
        "unknown-references",
        "县的编号拼错：`counties: [liniy]`",
        "a county id misspelt: `counties: [liniy]`",
        swap("counties: [linyi]", "counties: [liniy]"),
        "liniy",
        file="linyi-yellow-river-bridge",
    ),
    Mistake(
        "quote-not-found",
        "quote-not-found",
        "报告原文抄错一个字（以上→以下）",
        "the report's words copied with one character wrong (以上 → 以下)",
        swap("quote: 新建高标准农田50万亩以上", "quote: 新建高标准农田50万亩以下"),
        "新建高标准农田50万亩以下",
    ),
    Mistake(
        "quotes-fullwidth",
        "tests/unit/test_quotes.py",
        "从打印版报告抄的原文带全角标点（`，`），网站文本是半角（`,`）",
        "the report's words copied from the printed report with full-width `，` (the text has `,`)",
        swap(
            'quote: "开展新一轮汽车下乡,对新能源汽车',
            'quote: "开展新一轮汽车下乡，对新能源汽车',
        ),
        None,
        file="car-purchase-subsidies",
    ),
    Mistake(
        "encoding-gb18030",
        "encoding-gb18030",
        "文件保存成 GB18030（记事本的“ANSI”）",
        'the file saved as GB18030 (Notepad\'s "ANSI" on Chinese Windows)',
        encode("gb18030"),
        None,
    ),
    Mistake(
        "encoding-utf16",
        "encoding-utf16",
        "文件保存成 UTF-16（记事本的“Unicode”）",
        'the file saved as UTF-16 (Notepad\'s "Unicode")',
        encode("utf-16"),
        None,
    ),
    Mistake(
        "notepad-bom-crlf",
        "tests/unit/test_load.py",
        "记事本保存成“UTF-8 with BOM”，换行为 CRLF",
        'Notepad\'s "UTF-8 with BOM" and CRLF line ends',
        lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        None,
    ),
    Mistake(
        "empty-file",
        "empty-file",
        "文件被清空后保存",
        "the file emptied and saved",
        lambda text: "",
        None,
    ),
    Mistake(
        "file-copy",
        "file-copy",
        "另存为“farmland-high-standard - 副本.yaml”",
        'saved a copy as "farmland-high-standard - 副本.yaml"',
        lambda text: text,  # the copy is added beside the file: see run()
        None,
    ),
    Mistake(
        "file-deleted",
        "tests/cli/test_cli.py",
        "删掉了一项承诺的文件",
        "deleted a commitment's file",
        delete,
        None,
        file="celebrity-allusion-halls",
    ),
    Mistake(
        "file-deleted-linked",
        "reports-continues-missing",
        "删掉了一项2021年承诺的文件，而2022年的一项承诺接续它（`continues:`）",
        "deleted a 2021 commitment's file that a 2022 commitment continues (`continues:`)",
        delete,
        None,
        file="linyi-yellow-river-bridge",
    ),
]
