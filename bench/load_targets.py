"""What the load run's readers ask for, found in the loaded demo: ``python -m bench.load_targets``
(with the run's settings) prints JSON: the sites' hosts, pages of each kind with their host,
API URLs, and the side poll of the demo ward (its Vietnamese and English ids and answers)."""

import json
from urllib.parse import urlsplit

import django


def kind_of(page):
    name = type(page).__name__.lower()
    if page.depth == 2:
        return "home"
    for word, kind in (
        ("schedule", "schedule"),
        ("procedure", "procedure"),
        ("index", "index"),
        ("article", "article"),
        ("news", "article"),
    ):
        if word in name:
            return kind
    return None


def targets():
    from wagtail.models import Page, Site

    from wagtail_ward.models import Poll, WardSettings

    found = {k: [] for k in ("home", "article", "index", "schedule", "procedure", "api", "polls")}
    found["hosts"] = sorted({site.hostname for site in Site.objects.all()})
    for page in Page.objects.live().public().specific().iterator():
        kind = kind_of(page)
        parts = page.get_url_parts()
        if kind is None or parts is None:
            continue
        host = urlsplit(parts[1]).hostname
        found[kind].append((host, parts[2]))
        if kind == "article" and len(found["api"]) < 40:
            found["api"].append((host, f"/api/v2/pages/{page.pk}/"))
    for host in found["hosts"]:
        found["api"] += [
            (host, "/api/v2/pages/?limit=20"),
            (host, "/api/ward/latest/"),
            (host, "/api/ward/site-info/"),
        ]
    for site in Site.objects.all():
        side = WardSettings.for_site(site).side_poll
        if side is None:
            continue
        for poll in Poll.objects.filter(translation_key=side.translation_key):
            choices = [choice.key for choice in poll.choices.all()]
            found["polls"].append((site.hostname, poll.pk, choices))
            found["api"].append((site.hostname, f"/api/ward/polls/{poll.pk}/"))
    return found


if __name__ == "__main__":
    django.setup()
    print(json.dumps(targets(), ensure_ascii=False))
