"""The XML sitemap validates against the sitemaps.org format (tests/formats/sitemap.xsd)."""

from tests.validators import sitemap_problems


def test_xml_sitemap_validates_with_its_language_alternates(client, ward):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert sitemap_problems(response.content) == []
    # The alternates are there to be validated: both languages and the default.
    for link in (
        b'hreflang="vi" href="http://testserver/gioi-thieu/"',
        b'hreflang="en" href="http://testserver/en/gioi-thieu/"',
        b'hreflang="x-default" href="http://testserver/gioi-thieu/"',
    ):
        assert link in response.content


def test_the_schema_rejects_a_broken_sitemap():
    """The schema is strict enough to catch what search engines reject."""
    broken = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        b"<url><loc>/relative/</loc><priority>2</priority>"
        b'<xhtml:link rel="alternate" href="http://testserver/en/"/></url></urlset>'
    )
    problems = " ".join(sitemap_problems(broken))
    assert "sitemap/0.9}loc'" in problems
    assert "sitemap/0.9}priority'" in problems
    assert "'hreflang' is required" in problems
