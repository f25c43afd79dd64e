"""The one settings namespace of wagtail-ward: ``WAGTAIL_WARD = {...}`` in the project settings.

Read values with ``ward_setting("NAME")``; every key has a default here, so a project sets only
what it changes.
"""

from django.conf import settings

DEFAULTS = {
    # Time zone of the office: the long date in the header and "today" for visit counts.
    "TIME_ZONE": "Asia/Ho_Chi_Minh",
    # Count visits (one per browser per site per day): the page's script or <noscript> image
    # reports it to the visit endpoint.
    "VISIT_COUNTER": True,
    # Also count in VisitCounterMiddleware, when the page is served. Its day cookie then makes
    # the first page of a visit private (no shared cache keeps it): only for a site without a
    # caching proxy that wants visits counted without the page's script or image.
    "VISIT_COUNT_ON_PAGES": False,
    # Name of the cookie that remembers the day of the last counted visit. It holds only a date.
    "VISIT_COOKIE_NAME": "ward_visit",
    # Seconds the visitor total is cached before it is summed again.
    "VISIT_TOTAL_CACHE_SECONDS": 60,
    # Rate limit of the visit endpoint, per client address (django-ratelimit syntax).
    "VISIT_RATE": "30/m",
    # Substrings of a User-Agent (lower case) that mark a bot; such requests are never counted.
    "BOT_USER_AGENTS": (
        "bot",
        "crawl",
        "spider",
        "slurp",
        "facebookexternalhit",
        "headless",
        "python-requests",
        "curl/",
        "wget/",
        "monitor",
        "preview",
    ),
    # Path prefixes never counted as visits (the admin, the API, static and media files).
    "VISIT_IGNORE_PATHS": ("/admin/", "/django-admin/", "/api/", "/static/", "/media/"),
    # How many items the "latest items" list shows by default.
    "LATEST_ITEMS": 10,
    # How many articles "Các tin khác" lists under an article (the reference portal shows 7).
    "OTHER_NEWS": 7,
    # Secret salt of the poll voter and address hashes (HMAC-SHA256). Empty: derived from
    # SECRET_KEY. Changing it lets every browser vote once more on running polls.
    "POLL_SALT": "",
    # Rate limit of votes, per client address, for the HTML form and the JSON endpoint
    # (django-ratelimit syntax; counted in Django's cache, so use a shared cache such as Redis).
    "POLL_RATE": "10/m",
    # Origins (scheme://host[:port]) whose scripts may vote through the JSON endpoint.
    "POLL_CORS_ORIGINS": (),
    # Days after which purge_poll_ip_hashes removes the address hash of a vote.
    "POLL_IP_HASH_DAYS": 30,
    # Cache (an alias of CACHES) that keeps the header, footer, side lists and the parts of an
    # article around its body between requests. Any backend works: what is kept is retired by a
    # token in the database, so a change shows at once in every process.
    "FRAGMENT_CACHE": "default",
    # Seconds a cached fragment may live at most; 0 renders every page afresh.
    "FRAGMENT_CACHE_SECONDS": 600,
    # A view restriction set on a page, changed or removed, reaches its translations in the
    # other languages and their aliases, so no page is private in one language and public in
    # another. False keeps privacy per language (see docs/privacy.md).
    "PRIVACY_FOLLOWS_TRANSLATIONS": True,
    # Schedule spreadsheet import (docs/schedule.md): the most entries one file may bring, the
    # largest upload, the most an .xlsx or .ods may unpack to (what the file declares about
    # itself is not trusted), the seconds one import may spend reading, and how long a preview
    # waits for "Import" before the editor must upload the file again.
    "SCHEDULE_IMPORT_MAX_ROWS": 500,
    "SCHEDULE_IMPORT_MAX_UPLOAD_BYTES": 5 * 1024 * 1024,
    "SCHEDULE_IMPORT_MAX_UNCOMPRESSED_BYTES": 20 * 1024 * 1024,
    "SCHEDULE_IMPORT_SECONDS": 10,
    "SCHEDULE_IMPORT_PREVIEW_SECONDS": 3600,
    # Rate limit of the citizens' questions form, per client address (django-ratelimit syntax).
    "QUESTION_RATE": "5/h",
    # Seconds a person needs at least to write a question: a form sent sooner is a robot's.
    "QUESTION_MIN_SECONDS": 3,
    # What a feed gives without ?all=1 (docs/caching.md, "What grows with the years"): the
    # newest articles of a news feed (RSS, Atom), and the weeks of the iCal feeds from this many
    # weeks ago on (every coming week is given).
    "NEWS_FEED_ITEMS": 20,
    "ICAL_PAST_WEEKS": 8,
    # The compliance report calls a site's news stale when its newest item is older than this.
    "COMPLIANCE_NEWS_DAYS": 30,
}


def ward_setting(name):
    """Return the value of ``WAGTAIL_WARD[name]``, or its default."""
    overrides = getattr(settings, "WAGTAIL_WARD", {}) or {}
    if name in overrides:
        return overrides[name]
    return DEFAULTS[name]
