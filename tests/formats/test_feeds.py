"""The news feeds, read by feedparser and checked for what RSS 2.0 and Atom (RFC 4287) require."""

import pytest

from tests.validators import atom_problems, parse_feed, rss_problems
from wagtail_ward.models import WardSettings

FEEDS = [
    ("rss/", rss_problems),
    ("atom/", atom_problems),
    ("category/{category}/rss/", rss_problems),
    ("category/{category}/atom/", atom_problems),
]
GOVERNING_BODY = {
    "vi": "Ủy ban nhân dân phường Lạc Viên",
    "en": "People's Committee of Lạc Viên Ward",
}


def feed_url(pages, path):
    return pages["news_index"].url + path.format(category=pages["category"].slug)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(("path", "problems"), FEEDS, ids=[path for path, _ in FEEDS])
def test_feed_parses_and_has_every_required_element(client, ward, language, path, problems):
    response = client.get(feed_url(ward[language], path))
    assert response.status_code == 200
    assert problems(response.content) == []
    assert len(parse_feed(response.content).entries) == 2


@pytest.mark.parametrize("language", ["vi", "en"])
def test_feeds_are_published_by_the_governing_body_in_their_language(client, ward, language):
    pages = ward[language]
    atom = parse_feed(client.get(feed_url(pages, "atom/")).content)
    rss = parse_feed(client.get(feed_url(pages, "rss/")).content)
    assert atom.feed.author == GOVERNING_BODY[language]
    assert [entry.author for entry in atom.entries] == [GOVERNING_BODY[language]] * 2
    assert [entry.author for entry in rss.entries] == [GOVERNING_BODY[language]] * 2


def test_without_a_unit_profile_the_site_name_is_the_author(client, ward):
    settings = WardSettings.objects.get()
    settings.profile = None
    settings.save()
    content = client.get(feed_url(ward["vi"], "atom/")).content
    assert atom_problems(content) == []
    assert parse_feed(content).feed.author == "Lạc Viên"


def test_an_article_never_published_through_the_editor_has_an_update_time(client, ward):
    article = ward["vi"]["article"]
    type(article).objects.filter(pk=article.pk).update(last_published_at=None)
    content = client.get(feed_url(ward["vi"], "atom/")).content
    assert atom_problems(content) == []
    # Its publication day, at midnight in Vietnam.
    assert b"<updated>2025-03-10T00:00:00+07:00</updated>" in content
