"""Problem messages in Chinese: staff choose the language with --lang, the HEDONG_LANG
environment variable or `staff_lang:` in content/site.yaml (else the system locale decides).

Messages are written in English where they are made (the English text is the message id, as in
gettext); this catalog turns each into Chinese by pattern, keeping the file names, field names
and values that the message quotes. tests/unit/test_messages.py checks that every message the
invalid-content fixtures produce has a Chinese form.
"""

from __future__ import annotations

import locale
import os
import re
from pathlib import Path

Q = r"'([^']*)'"  # a quoted value inside a message

_MESSAGES: list[tuple[str, str]] = [
    (rf"^unknown section {Q}$", r"未知的报告部分“\1”"),
    (rf"^unknown theme {Q} in section {Q}$", r"部分“\2”中没有主题“\1”"),
    (rf"^unknown paragraph {Q}$", r"报告中没有段落“\1”"),
    (rf"^section {Q}: unknown paragraph {Q}$", r"部分“\1”：报告中没有段落“\2”"),
    (rf"^theme {Q}: unknown paragraph {Q}$", r"主题“\1”：报告中没有段落“\2”"),
    (rf"^unknown county {Q}$", r"未知的县（市、区）“\1”"),
    (rf"^county {Q} is not among this target's counties$", r"“\1”不在本承诺涉及的县（市、区）中"),
    (r"^'all' cannot be combined with county ids$", "“all”不能与县（市、区）编号同时使用"),
    (r"^'all' is reserved$", "“all”是保留字"),
    (rf"^id {Q} does not match the file name {Q}$", r"编号“\1”与文件名“\2”不一致"),
    (rf"^duplicate target id {Q} \(also in (.+)\)$", r"承诺编号“\1”重复（另见 \2）"),
    (rf"^a target with id {Q} already exists$", r"编号为“\1”的承诺已经存在"),
    (rf"^file name {Q} is not a valid id$", r"文件名“\1”不是有效的编号"),
    (r"^quote not found in paragraph (\S+) \((.+)\)$", r"在段落 \1（\2）中找不到这段引文"),
    (r"^text not found in paragraph (\S+)$", r"在段落 \1 中找不到这段文字"),
    (r"^update of (\S+) comes after one of (\S+)$", r"\1 的进展排在 \2 之后"),
    (r"^a (\w+) target has no figure$", r"\1 类承诺没有数值"),
    (
        r"^county figures add up to (\S+), more than the city figure (\S+)$",
        r"各县数值合计 \1，超过全市数值 \2",
    ),
    (
        rf"^duplicate county (id|code) {Q} \(first at line (\d+)\)$",
        r"县（市、区）\1“\2”重复（首次出现在第\3行）",
    ),
    (rf"^duplicate section id {Q}$", r"部分编号“\1”重复"),
    (rf"^duplicate theme id {Q}$", r"主题编号“\1”重复"),
    (rf"^paragraph {Q} is missing from the English report$", r"英文报告缺少段落“\1”"),
    (rf"^paragraph {Q} is not in the Chinese report$", r"中文报告中没有段落“\1”"),
    (rf"^paragraph {Q} is not translated$", r"段落“\1”尚未翻译"),
    (rf"^paragraph {Q} is out of order$", r"段落“\1”的顺序与中文报告不一致"),
    (r"^empty paragraph$", "空段落"),
    (r"^paragraph without an id$", "段落没有编号"),
    (
        rf"^duplicate paragraph id {Q} \(first at line (\d+)\)$",
        r"段落编号“\1”重复（首次出现在第\2行）",
    ),
    (r"^unsupported block \((\w+)\)$", r"不支持的内容块（\1）"),
    (r"^map file is not a GeoJSON FeatureCollection$", "地图文件不是 GeoJSON FeatureCollection"),
    (
        r"^map feature (\d+) has no county code or no polygon$",
        r"地图第\1个要素缺少区划代码或多边形",
    ),
    (r"^map has no boundary for county code (\d+)$", r"地图缺少区划代码 \1 的边界"),
    (r"^map has an unknown county code (\d+)$", r"地图含有未知的区划代码 \1"),
    (r"^map file is not valid JSON: (.+)$", r"地图文件不是有效的 JSON：\1"),
    (r"^(\S+): expected a date YYYY-MM-DD, found (.+)$", r"\1：应为日期 YYYY-MM-DD，实际为\2"),
    (r"^(\S+): expected (.+), found (.+)$", r"\1：应为\2，实际为\3"),
    (r"^(\S+): the number must be finite$", r"\1：数值必须是有限数"),
    (r"^(\S+): the number must not be negative$", r"\1：数值不能为负"),
    (rf"^(\S+): {Q} is not a valid id$", r"\1：“\2”不是有效的编号"),
    (r"^(\S+): must not be empty$", r"\1：不能为空"),
    (r"^(\S+): longer than (\d+) characters$", r"\1：超过\2个字符"),
    (
        r"^(\S+): contains invisible or text-direction control characters$",
        r"\1：含有不可见字符或文字方向控制字符",
    ),
    (rf"^(\S+): {Q} is not allowed$", r"\1：不允许使用“\2”"),
    (rf"^(\S+): {Q} is not valid$", r"\1：“\2”无效"),
    (r"^(\S+): (\S+) is not a real date$", r"\1：\2 不是真实存在的日期"),
    (r"^(\S+): expected a (\d+)-digit code$", r"\1：应为\2位数字代码"),
    (r"^(\S+): needs at least (\d+) item\(s\)$", r"\1：至少需要\2项"),
    (r"^(\S+): more than (\d+) items$", r"\1：超过\2项"),
    (rf"^unknown field {Q}$", r"未知字段“\1”"),
    (rf"^missing required field {Q} in (\S+)$", r"\2 缺少必填字段“\1”"),
    (rf"^missing required field {Q}$", r"缺少必填字段“\1”"),
    (rf"^(\S+) with (\w+) {Q} needs {Q}$", r"\1 的 \2 为“\3”时必须填写“\4”"),
    (rf"^{Q} does not apply when (\w+) is {Q}$", r"\2 为“\3”时不能填写“\1”"),
    (rf"^full-width colon '：' after the key {Q}$", r"键“\1”后面是全角冒号“：”"),
    (
        r"^full-width comma '，' between the items of a \[ \] list$",
        "[ ] 列表的各项之间是全角逗号“，”",
    ),
    (rf"^full-width comma '，' before the key {Q}$", r"键“\1”前面是全角逗号“，”"),
    (r"^full-width space '　' in the indentation$", "缩进中有全角空格“　”"),
    (r"^full-width space '　' after '(.+)'$", r"“\1”后面是全角空格“　”"),
    (r"^full-width dash '－' as the list marker$", "列表项开头的“－”是全角横线"),
    (r"^full-width (?:bracket|brace) '(.)' after '(.+)'$", r"“\2”后面是全角括号“\1”"),
    (r"^full-width (?:bracket|brace) '(.)'$", r"这里是全角括号“\1”"),
    (
        rf"^Chinese quotation marks (.) (.) around the value of {Q}: YAML does not read them as "
        r"quotes, so they would be published as part of it$",
        r"“\3”的值两边是中文引号\1\2：YAML 不把它们当作引号，它们会作为文字的一部分发布出去",
    ),
    (
        r"^'(\S+): (\[\]|\{\})' is an empty (?:list|mapping), so the lines below it are not "
        r"part of it$",
        r"“\1: \2”表示空的内容，下面的行不属于它",
    ),
    (r"^YAML syntax error: (.+)$", r"YAML 语法错误：\1"),
    (r"^YAML error: (.+)$", r"YAML 错误：\1"),
    (r"^YAML aliases \(\*name\) are not allowed$", "不允许使用 YAML 别名（*name）"),
    (rf"^YAML tag {Q} is not allowed$", r"不允许使用 YAML 标签“\1”"),
    (rf"^duplicate key {Q} \(first at line (\d+)\)$", r"键“\1”重复（首次出现在第\2行）"),
    (r"^keys must be plain names$", "键必须是普通名称"),
    (r"^nesting deeper than (\d+) levels$", r"嵌套超过\1层"),
    (r"^nesting is too deep$", "嵌套过深"),
    (r"^the file has more than (\d+) values$", r"文件中的值超过\1个"),
    (r"^text longer than (\d+) characters$", r"文字超过\1个字符"),
    (r"^the file is empty$", "文件是空的"),
    (r"^file is missing$", "缺少文件"),
    (r"^symbolic link points outside the content folder$", "符号链接指向内容文件夹之外"),
    (r"^expected a file, found a folder$", "这里应是文件，却是文件夹"),
    (
        r"^file is too large \(([\d,]+) bytes, the limit is ([\d,]+)\)$",
        r"文件过大（\1字节，上限\2）",
    ),
    (r"^file is not UTF-8 text$", "文件不是 UTF-8 文本"),
    (
        r"^the file is saved as UTF-16 \(Notepad calls it 'Unicode' or 'UTF-16 LE'\), not UTF-8$",
        "文件以 UTF-16 编码保存（记事本中称为“Unicode”或“UTF-16 LE”），不是 UTF-8",
    ),
    (
        r"^the file is saved as GB18030/GBK \(Notepad on Chinese Windows calls it 'ANSI'\), "
        r"not UTF-8$",
        "文件以 GB18030/GBK 编码保存（中文 Windows 的记事本中称为“ANSI”），不是 UTF-8",
    ),
    (r"^file contains NUL bytes; is it a text file\?$", "文件含有 NUL 字节，是文本文件吗？"),
    (r"^only \.yaml files belong in the targets folder$", "targets 文件夹中只能放 .yaml 文件"),
    (r"^more than ([\d,]+) files in the targets folder$", r"targets 文件夹中的文件超过\1个"),
    (r"^targets folder is missing$", "缺少 targets 文件夹"),
    (r"^content directory not found$", "找不到内容文件夹"),
    (r"^template error: (.+)$", r"模板错误：\1"),
    (r"^this update has no source$", "这条进展没有注明来源"),
    (rf"^unknown document {Q}$", r"未知的文件“\1”"),
    (rf"^unknown paragraph {Q} in document (\S+)$", r"文件 \2 中没有段落“\1”"),
    (r"^date (\S+) is in the future$", r"日期 \1 还没有到"),
    (r"^date (\S+) is before the report's year (\d+)$", r"日期 \1 早于报告年份 \2 年"),
    (
        r"^the source's web site is not in content/publishers.yaml$",
        "来源网站不在发布者名录 content/publishers.yaml 中",
    ),
    (
        r"^(\S+) is a copy, forum or aggregator site \((.+)\); it is never a source$",
        r"\1 是转载、论坛或聚合网站（\2），不能作为来源",
    ),
    (
        r"^status is achieved, but the figure (\S+) does not meet the target "
        r"\((at least|at most|more than) (\S+)\)$",
        r"状态为“已完成”，但数值 \1 未达到目标（\2 \3）",
    ),
    (
        r"^status is (\w+), but the figure (\S+) meets the target "
        r"\((at least|at most|more than) (\S+)\)$",
        r"状态为 \1，但数值 \2 已达到目标（\3 \4）",
    ),
    (rf"^id {Q} does not match the folder name {Q}$", r"编号“\1”与文件夹名“\2”不一致"),
    (rf"^duplicate publisher domain {Q}$", r"发布者域名“\1”重复"),
    (r"^the chart library has not been built$", "图表库尚未构建"),
    (
        rf"^the site in (\S+)/ has a page for commitment {Q}, which this build would remove "
        r"\(its file is gone\)$",
        r"当前网站 \1/ 中有承诺“\2”的网页，这次生成会把它删除（它的文件已不存在）",
    ),
    (
        r"^no contact in site\.yaml: the pages say that corrections to this site have no channel "
        r"yet, and send questions about a commitment to the 12345 hotline$",
        "site.yaml 中没有联系方式：网页上会说明本站暂无纠错渠道，并请读者就承诺本身的问题"
        "拨打12345热线",
    ),
]

_HINTS: list[tuple[str, str]] = [
    (rf"^did you mean {Q}\?$", r"是否应为“\1”？"),
    (r"^expected one of: (.+)$", r"可选值：\1"),
    (
        r"^(.+); quote the text: a comma in \{zh: …, en: …\} splits it$",
        r"\1；请给文字加引号：{zh: …, en: …} 中的逗号会把文字拆开",
    ),
    (
        r"^quote the text: a comma in \{zh: …, en: …\} splits it$",
        "请给文字加引号：{zh: …, en: …} 中的逗号会把文字拆开",
    ),
    (r"^copy the exact words of the report$", "请逐字复制报告原文"),
    (r"^rename the file to (\S+) or set id: (\S+)$", r"把文件改名为 \1，或把 id 改为 \2"),
    (r"^use lowercase letters, digits and hyphens$", "只用小写字母、数字和连字符"),
    (r"^use lowercase letters, digits and hyphens only$", "只用小写字母、数字和连字符"),
    (r"^write \[all\] alone, or list the counties$", "单独写 [all]，或列出各县（市、区）"),
    (r"^list updates oldest first$", "进展按时间先后排列，最早的在前"),
    (r"^remove value: or make the metric a quantity$", "删除 value:，或把 metric 改为 quantity"),
    (r"^add it to counties:$", "请把它加入 counties:"),
    (r"^check the figures$", "请核对数值"),
    (r"^each county appears once$", "每个县（市、区）只能出现一次"),
    (r"^choose another id$", "请换一个编号"),
    (r"^choose another id, or edit that file$", "请换一个编号，或直接修改那个文件"),
    (r"^choose one of the ids listed above$", "请从上面列出的编号中选一个"),
    (r"^write digits only: (\S+) is (\S+)$", r"只写数字：\1 即 \2"),
    (r"^translate (\S+)$", r"请翻译 \1"),
    (r"^use the same ids$", "请使用相同的编号"),
    (r"^write the English text$", "请填写英文"),
    (r"^keep the paragraphs in the order of the Chinese report$", "段落顺序须与中文报告一致"),
    (r"^add a line \{#p-…\} directly above it$", "请在段落正上方加一行 {#p-…}"),
    (r"^give each paragraph its own id$", "每个段落须有自己的编号"),
    (r"^the report holds headings and paragraphs only$", "报告中只能有标题和段落"),
    (r"^each feature needs id: '140802'$", "每个要素需要 id，如 '140802'"),
    (
        r"^use a map file with all counties of counties.yaml$",
        "地图文件须包含 counties.yaml 中的全部县（市、区）",
    ),
    (
        r"^remove it or add the county to counties.yaml$",
        "请删除它，或把该县（市、区）加入 counties.yaml",
    ),
    (r"^write digits only, without units or commas$", "只写数字，不要单位或逗号"),
    (r"^put the text in quotes$", "请给文字加引号"),
    (r"^fill in the value$", "请填写内容"),
    (
        r"^put it in quotes: YAML reads yes/no/on/off as true/false$",
        "请加引号：YAML 会把 yes/no/on/off 读成是/否",
    ),
    (r"^write it as zh: … and en: … on two indented lines$", "请分两行缩进写 zh: … 和 en: …"),
    (r"^start each item on its own line with '- '$", "每一项另起一行，以“- ”开头"),
    (r"^write it in quotes, e.g. \"140802\"$", '请加引号，如 "140802"'),
    (r"^e\.g\. 2021-12-31$", "例如 2021-12-31"),
    (r"^check month and day$", "请检查月份和日期"),
    (r"^add (\S+): YYYY-MM-DD$", r"请添加 \1: YYYY-MM-DD"),
    (r"^add (\S+): with zh: and en: lines below it$", r"请添加 \1:，并在下面写 zh: 和 en: 两行"),
    (r"^add (\S+):$", r"请添加 \1:"),
    (r"^use a full http:// or https:// address$", "请使用完整的 http:// 或 https:// 网址"),
    (r"^an address such as (\S+)$", r"例如 \1"),
    (
        r"^add contact: with email: or url: once someone reads what arrives there$",
        "有人负责查看后，请添加 contact:，并填写 email: 或 url:",
    ),
    (r"^a full address ending in '/', e\.g\. (\S+)$", r"以“/”结尾的完整网址，如 \1"),
    (
        r"^achieved and missed need a published source: add source: \{title, url\}$",
        "“已完成”和“未完成”必须注明公开来源：请添加 source: {title, url}",
    ),
    (
        r"^a quantity needs target, comparator and unit$",
        "量化指标须填写 target、comparator 和 unit",
    ),
    (
        r"^only quantity targets have a number; use kind: quantity$",
        "只有量化指标有数值；请用 kind: quantity",
    ),
    (
        r"^retype the text; copy-paste from some programs adds them$",
        "请重新输入：从某些程序复制粘贴会带入这些字符",
    ),
    (r"^shorten it$", "请缩短"),
    (
        r"^add source: \{title, url\} or evidence: \{document, paragraph, quote, en\}$",
        "请添加 source: {title, url}，或 evidence: {document, paragraph, quote, en}",
    ),
    (r"^documents are in content/documents/$", "文件放在 content/documents/ 中"),
    (
        r"^check the year: an update records something that has happened$",
        "请检查年份：进展记录的是已经发生的事",
    ),
    (r"^check the year$", "请检查年份"),
    (
        r"^cite a government body or official media, or add the publisher to the register "
        r"with its kind$",
        "请引用政府部门或官方媒体，或把该发布者连同类别加入名录",
    ),
    (
        r"^cite the original publisher \(the government or official media\)$",
        "请引用原始发布者（政府或官方媒体）",
    ),
    (
        r"^the paragraph has “(.*)” where the quote has “(.*)” \(【】 marks what differs\); "
        r"copy the paragraph's words$",
        r"段落原文是“\1”，引文却是“\2”（【】标出不同之处）；请照原文复制",
    ),
    (
        r"^no passage of the paragraph is like it; copy the paragraph's words exactly$",
        "段落中没有与它相近的文字；请照原文逐字复制",
    ),
    (
        r"^the quote is in paragraph (\S+) \((.+)\): set paragraph: (\S+)$",
        r"这段引文在段落 \1（\2）中：请把 paragraph 改为 \3",
    ),
    (
        r"^use in_progress, at_risk or missed, or correct the figure$",
        "请改用 in_progress、at_risk 或 missed，或更正数值",
    ),
    (r"^check the status and the figure$", "请核对状态和数值"),
    (r"^set id: (\S+)$", r"请把 id 改为 \1"),
    (r"^split it or shorten it$", "请拆分或缩短"),
    (r"^split or shorten it$", "请拆分或缩短"),
    (r"^simplify the structure$", "请简化结构"),
    (r"^simplify the file$", "请简化文件"),
    (r"^remove one of them$", "请删除其中一个"),
    (r"^write the value out in full$", "请把值完整写出"),
    (r"^remove the '!' tag$", "请删除“!”标签"),
    (r"^merge keys \(<<\) and complex keys are not allowed$", "不允许使用合并键（<<）和复杂键"),
    (r"^indent with spaces, not tabs$", "请用空格缩进，不要用制表符"),
    (
        r"^replace the full-width colon '：' with the English colon ':'$",
        "把全角冒号“：”改成英文冒号“:”",
    ),
    (
        r"^replace the full-width comma '，' with the English comma ','$",
        "把全角逗号“，”改成英文逗号“,”",
    ),
    (
        r"^indent with ordinary spaces \(switch the input method to half-width\)$",
        "请用半角空格缩进（把输入法切换到半角）",
    ),
    (r"^replace the full-width space with an ordinary space$", "把全角空格换成半角空格"),
    (
        r"^replace the full-width (?:dash|bracket|brace) '(.)' with '(.)'$",
        r"把全角符号“\1”改成英文符号“\2”",
    ),
    (r'^remove them, or use English quotes " "$', '请删除中文引号，或改用英文引号 " "'),
    (
        r"^delete '(\[\]|\{\})' after '(\S+):', so that the lines below become its items$",
        r"请删除“\2:”后面的“\1”，下面的行才会成为它的内容",
    ),
    (r"^put text that contains ': ' in quotes$", "含有“: ”的文字请加引号"),
    (r"^put the value in quotes$", "请给值加引号"),
    (r"^close the quote that starts here$", "请补上这里开始的引号的另一半"),
    (r"^close the \[ or \{ that starts here$", "请补上这里开始的 [ 或 { 的另一半"),
    (
        r"^check indentation and quotes on this line and the one above$",
        "请检查本行和上一行的缩进与引号",
    ),
    (r"^see docs/content.md for what it should hold$", "应填写的内容见 docs/content.md"),
    (r"^restore it from the repository \(git checkout\)$", "请从版本库恢复（git checkout）"),
    (r"^replace the link with the file itself$", "请用文件本身替换这个链接"),
    (
        r"^save it as UTF-8 \(in Save As, Encoding: UTF-8; not 'Unicode' or 'ANSI'\)$",
        "请以 UTF-8 编码保存（另存为时“编码”选“UTF-8”，不要选“Unicode”或“ANSI”）",
    ),
    (
        r"^save it as UTF-8: in Notepad, File > Save As…, Encoding: UTF-8$",
        "请另存为 UTF-8：在记事本中选择“文件 > 另存为…”，“编码”选“UTF-8”",
    ),
    (r"^rename it to \.yaml$", "请改为 .yaml 扩展名"),
    (
        r"^restore the file \(git checkout (\S+)\), or build with --allow-removals if the "
        r"commitment was withdrawn or renamed$",
        r"请恢复该文件（git checkout \1）；如果这项承诺确实已撤下或改名，"
        r"请加 --allow-removals 重新生成",
    ),
    (r"^move it out of targets/$", "请移出 targets/"),
    (r"^run the command from the repository folder$", "请在版本库文件夹中运行命令"),
    (r"^this is a template problem, not a content problem$", "这是模板问题，不是内容问题"),
    (
        r"^run `make setup` \(it installs the locked npm packages\)$",
        "请运行 `make setup`（安装锁定的 npm 包）",
    ),
]

_WORDS = [
    ("text in both languages {zh: …, en: …}", "中英文文字 {zh: …, en: …}"),
    ("a date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"),
    ("a 6-digit code", "6位数字代码"),
    ("a number", "数值"),
    ("a list", "列表"),
    ("a mapping", "映射"),
    ("text", "文字"),
    ("nothing", "空值"),
    ("a value", "值"),
    ("yes/no value", "是/否值"),
]


# comparators quoted in a message: "（at least 500000）" → "（不少于 500000）"
_COMPARATOR_WORDS = [("at least", "不少于"), ("at most", "不超过"), ("more than", "超过")]


def _apply(table: list[tuple[str, str]], text: str) -> str | None:
    for pattern, replacement in table:
        match = re.match(pattern, text)
        if match:
            result = match.expand(replacement)
            for en, zh in _WORDS:
                result = result.replace(f"为{en}", f"为{zh}")
            for en, zh in _COMPARATOR_WORDS:
                result = result.replace(f"（{en} ", f"（{zh} ")
            return result
    return None


def message_zh(text: str) -> str | None:
    return _apply(_MESSAGES, text)


def hint_zh(text: str) -> str | None:
    """A hint in Chinese; one made of hints joined by "; " is translated part by part (a
    pattern for the first part alone would take the rest of the text as its value)."""
    parts = text.split("; ")
    if len(parts) > 1:
        found = [_apply(_HINTS, part) for part in parts]
        if all(found):
            return "；".join(f for f in found if f)
    return _apply(_HINTS, text)


LANG_VARIABLE = "HEDONG_LANG"
_STAFF_LANG = re.compile(r"""^staff_lang:[ \t]*["']?(zh|en)["']?[ \t]*(?:#.*)?$""", re.M)


def site_lang(content: Path) -> str | None:
    """`staff_lang:` of content/site.yaml, read as a line (so it still counts when the file has
    a mistake elsewhere, whose message should then be in that language too)."""
    try:
        text = (Path(content) / "site.yaml").read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    match = _STAFF_LANG.search(text)
    return match.group(1) if match else None


def default_lang(content: Path | None = None) -> str:
    """The language of staff messages when --lang is not given: the HEDONG_LANG environment
    variable (zh or en), else `staff_lang:` in the content's site.yaml, else zh when the
    system locale is Chinese and en otherwise."""
    chosen = os.environ.get(LANG_VARIABLE, "").strip().lower()[:2]
    if chosen in ("zh", "en"):
        return chosen
    if content is not None:
        from_site = site_lang(content)
        if from_site:
            return from_site
    return _locale_lang()


def _locale_lang() -> str:
    """zh when the system locale is Chinese, else en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith("zh") else "en"


def current_lang(default_content: Path = Path("content")) -> str:
    """The language of the running command: --lang, or default_lang() for the command's own
    --content folder (click's current context; en outside a command)."""
    import click

    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return default_lang(default_content)
    root = ctx.find_root()
    if not isinstance(root.obj, dict):
        root.obj = {}
    if root.obj.get("lang"):
        return root.obj["lang"]
    content = ctx.params.get("content")
    lang = default_lang(content if isinstance(content, Path) else default_content)
    root.obj["lang"] = lang
    return lang
