"""Independent validators for what the site serves: feeds, calendars, sitemaps and HTML.

Each function returns the problems it found (an empty list or dict when there are none), so a
test reads ``assert atom_problems(response.content) == []`` and a failure names the problem.

- Feeds: feedparser, plus the elements RFC 4287 (Atom) and RSS 2.0 require.
- Calendars: vobject, a parser other than the icalendar library that writes them.
- XML sitemap: xmllint against the schema in tests/formats/sitemap.xsd.
- HTML: the W3C checker (vnu.jar, run by java), once for a whole set of pages.

xmllint, java and vnu.jar are not Python packages: ``make test`` installs them. Without them
the tests that need them fail and say so; they are never skipped.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
import vobject

ROOT = Path(__file__).resolve().parents[1]
SITEMAP_SCHEMA = Path(__file__).resolve().parent / "formats" / "sitemap.xsd"
ATOM = "{http://www.w3.org/2005/Atom}"
INSTALL_HINT = "run `make test`, which installs it"

# Feeds ------------------------------------------------------------------------------------------


def _parsed_feed(content, version):
    feed = feedparser.parse(content)
    problems = []
    if feed.bozo:
        problems.append(f"feedparser: {feed.get('bozo_exception')}")
    if feed.version != version:
        problems.append(f"feedparser reads the feed as {feed.version!r}, not {version!r}")
    return feed, problems


def atom_problems(content):
    """What an Atom feed lacks: feedparser's complaints and RFC 4287's required elements.

    The feed needs an id, a title, an updated time and an author (on the feed, or on every
    entry); each entry needs an id, a title, an updated time and a link.
    """
    _feed, problems = _parsed_feed(content, "atom10")
    root = ElementTree.fromstring(content)  # noqa: S314 (the test server's own output)

    def missing(element, names):
        return [name for name in names if not (element.findtext(ATOM + name) or "").strip()]

    problems += [f"feed has no {name}" for name in missing(root, ("id", "title", "updated"))]
    feed_author = (root.findtext(f"{ATOM}author/{ATOM}name") or "").strip()
    entries = root.findall(ATOM + "entry")
    for number, entry in enumerate(entries, 1):
        names = missing(entry, ("id", "title", "updated"))
        if entry.find(ATOM + "link") is None or not entry.find(ATOM + "link").get("href"):
            names.append("link")
        if not feed_author and not (entry.findtext(f"{ATOM}author/{ATOM}name") or "").strip():
            names.append("author (and the feed has none)")
        problems += [f"entry {number} has no {name}" for name in names]
    if not feed_author and not entries:
        problems.append("feed has no author")
    return problems


def rss_problems(content):
    """What an RSS 2.0 feed lacks: feedparser's complaints, the channel's title, link,
    description and build date, and each item's title, link, guid, date and author."""
    feed, problems = _parsed_feed(content, "rss20")
    for name in ("title", "link", "subtitle", "updated"):
        if not feed.feed.get(name):
            problems.append(f"channel has no {'description' if name == 'subtitle' else name}")
    for number, entry in enumerate(feed.entries, 1):
        for name in ("title", "link", "id", "published", "author"):
            if not entry.get(name):
                problems.append(f"item {number} has no {name}")
    return problems


def parse_feed(content):
    """The feed as feedparser reads it."""
    return feedparser.parse(content)


# Calendars --------------------------------------------------------------------------------------


def read_calendar(content):
    """The calendar as vobject reads it."""
    return vobject.readOne(content.decode("utf-8"))


def calendar_name(content):
    """``X-WR-CALNAME`` as vobject reads it (a comma left unescaped ends the name there)."""
    calendar = read_calendar(content)
    names = calendar.contents.get("x-wr-calname", [])
    return names[0].value if names else None


def calendar_events(content):
    """``[(start, end, summary)]`` of every VEVENT, as vobject reads them (end may be None)."""
    calendar = read_calendar(content)
    return [
        (
            event.dtstart.value,
            event.dtend.value if "dtend" in event.contents else None,
            event.summary.value if "summary" in event.contents else "",
        )
        for event in calendar.contents.get("vevent", [])
    ]


def calendar_problems(content):
    """Events that vobject reads without a UID, a start, or an end after the start."""
    problems = []
    calendar = read_calendar(content)
    for number, event in enumerate(calendar.contents.get("vevent", []), 1):
        if "uid" not in event.contents:
            problems.append(f"event {number} has no UID")
        if "dtstart" not in event.contents:
            problems.append(f"event {number} has no DTSTART")
            continue
        if "dtend" not in event.contents:
            problems.append(f"event {number} has no DTEND")
        elif not event.dtstart.value < event.dtend.value:
            problems.append(
                f"event {number} ends ({event.dtend.value}) no later than it starts "
                f"({event.dtstart.value})"
            )
    return problems


# Tools outside Python ----------------------------------------------------------------------------


def _tool(name):
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"`{name}` is not on PATH: {INSTALL_HINT}.")
    return path


def _vnu_jar():
    jar = Path(os.environ.get("VNU_JAR") or ROOT / "node_modules/vnu-jar/build/dist/vnu.jar")
    if not jar.is_file():
        pytest.fail(f"The W3C HTML checker is missing ({jar}): {INSTALL_HINT}.")
    return jar


def sitemap_problems(content):
    """xmllint's complaints about an XML sitemap, checked against tests/formats/sitemap.xsd."""
    xmllint = _tool("xmllint")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sitemap.xml"
        path.write_bytes(content)
        result = subprocess.run(  # noqa: S603
            [xmllint, "--noout", "--nonet", "--schema", str(SITEMAP_SCHEMA), str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode == 0:
        return []
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return [line.replace(str(path), "sitemap.xml") for line in lines] or [
        f"xmllint exited with {result.returncode}"
    ]


def html_errors(pages):
    """The W3C checker's errors for ``{name: HTML bytes}``: ``{name: [message, ...]}``.

    One java process checks every page. Pages without errors are left out of the result.
    """
    java = _tool("java")
    jar = _vnu_jar()
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for number, (name, content) in enumerate(pages.items()):
            path = Path(folder) / f"page-{number}.html"
            path.write_bytes(content)
            files[path.name] = name
        result = subprocess.run(  # noqa: S603
            [java, "-jar", str(jar), "--format", "json", "--errors-only", *files],
            capture_output=True,
            text=True,
            check=False,
            cwd=folder,
        )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"The W3C checker gave no report (exit {result.returncode}): {result.stderr}")
    errors = {}
    for message in messages:
        url = message.get("url", "?")
        name = files.get(url.rsplit("/", 1)[-1], url)
        where = f"line {message['lastLine']}: " if "lastLine" in message else ""
        errors.setdefault(name, []).append(f"{where}{message['message']}")
    return errors
