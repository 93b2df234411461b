"""The questions of `new`: each field from its flag or asked (with what to choose from, named
as staff know it), checked as it is given, asked again alone while wrong; every other answer
is kept. Every word comes from the catalogue (`new.*` in cli.yaml) in the staff's language."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from generator import yamlnodes
from generator.catalogue import text
from generator.errors import Diagnostic
from generator.scaffold.answers import Answers, Problem
from generator.scaffold.known import DEFAULT_DEADLINE, FIELDS, QUANTITY_ONLY, Choice, Known

DEFAULTS = {"comparator": "at_least", "counties": "all", "deadline": DEFAULT_DEADLINE}


class Form:
    """The answers to `new`, in the order of FIELDS."""

    def __init__(self, ctx: click.Context, no_input: bool, known: Known, folder: Path, lang: str):
        """`folder`: the targets folder the new file goes into."""
        self.ctx, self.no_input, self.known, self.lang = ctx, no_input, known, lang
        self.answers: dict[str, Any] = {}
        self.checks = Answers(known, folder, self.answers)
        self.failed: list[Problem] = []  # the problems of the answer being asked again

    def say(self, key: str, **values: Any) -> str:
        return text(key, self.lang, **values)

    # -- one field ---------------------------------------------------------------------------

    def field(self, name: str, value: Any) -> Any:
        while True:
            if value is None:
                value = self.prompt(name)
            answer = self.known.convert(name, value, self.answers)
            if self.no_input:  # nothing is asked again: the validator lists every problem
                return answer
            self.failed = self.check(name, answer)
            if not self.failed:
                return answer
            self.tell(self.failed)
            value = None

    def check(self, name: str, answer: Any) -> list[Problem]:
        return self.checks.check(name, answer)

    def prompt(self, name: str) -> Any:
        flag = FIELDS[name][0]
        if self.no_input:
            raise click.UsageError(self.say("new.missing_option", flag=flag), self.ctx)
        self.show(name)
        default = self.default_paragraph() if name == "paragraph" else DEFAULTS.get(name)
        try:
            suffix = "：" if self.lang == "zh" else ": "
            return click.prompt(self.say(f"new.ask.{name}"), default=default, prompt_suffix=suffix)
        except click.Abort:
            if sys.stdin.isatty():
                raise
            click.echo()
            if self.failed:  # no other answer to a wrong one: that answer's problem stands
                click.echo(self.say("new.no_other_answer"), err=True)
                sys.exit(1)
            raise click.UsageError(self.say("new.no_answer", flag=flag), self.ctx) from None

    def default_paragraph(self) -> str | None:
        themes = self.known.themes(self.answers.get("section", ""))
        theme_id = self.answers.get("theme")
        theme = themes.get(theme_id) if isinstance(theme_id, str) else None
        return theme.paragraph if theme and theme.paragraph else None

    def show(self, name: str) -> None:
        """What to choose from, with the names staff know (Chinese names in Chinese)."""
        known = self.known
        if name == "section" and known.sections:
            self.listing("new.list.sections", known.sections)
        elif name == "theme":
            themes = known.themes(self.answers.get("section", ""))
            if themes:
                self.listing("new.list.themes", themes)
        elif name == "quote":
            block = known.blocks.get(self.answers.get("paragraph", ""))
            if block is not None:
                click.echo(f"  {block.id}: {block.text}")
        elif name == "counties" and known.counties:
            listed = [f"all {self.say('new.all_counties')}"]
            listed += [f"{cid} {self.name(c)}" for cid, c in known.counties.items()]
            click.echo(self.say("new.list.counties"))
            comma = "，" if self.lang == "zh" else ", "
            for i in range(0, len(listed), 5):
                click.echo("    " + comma.join(listed[i : i + 5]))

    def listing(self, heading: str, items: dict[str, Choice]) -> None:
        click.echo(self.say(heading))
        for item_id, item in items.items():
            click.echo(f"    {item_id}  {self.name(item)}")

    def name(self, item: Choice) -> str:
        """An item's name in the staff's language: in Chinese all its names (the number of a
        section first), in English its English name."""
        if self.lang == "zh":
            names = item.names  # a section's: title, short label, number → "（一） 农业"
            return " ".join(names[-1:] + names[:1] if len(names) > 1 else names)
        return item.label["en"]

    def tell(self, problems: list[Problem]) -> None:
        for p in problems:
            message, hint = p.text(self.lang), p.hint_text(self.lang)
            if hint:
                click.echo(self.say("new.again.hint", message=message, hint=hint), err=True)
            else:
                click.echo(self.say("new.again", message=message), err=True)

    # -- all fields --------------------------------------------------------------------------

    def needed(self, name: str) -> bool:
        return name not in QUANTITY_ONLY or self.answers.get("kind") == "quantity"

    def fill(self, given: dict[str, Any], names: list[str]) -> None:
        """Answer `names` in order: a flag's value, else a question (a flag that does not apply
        is kept as given, so that the validator explains why)."""
        for name in names:
            if self.needed(name):
                self.answers[name] = self.field(name, given.get(name))
            elif given.get(name) is not None:
                self.answers[name] = self.known.convert(name, given[name], self.answers)
            else:
                self.answers.pop(name, None)

    def ask_again(self, again: list[str], problems: list[Diagnostic]) -> None:
        """The fields the validator refused, asked again, then any later answer that depends on
        them, checked anew."""
        self.tell(problems)
        self.failed = problems
        for name in again:
            self.answers.pop(name)
        self.fill({}, [n for n in FIELDS if n not in self.answers or n in again])
        for name in list(FIELDS)[list(FIELDS).index(again[0]) + 1 :]:
            if name in self.answers and self.needed(name):
                self.failed = self.check(name, self.answers[name])
                if self.failed:
                    self.tell(self.failed)
                    self.answers[name] = self.field(name, None)

    def value(self) -> dict[str, Any]:
        a = self.answers
        metric: dict[str, Any] = {"kind": a["kind"]}
        for name in ("target", "comparator"):
            if name in a:
                metric[name] = a[name]
        if "unit_zh" in a or "unit_en" in a:
            metric["unit"] = {k: a[f"unit_{k}"] for k in ("zh", "en") if f"unit_{k}" in a}
        return {
            "id": a["target_id"],
            "section": a["section"],
            "theme": a["theme"],
            "title": {"zh": a["title_zh"], "en": a["title_en"]},
            "source": {"paragraph": a["paragraph"], "quote": a["quote"]},
            "metric": metric,
            "counties": a["counties"],
            "deadline": a["deadline"],
            "updates": [],
        }

    def fields_at(self, text: str, problems: list[Diagnostic]) -> list[str] | None:
        """The fields the problems are about (by their line in the rendered file), in order;
        None when one of them is about none of the fields asked."""
        doc = yamlnodes.parse(text, "-")
        lines: dict[int, str] = {}
        for name, (_, path) in FIELDS.items():
            if name in self.answers:
                lines.setdefault(doc.at(path)[0], name)
                lines.setdefault(doc.key_at(path)[0], name)
        names = [lines.get(p.pos.line) for p in problems]
        if None in names:
            return None
        return [n for n in FIELDS if n in names]
