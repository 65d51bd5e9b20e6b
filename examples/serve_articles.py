"""Serves data/articles.jsonl as a small news site on 127.0.0.1, for the Scrapy example.

    python examples/serve_articles.py 8000      # then crawl http://127.0.0.1:8000/

The front page links every story; a story page has a canonical link (the
article's own URL), the record's language (<html lang>), author and publication
date (<meta>) when it has them, and one <p> per line of its text, inside <article>.
"""

from __future__ import annotations

import html
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "data" / "articles.jsonl"


def site_pages(articles: Path = ARTICLES) -> dict[str, bytes]:
    """Path -> page, for the front page and one page per article."""
    pages, links = {}, []
    with open(articles, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            path = f"/news/{rec['id']}.html"
            url = rec["url"]
            canonical = f'<link rel="canonical" href="{html.escape(url)}">' if url else ""
            lang = f' lang="{html.escape(rec["language"])}"' if rec.get("language") else ""
            if rec.get("author"):
                canonical += f'<meta name="author" content="{html.escape(rec["author"])}">'
            if rec.get("published"):
                canonical += ('<meta property="article:published_time" '
                              f'content="{html.escape(rec["published"])}">')
            paragraphs = "".join(
                f"<p>{html.escape(text)}</p>\n" for text in rec["text"].splitlines() if text.strip()
            )
            pages[path] = (
                f'<!doctype html><html{lang}><head><meta charset="utf-8"><title>{rec["id"]}</title>'
                f"{canonical}</head><body><nav><a href=\"/\">Home</a></nav>\n"
                f"<article>\n{paragraphs}</article></body></html>\n"
            ).encode("utf-8")
            links.append(f'<li><a class="story" href="{path}">{html.escape(rec["id"])}</a></li>\n')
    front = "<!doctype html><html><body><ul>\n" + "".join(links) + "</ul></body></html>\n"
    pages["/"] = front.encode("utf-8")
    return pages


def make_server(
    port: int = 0,
    pages: dict[str, bytes] | None = None,
    content_types: dict[str, str] | None = None,
) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 (port 0: any free port); call serve_forever().

    content_types: path -> Content-Type header, for pages not in UTF-8
    (default "text/html; charset=utf-8").
    """
    pages = pages if pages is not None else site_pages()
    content_types = content_types or {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path.split("?", 1)[0])
            self.send_response(200 if body is not None else 404)
            path = self.path.split("?", 1)[0]
            self.send_header("Content-Type", content_types.get(path, "text/html; charset=utf-8"))
            body = body if body is not None else b"not found\n"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return ThreadingHTTPServer(("127.0.0.1", port), Handler)


if __name__ == "__main__":
    server = make_server(int(sys.argv[1]) if len(sys.argv) > 1 else 8000)
    print(f"serving {len(site_pages()) - 1} stories on http://127.0.0.1:{server.server_port}/")
    server.serve_forever()
