"""What a web host needs from the site: the response headers (written as `_headers` for
Netlify and Cloudflare Pages, and shown for nginx and Apache in the README, which a test keeps
equal) and the 404 page's one inline script with its CSP hash.

The 404 page is the only page that cannot link relatively: a host serves it at whatever
address was missing. With base_url it links absolutely; without, the inline script finds the
site's root. Inline scripts are otherwise never allowed, so the header policy names this one
script by its SHA-256.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache

from generator.render import TEMPLATES


@cache
def notfound_script() -> str:
    """The 404 page's script, exactly as inlined (its hash covers these characters)."""
    return (TEMPLATES / "notfound.js").read_text(encoding="utf-8").strip()


@cache
def notfound_hash() -> str:
    """CSP source expression for the 404 script: 'sha256-<base64>'."""
    digest = hashlib.sha256(notfound_script().encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def csp() -> str:
    """The Content-Security-Policy a host should send with every response (pages add their
    own stricter <meta> policies: no 'wasm-unsafe-eval' outside the search page)."""
    return (
        "default-src 'self'; "
        f"script-src 'self' 'wasm-unsafe-eval' {notfound_hash()}; "
        "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; "
        # the embed pages are meant for other sites' iframes
        "frame-ancestors *"
    )


def headers() -> list[tuple[str, str]]:
    """Every header a host should send, in the order the README lists them."""
    return [
        ("Content-Security-Policy", csp()),
        ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", "geolocation=(), camera=(), microphone=()"),
    ]


def headers_file() -> bytes:
    """`_headers` (Netlify, Cloudflare Pages): the same headers for every path."""
    return ("/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers())).encode()
