"""A Redis outage degrades gracefully (docs/production.md), tested with a real redis-server
that each test stops and starts again:

- pages are rendered from the database, 200, and still show what was published meanwhile;
  the fragment cache's reads are misses, its writes dropped, the outage logged once;
- the rate limits fail in their documented direction: visits open (every visit counted),
  votes to a per-process limit (an honest vote counts, a flood is still held back);
- nothing is lost: every vote accepted is in the database and in the totals;
- the admin keeps its sessions (cached_db: the database is the truth).
"""

import json
import logging

import pytest
import redis as redis_client
from django.test import Client
from django.urls import reverse

from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.html import BROWSER
from wagtail_ward.models import DailyVisitCount, PollVote

LOGGER = "wagtail_ward.cache"


def resilient(url):
    return {
        "BACKEND": "wagtail_ward.cache.ResilientRedisCache",
        "LOCATION": url,
        # Ask Redis again at once after a failure (production waits 5 s): the tests restart it.
        "OPTIONS": {"RETRY_SECONDS": 0},
    }


@pytest.fixture
def on_redis(settings, redis):
    """The production settings' cache and sessions, on the session's redis-server."""
    settings.CACHES = {"default": resilient(redis.url)}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    keys = redis_client.Redis.from_url(redis.url)
    keys.flushdb()
    yield keys
    keys.close()


def _warnings(caplog, text):
    return [r for r in caplog.records if r.name == LOGGER and text in r.getMessage()]


def _reader():
    return Client(HTTP_USER_AGENT=BROWSER)


def test_pages_are_rendered_from_the_database_while_redis_is_down(
    on_redis, redis, ward_site, caplog, django_capture_on_commit_callbacks
):
    index = NewsIndexPageFactory(parent=ward_site.root_page)
    article = NewsPageFactory(parent=index, title="Lịch tiếp công dân tháng 3")
    first = _reader().get(article.url)
    assert first.status_code == 200
    kept = on_redis.keys("*")
    assert kept, "the page's fragments are kept in Redis"
    assert _reader().get(article.url).content == first.content

    redis.stop()
    with caplog.at_level(logging.INFO, logger=LOGGER):
        during = [_reader().get(article.url) for _ in range(3)]
        assert [r.status_code for r in during] == [200, 200, 200]
        assert all(r.content == first.content for r in during)
        # A publish during the outage shows at once: the page comes from the database.
        article.title = "Lịch tiếp công dân tháng 4"
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
        after_publish = _reader().get(article.url)
        assert after_publish.status_code == 200
        assert "Lịch tiếp công dân tháng 4" in after_publish.text
        assert _reader().get(index.url).status_code == 200
        assert len(_warnings(caplog, "is unavailable")) == 1

        redis.start()  # empty, as a Redis without persistence comes back
        back = _reader().get(article.url)
        assert back.status_code == 200
        assert "Lịch tiếp công dân tháng 4" in back.text
        assert len(_warnings(caplog, "answers again after")) == 1
    assert on_redis.keys("*"), "fragments are kept again once Redis answers"


def _vote(client, poll, token):
    return client.post(
        reverse("wagtail_ward:poll_api_vote", args=[poll.pk]),
        data=json.dumps({"choice": "dung-han"}),
        content_type="application/json",
        headers={"X-Ward-Voter": token},
    )


def _visit(client):
    return client.post("/api/ward/visits/", data="{}", content_type="application/json")


def test_votes_count_and_visits_are_open_while_redis_is_down(on_redis, redis, poll, settings):
    settings.WAGTAIL_WARD = {"POLL_RATE": "2/m", "VISIT_RATE": "1/m"}
    office = "10.99.0.1"
    redis.stop()

    votes = [_vote(Client(REMOTE_ADDR=office), poll, f"{n}" * 43).status_code for n in range(3)]
    # Counted in the process's memory at the same rate: two honest votes, the third refused.
    assert votes == [201, 201, 429]
    assert PollVote.objects.filter(poll_key=poll.translation_key).count() == 2
    assert dict(poll.totals().values_list("choice_key", "votes")) == {"dung-han": 2}

    # Visits fail open: three browsers behind the office's one address all count.
    visits = [_visit(Client(REMOTE_ADDR=office, HTTP_USER_AGENT=BROWSER)) for _ in range(3)]
    assert [r.status_code for r in visits] == [200, 200, 200]
    assert [r.json()["counted"] for r in visits] == [True, True, True]
    assert sum(DailyVisitCount.objects.values_list("count", flat=True)) == 3

    redis.start()
    # Back in Redis, shared by every process: one visit per minute from this address again.
    again = [_visit(Client(REMOTE_ADDR=office, HTTP_USER_AGENT=BROWSER)) for _ in range(2)]
    assert [r.status_code for r in again] == [200, 429]
    assert any(b"rl:" in key for key in on_redis.keys("*"))


def test_a_plain_django_redis_cache_for_rate_limits_loses_no_vote(
    on_redis,
    redis,
    poll,
    settings,
    caplog,
):
    """Rate limits on Django's own RedisCache (which raises while Redis is down): the vote is
    still counted, in the per-process limit, and the outage logged once."""
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis.url},
    }
    settings.RATELIMIT_USE_CACHE = "limits"
    redis.stop()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        first = _vote(Client(REMOTE_ADDR="10.99.0.2"), poll, "p" * 43)
        second = _vote(Client(REMOTE_ADDR="10.99.0.2"), poll, "q" * 43)
    assert (first.status_code, second.status_code) == (201, 201)
    assert PollVote.objects.filter(poll_key=poll.translation_key).count() == 2
    assert len(_warnings(caplog, "“limits” (rate limits) is unavailable")) == 1


def test_the_admin_keeps_its_session_while_redis_is_down(on_redis, redis, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    assert editor.get(reverse("wagtailadmin_home")).status_code == 200
    redis.stop()
    assert editor.get(reverse("wagtailadmin_home")).status_code == 200
    redis.start()
    assert editor.get(reverse("wagtailadmin_home")).status_code == 200
