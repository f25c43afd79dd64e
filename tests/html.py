"""Reading the HTML a test client got back."""

from bs4 import BeautifulSoup


def soup(response):
    """The parsed page of a response that must have succeeded."""
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def texts(response, selector):
    """The text of every element matching ``selector``, whitespace squeezed."""
    return [node.get_text(" ", strip=True) for node in soup(response).select(selector)]
