"""`storyledger serve`: a read-only web app over one ledger (Starlette, Jinja2, no CDN).

Every page has a JSON twin under `/api/`. The ledger is opened with a `mode=ro` URI, every query
is parameterised, every string from an article is autoescaped by Jinja2, scripts come only from
`/static/` (the Content-Security-Policy forbids inline script), and the server binds 127.0.0.1
unless told otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from ..ledger import Ledger, LedgerError, follow
from . import data
from .data import NotFound
from .feed import atom

HERE = Path(__file__).parent
# A query string longer than this is refused (414): no page needs more, and it bounds the work
# a crafted request can ask of FTS and the JSON functions.
MAX_QUERY = 2048
MAX_PARAM = 300
PROPOSITION_ID = re.compile(r"p[0-9a-f]{1,40}")
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Entries in an Atom feed: the newest changes; a feed reader keeps what it has seen.
FEED_ENTRIES = 100


@dataclass(frozen=True, slots=True)
class Settings:
    """What `serve` was started with."""

    db: str
    tiles: str | None = None  # an online tile URL template ({z}/{x}/{y}); none by default


class BadRequest(Exception):
    pass


def environment() -> jinja2.Environment:
    """Templates with autoescaping on for every file, whatever its extension."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("storyledger.present", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = number
    env.filters["safe_url"] = safe_url
    return env


def number(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}"


def safe_url(url: str | None) -> str | None:
    """An article's own URL, only when it is http(s): never a javascript: or data: link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def csp(tiles: str | None) -> str:
    img = "'self' data:"
    if tiles:
        parts = urlsplit(tiles)
        img += f" {parts.scheme}://{parts.netloc}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; " f"img-src {img}; connect-src 'self'; "
            "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class Guard:
    """Security headers on every answer; over-long query strings refused before any route runs."""

    def __init__(self, app: ASGIApp, policy: str) -> None:
        self.app, self.policy = app, policy.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY or len(scope.get("path", "")) > MAX_QUERY:
            await JSONResponse({"error": "the request is too long."}, 414)(scope, receive, self.headers(send))
            return
        if scope["method"] not in ("GET", "HEAD"):
            await JSONResponse({"error": "this app is read-only."}, 405, headers={"Allow": "GET, HEAD"})(scope, receive, self.headers(send))
            return
        await self.app(scope, receive, self.headers(send))

    def headers(self, send: Send) -> Send:
        async def wrapped(message: dict) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    (b"content-security-policy", self.policy), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
                    (b"cross-origin-resource-policy", b"same-origin")]
            await send(message)
        return wrapped


def param(request: Request, name: str, pattern: re.Pattern | None = None, choices: tuple[str, ...] | None = None) -> str:
    value = request.query_params.get(name, "").strip()
    if len(value) > MAX_PARAM:
        raise BadRequest(f"{name} is longer than {MAX_PARAM} characters.")
    if "\x00" in value:
        raise BadRequest(f"{name} holds a NUL character.")
    if value and pattern is not None and not pattern.fullmatch(value):
        raise BadRequest(f"{name} is not in the expected form.")
    if value and choices is not None and value not in choices:
        raise BadRequest(f"{name} must be one of {', '.join(choices)}.")
    return value


def story_param(value: str) -> str:
    """A story id from the path: a document id, so any text, but not an over-long or NUL one."""
    if len(value) > MAX_PARAM or "\x00" in value:
        raise NotFound("there is no such story.")
    return value


def int_param(request: Request, name: str, default: int, high: int) -> int:
    value = param(request, name)
    if not value:
        return default
    if not value.isdigit() or int(value) > high:
        raise BadRequest(f"{name} must be a whole number from 0 to {high}.")
    return int(value)


def create_app(db: str | Path, tiles: str | None = None) -> Starlette:
    """The app over the ledger file `db`, opened read-only once and shared by every request."""
    settings = Settings(str(db), tiles)
    ledger = Ledger(db, readonly=True)
    env = environment()

    def page(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
        html = env.get_template(template).render(request=request, settings=settings, **context)
        return HTMLResponse(html, status)

    def endpoint(template: str, build: Any) -> tuple[Any, Any]:
        """An HTML route and its /api/ JSON twin from one function building the page's dict."""
        async def html(request: Request) -> Response:
            try:
                return page(request, template, {"data": build(request)})
            except NotFound as e:
                return page(request, "error.html", {"message": str(e), "status": 404}, 404)
            except BadRequest as e:
                return page(request, "error.html", {"message": str(e), "status": 400}, 400)

        async def api(request: Request) -> Response:
            try:
                return JSONResponse(build(request))
            except NotFound as e:
                return JSONResponse({"error": str(e)}, 404)
            except BadRequest as e:
                return JSONResponse({"error": str(e)}, 400)
        return html, api

    def overview(request: Request) -> dict:
        sort = param(request, "sort", choices=tuple(data.SORTS)) or "activity"
        return data.overview(ledger, sort, data.PAGE, int_param(request, "offset", 0, 10_000_000))

    def stories(request: Request) -> dict:
        return data.stories(ledger, data.PAGE, int_param(request, "offset", 0, 10_000_000))

    def story(request: Request) -> dict:
        return data.story(ledger, story_param(request.path_params["sid"]), data.PAGE, int_param(request, "offset", 0, 10_000_000))

    def changes(request: Request) -> dict:
        return data.changes(ledger, param(request, "story") or None, data.PAGE, int_param(request, "offset", 0, 10_000_000))

    def feed(request: Request) -> Response:
        """/changes.atom and /story/ID/changes.atom: the newest changes as an Atom feed."""
        base = str(request.base_url)
        sid = request.path_params.get("sid")
        try:
            if sid is not None:
                sid = data.story_of(ledger, story_param(sid))
                page_url = base + "story/" + quote(sid, safe="")
                title = f"storyledger: what changed in {follow.story_row(ledger.db, sid)['label']}"
            else:
                page_url, title = base + "changes", "storyledger: what changed"
            got = follow.changes(ledger.db, story=sid, limit=FEED_ENTRIES, claims_per_change=data.SHOWN_PER_CHANGE)
        except NotFound as e:
            return page(request, "error.html", {"message": str(e), "status": 404}, 404)
        xml = atom(got, title, page_url + "/changes.atom" if sid else base + "changes.atom", page_url, base)
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    def proposition(request: Request) -> dict:
        pid = request.path_params["pid"]
        if not PROPOSITION_ID.fullmatch(pid):
            raise NotFound(f"there is no proposition {pid!r}.")
        return data.proposition(ledger, pid, data.CLAIMS_PAGE, int_param(request, "offset", 0, 10_000_000))

    def source(request: Request) -> dict:
        sid = request.path_params["sid"]
        if sid >= 2**63:
            raise NotFound(f"there is no source {sid}.")
        return data.source(ledger, sid)

    def sources(request: Request) -> dict:
        return {"sources": data.sources(ledger)}

    def article(request: Request) -> dict:
        doc = param(request, "id")
        if not doc:
            raise BadRequest("id names the document to show.")
        return data.article(ledger, doc)

    def search(request: Request) -> dict:
        out = data.search(ledger, param(request, "q"), param(request, "since", DATE), param(request, "until", DATE),
                          param(request, "source"), param(request, "stance", choices=data.STANCES), param(request, "outlet"),
                          data.PAGE, int_param(request, "offset", 0, 1_000_000))
        out["outlets"] = data.outlets(ledger)
        out["stances"] = data.STANCES
        return out

    def places(request: Request) -> dict:
        pid = param(request, "proposition", PROPOSITION_ID)
        return {"places": data.places(ledger, pid or None), "proposition": pid or None, "tiles": settings.tiles}

    routes = [Route("/changes.atom", feed), Route("/story/{sid:path}/changes.atom", feed)]
    for path, template, build in (("/", "stories.html", stories), ("/propositions", "overview.html", overview),
                                  ("/story/{sid:path}", "story.html", story), ("/changes", "changes.html", changes),
                                  ("/proposition/{pid}", "proposition.html", proposition),
                                  ("/source/{sid:int}", "source.html", source), ("/sources", "sources.html", sources),
                                  ("/article", "article.html", article), ("/search", "search.html", search),
                                  ("/map", "map.html", places)):
        html, api = endpoint(template, build)
        routes.append(Route(path, html))
        routes.append(Route("/api" + {"/": "/stories", "/propositions": "/overview"}.get(path, path), api))

    async def not_found(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "there is no such page."}, 404)
        return page(request, "error.html", {"message": "There is no such page.", "status": 404}, 404)

    async def server_error(request: Request, exc: Exception) -> Response:
        return JSONResponse({"error": "the server failed on this request."}, 500)

    async def favicon(request: Request) -> Response:
        return Response(status_code=204)

    routes.append(Route("/favicon.ico", favicon))
    routes.append(Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    app = Starlette(routes=routes, exception_handlers={404: not_found, 500: server_error})
    app.state.ledger = ledger
    app.add_middleware(Guard, policy=csp(tiles))
    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, tiles: str | None = None) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    if tiles and urlsplit(tiles).scheme not in ("http", "https"):
        raise LedgerError(f"--tiles must be an http(s) URL template with {{z}}, {{x}} and {{y}}, not {tiles!r}.")
    app = create_app(db, tiles)
    print(f"storyledger: serving {db} read-only on http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
