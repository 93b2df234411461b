"""The report's Markdown → Blocks with ids, plain text and safe inline HTML.

markdown-it-py with raw HTML disabled (the js-default safety model) plus the attrs plugins:
`{#p-1-1}` on the line above a block gives it its id, `[lead-in]{.lead}` marks a bold lead-in
(CommonMark cannot close `**` after a CJK full stop followed by a letter, so `**…。**着` fails).
"""

from __future__ import annotations

from typing import cast

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

from generator.errors import Diagnostic, Pos
from generator.model import Block

_md = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    .use(attrs_block_plugin)
    .use(attrs_plugin, spans=True)
)
_md.disable("image")  # the report has no images; a pasted one must not load from elsewhere


def _link_open(
    renderer: RendererHTML, tokens: list[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Links in the report leave the site: never pass the referrer or the window."""
    tokens[idx].attrSet("rel", "noopener noreferrer")
    return renderer.renderToken(tokens, idx, options, env)


_md.add_render_rule("link_open", _link_open)
_HTML = cast(RendererHTML, _md.renderer)  # MarkdownIt("commonmark") renders HTML


def parse(text: str, file: str, out: list[Diagnostic]) -> list[Block]:
    """Parse one language's report; problems go to `out`, blocks without ids are dropped."""
    tokens = _md.parse(text.replace("\r\n", "\n"))
    blocks: list[Block] = []
    seen: dict[str, int] = {}
    for i, tok in enumerate(tokens):
        if tok.type not in ("paragraph_open", "heading_open") or tok.level != 0:
            if (
                tok.type.endswith("_open")
                and tok.level == 0
                and tok.type not in ("paragraph_open", "heading_open")
            ):
                line = (tok.map[0] + 1) if tok.map else 1
                out.append(
                    Diagnostic(
                        Pos(file, line, 1),
                        "unsupported_block",
                        {"kind": tok.type.removesuffix("_open")},
                        "unsupported_block.hint",
                    )
                )
            continue
        line = (tok.map[0] + 1) if tok.map else 1
        block_id = tok.attrGet("id")
        if not block_id or not isinstance(block_id, str):
            out.append(
                Diagnostic(Pos(file, line, 1), "paragraph_no_id", None, "paragraph_no_id.hint")
            )
            continue
        if block_id in seen:
            out.append(
                Diagnostic(
                    Pos(file, line, 1),
                    "duplicate_paragraph",
                    {"id": block_id, "line": seen[block_id]},
                    "duplicate_paragraph.hint",
                )
            )
            continue
        seen[block_id] = line
        inline = tokens[i + 1]
        children = _mark_leads(inline.children or [])
        html = Markup(_HTML.renderInline(children, _md.options, {}))  # raw HTML off
        kind = "heading" if tok.type == "heading_open" else "paragraph"
        level = int(tok.tag[1]) if kind == "heading" else 0
        blocks.append(Block(block_id, kind, level, _plain(children), html, line))
    return blocks


def _mark_leads(children: list[Token]) -> list[Token]:
    for tok in children:
        if tok.type in ("span_open", "span_close"):
            tok.tag = "strong"
    return children


def _plain(children: list[Token]) -> str:
    parts = []
    for tok in children:
        if tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type == "softbreak":
            parts.append("")
        elif tok.type == "hardbreak":
            parts.append(" ")
    return "".join(parts)
