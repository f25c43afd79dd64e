"""Reading the HTML a test client got back."""

from bs4 import BeautifulSoup

# The User-Agent of an ordinary browser: requests that send it count as visits and votes.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0"


def soup(response):
    """The parsed page of a response that must have succeeded."""
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def texts(response, selector):
    """The text of every element matching ``selector``, whitespace squeezed."""
    return [node.get_text(" ", strip=True) for node in soup(response).select(selector)]
