"""Draw the site's share image (og:image), templates/static/og.png, 1200 x 630 px.

A one-off developer tool, not part of the build: the PNG is committed and copied to
site/assets/og.png like every static file. It renders the HTML card below in Debian's Chromium
(Playwright with executable_path, as the browser tests do) and screenshots it. Run it again
after changing the name or the colours:

    .venv/bin/python scripts/og_image.py

The card shows the brand mark of the header and the site name in both languages; it carries
no figures, so it never goes stale when the content changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates" / "static" / "og.png"
WIDTH, HEIGHT = 1200, 630  # the size Facebook, LinkedIn, X and WeChat crop least

CARD = """<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><style>
html, body { margin: 0; width: 1200px; height: 630px; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #1a1a1a;
  background: #fff; display: flex; flex-direction: column; justify-content: space-between;
  box-sizing: border-box; padding: 64px 84px 0; border-top: 18px solid #1d4e89; }
.mark { width: 132px; height: 132px; }
.mark rect { fill: #1d4e89; } .land { fill: #3d72b0; } .river { stroke: #fff; }
.name { display: flex; align-items: center; gap: 44px; }
h1 { font-size: 92px; line-height: 1.1; margin: 0; font-weight: 700; letter-spacing: .04em; }
.sub { font-size: 44px; line-height: 1.35; margin: 28px 0 0; font-weight: 500; }
.en { font-family: "DejaVu Sans", sans-serif; font-size: 34px; color: #444;
  margin: 14px 0 0; }
.band { background: #1d4e89; color: #fff; margin: 0 -84px; padding: 24px 84px 28px;
  font-size: 32px; line-height: 1.45; }
.band p { margin: 0; } .band p + p { font-family: "DejaVu Sans", sans-serif; font-size: 24px; }
</style></head><body>
<div>
  <div class="name">
    <svg class="mark" viewBox="0 0 32 32"><rect width="32" height="32" rx="7"/>
      <path class="land" d="M14.5 4.5h10a3 3 0 0 1 3 3v17a3 3 0 0 1-3 3H14.5
        c-2.2-3.6 0-6.4-1.3-9.5-1.2-3 1.4-5.3.6-8.5z"/>
      <path class="river" d="M11 4c1.6 3.4-1.2 5.8.2 9.3 1.3 3.2-1 5.8.3 9.2.6 1.6 1.8 2.8 3.5 3.5"
      fill="none" stroke-width="2.6" stroke-linecap="round"/></svg>
    <h1>河东公开</h1>
  </div>
  <p class="sub">运城市政府工作报告承诺追踪</p>
  <p class="en" lang="en">Hedong Open: tracking Yuncheng's government work report</p>
</div>
<div class="band"><p>每项承诺逐条对应报告原文，每条进展注明来源</p>
  <p lang="en">Every commitment traced to the report's words, every update to a source</p></div>
</body></html>
"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.set_content(CARD)
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(OUT), full_page=False, animations="disabled")
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
