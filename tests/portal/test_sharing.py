"""The share row's Zalo and Facebook links carry the page's absolute address, encoded as each
network's share window reads it and HTML-escaped in the page, with no script of the networks
loaded."""

import base64
import datetime
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.html import soup

pytestmark = pytest.mark.django_db


def zalo_shared_address(link):
    """The address a Zalo share link shares: ``d`` is ``{"url": …}`` as JSON in base64."""
    (data,) = parse_qs(urlsplit(link).query)["d"]
    return json.loads(base64.b64decode(data, validate=True))["url"]


@pytest.fixture
def article(home):
    news = NewsIndexPageFactory(parent=home)
    return NewsPageFactory(
        parent=news,
        title='Hỏi & đáp: "một cửa" <liên thông>',
        slug="hoi-dap-mot-cua",
        date=datetime.date(2026, 11, 27),
    )


def test_zalo_link_carries_the_absolute_address_escaped(client, article):
    response = client.get(article.url)
    html = response.content.decode()
    page = soup(response)
    absolute = article.get_full_url()
    assert absolute.startswith("http://testserver/") and absolute.endswith("/hoi-dap-mot-cua/")

    zalo = page.select_one("a.ward-share--zalo")["href"]
    parts = urlsplit(zalo)
    # Zalo's share window (what its plugin's button opens), not the button's own frame.
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "button-share.zalo.me",
        "/share_external",
    )
    assert zalo_shared_address(zalo) == absolute
    # base64 has "+", "/" and "=": inside the link they are percent-encoded.
    assert not set(parts.query.removeprefix("d=")) & set("+/=&")

    facebook = page.select_one("a.ward-share--facebook")["href"]
    assert parse_qs(urlsplit(facebook).query) == {"u": [absolute]}
    # The title never reaches the share links unescaped (only the mail link carries it).
    assert '"một cửa"' not in html.split('class="ward-article__actions')[1].split("</ul>")[0]
    assert not page.select("script[src^=http]")


def test_the_english_page_shares_its_own_address(client, article, translate):
    english = translate(article, {'Hỏi & đáp: "một cửa" <liên thông>': "One-stop questions"})
    page = soup(client.get(english.url))
    zalo = page.select_one("a.ward-share--zalo")["href"]
    assert zalo_shared_address(zalo) == english.get_full_url()
    assert "/en/" in english.get_full_url()
