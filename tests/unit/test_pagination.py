"""Long lists page, and a reader can reach every page: one pager on each page of a paged list,
reached from page 1 by its links, and every row of the list on exactly one of its pages.

The shipped build of the paged fixture (tests/fixtures/paged: 30 synthetic targets in 7 parts of
3 to 5 themes, every status), with pages of 2 rows so that every paginated kind (the full list,
parts, statuses, counties, months of changes) has paged lists, most of them 3 pages or more, and
a part's page shows rows of two themes (a pager inside the themes loop would show twice); the
expected members of each list come from the build's own data/targets.json. Every page read is
parsed whole, so a tag closed out of order (the header is split across two partials) fails too.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.built import built, list_limit
from tests.casefile import HERE

PAGED = HERE / "fixtures" / "paged"
PAGE_ROWS = 2
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.text: list[str] = []

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        """Descendants with this tag whose attributes contain these values (class: one of)."""
        found = []
        for node in self.iter():
            if node is self or node.tag != tag:
                continue
            ok = True
            for name, want in attrs.items():
                have = node.attrs.get(name.rstrip("_"), None)
                if name == "class_":
                    ok = ok and have is not None and want in have.split()
                else:
                    ok = ok and have == want
            if ok:
                found.append(node)
        return found

    def one(self, tag: str, **attrs: str) -> Node:
        (node,) = self.find_all(tag, **attrs)
        return node

    def all_text(self) -> str:
        return "".join(t for node in self.iter() for t in node.text).strip()


class Tree(HTMLParser):
    """A small DOM from html.parser; fails on a closing tag that does not match."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = self.at = Node("#root", {}, None)
        self.feed(html)
        self.close()
        assert self.at is self.root, f"<{self.at.tag}> is never closed"

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.at.tag == tag, f"</{tag}> closes <{self.at.tag}>"
        self.at = self.at.parent

    def handle_data(self, data):
        self.at.text.append(data)


@functools.cache
def parse(path: Path) -> Node:
    return Tree(path.read_text("utf-8")).root


def resolve(page: str, href: str) -> str:
    """The output file a relative link from `page` opens."""
    href = href.split("#")[0]
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return path + "/index.html" if href.endswith("/") else path


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("paged")
    with list_limit(PAGE_ROWS):
        built(PAGED, root / "site")
    return root / "site"


def lists(site: Path) -> dict[str, Counter]:
    """Every paginated list (its first page, without the language) and what it must show once."""
    data = json.loads((site / "data" / "targets.json").read_text("utf-8"))["targets"]
    out: dict[str, Counter] = {"targets/index.html": Counter(t["id"] for t in data)}
    for t in data:
        out.setdefault(f"sections/{t['section']}/index.html", Counter())[t["id"]] += 1
        out.setdefault(f"status/{t['status']}/index.html", Counter())[t["id"]] += 1
        if t["counties"] != "all":
            for c in t["counties"].split():
                out.setdefault(f"counties/{c}/index.html", Counter())[t["id"]] += 1
        for u in t["history"]:
            month = f"changes/{u['date'][:7]}/index.html"
            out.setdefault(month, Counter())[(t["id"], u["date"])] += 1
    return out


def shown(page: str, doc: Node) -> Counter:
    """The rows of the page's list: commitments (by id), or updates (by id and date)."""
    main = doc.one("main")
    if "/changes/" in page:
        return Counter(
            (
                resolve(page, li.find_all("a")[0].attrs["href"]).split("/")[-2],
                li.one("time").attrs["datetime"],
            )
            for li in main.one("ol", class_="update-list").children
        )
    if "/counties/" in page:
        main = main.one("section", **{"aria-labelledby": "named-heading"})
    links = [a.attrs["href"] for a in main.find_all("a", class_="target-title")]
    return Counter(resolve(page, href).split("/")[-2] for href in links)


def test_every_page_of_every_list_is_reached_from_page_1(site):
    files = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    pages_per_kind: Counter = Counter()
    for first, members in lists(site).items():
        for lang in ("zh", "en"):
            start = f"{lang}/{first}"
            assert start in files, start
            base = start[: -len("index.html")]
            numbered = re.compile(re.escape(base) + r"page/\d+/index\.html")
            exist = {start} | {f for f in files if numbered.fullmatch(f)}
            # follow the pagers from page 1; then the rel="next" chain alone
            seen, todo, rows, following = set(), [start], Counter(), {}
            while todo:
                page = todo.pop()
                if page in seen:
                    continue
                seen.add(page)
                doc = parse(site / page)
                rows += shown(page, doc)
                pagers = doc.find_all("nav", class_="pager")
                if len(exist) == 1:
                    assert pagers == [], f"{page}: a list of one page has a pager"
                    continue
                assert len(pagers) == 1, f"{page}: {len(pagers)} pagers"
                pager = pagers[0]
                assert pager.attrs["aria-label"], page
                number = 1 if page == start else int(page.split("/")[-2])
                assert pager.one("span", **{"aria-current": "page"}).all_text() == str(number)
                links = {resolve(page, a.attrs["href"]) for a in pager.find_all("a")}
                assert links == exist - {page}, page
                prev, after = pager.find_all("a", rel="prev"), pager.find_all("a", rel="next")
                assert len(prev) == (number > 1) and len(after) == (number < len(exist)), page
                if after:
                    following[page] = resolve(page, after[0].attrs["href"])
                todo.extend(links)
            assert seen == exist, f"{start}: not reached: {sorted(exist - seen)}"
            chain = [start]
            while chain[-1] in following and len(chain) <= len(exist):
                chain.append(following[chain[-1]])
            in_order = [start] + [f"{base}page/{n}/index.html" for n in range(2, len(exist) + 1)]
            assert chain == in_order, f"{start}: rel=next goes {chain}"
            assert rows == members, f"{start}: rows missing or repeated"
            kind = first.split("/")[0]
            pages_per_kind[kind] = max(pages_per_kind[kind], len(exist))
    # the content is big enough: every kind has a list of 3 pages or more (a middle page)
    assert set(pages_per_kind) == {"targets", "sections", "status", "counties", "changes"}
    assert min(pages_per_kind.values()) >= 3, pages_per_kind


def test_a_paged_part_shows_only_the_themes_of_its_page(site):
    paged = [
        p
        for p in site.glob("*/sections/*/**/index.html")
        if parse(p).find_all("nav", class_="pager")
    ]
    assert len(paged) > 7
    for page in paged:
        for group in parse(page).one("main").find_all("section", class_="target-group"):
            assert group.find_all("li", class_="target-row"), f"{page}: empty {group.attrs['id']}"


def test_print_parts_cut_long_parts_and_keep_their_order():
    from generator.pages.reader import print_parts

    groups = [("a", [1, 2, 3]), ("b", [4]), ("c", [5, 6, 7, 8])]
    assert print_parts(groups, 3) == [
        [("a", [1, 2, 3])],
        [("b", [4]), ("c", [5, 6])],
        [("c", [7, 8])],
    ]
    assert print_parts(groups, 100) == [groups]
    assert print_parts([], 3) == [[]]


def test_the_printable_list_continues_on_numbered_pages_with_every_commitment_once(tmp_path):
    """A printable list of every commitment on one page was 34 MB at 100,000 commitments; it
    continues on print/page/2/, … beyond PRINT_LIMIT rows, every commitment on one page."""
    from generator.pages import reader

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "PRINT_LIMIT", 7)
        built(PAGED, tmp_path / "site")
    site = tmp_path / "site"
    data = json.loads((site / "data" / "targets.json").read_text("utf-8"))["targets"]
    page, rows, pages = "zh/print/index.html", Counter(), 0
    while page:
        doc = parse(site / page)
        titles = [th.all_text().strip() for th in doc.one("main").find_all("th", scope="row")]
        assert 0 < len(titles) <= 7 and doc.one("main").find_all("h2")
        rows.update(titles)
        pages += 1
        following = [a for a in doc.one("main").find_all("a") if a.attrs.get("rel") == "next"]
        page = resolve(page, following[0].attrs["href"]) if following else ""
    assert pages == -(-len(data) // 7) and rows == Counter(t["title_zh"] for t in data)
