"""The page checks both demo profiles must pass (``load_ward_demo`` and
``load_ward_demo --profile 2025``): every site's pages render in both languages, the footer and
the parent link follow the unit's data, and the Decree 42 compliance report finds every item."""

from bs4 import BeautifulSoup
from wagtail.models import Site

from wagtail_ward.compliance import site_compliance

PAGES = [
    "/",
    "/co-cau-to-chuc/",
    "/hoi-dap/",
    "/tin-tuc/",
    "/en/",
    "/en/organisation/",
    "/en/questions-and-answers/",
]

# By profile and host name: (the parent line in the footer, the label of the parent link).
EXPECTED = {
    "default": {
        "127.0.0.1": ("THÀNH PHỐ HẢI PHÒNG", None),
        "lacvien.localhost": ("QUẬN NGÔ QUYỀN – THÀNH PHỐ HẢI PHÒNG", "Website quận"),
        "maychai.localhost": ("QUẬN NGÔ QUYỀN – THÀNH PHỐ HẢI PHÒNG", "Website quận"),
    },
    "2025": {
        "127.0.0.1": (None, None),
        "giavien.localhost": ("THÀNH PHỐ HẢI PHÒNG", "Website thành phố"),
        "ngoquyen.localhost": ("THÀNH PHỐ HẢI PHÒNG", "Website thành phố"),
    },
}


def _text(node):
    return node.get_text(" ", strip=True) if node is not None else None


def check_demo(client, profile):
    """Assert the checks every demo profile passes; returns the sites checked."""
    sites = Site.objects.order_by("hostname")
    assert {site.hostname for site in sites} == set(EXPECTED[profile])
    for site in sites:
        host = f"{site.hostname}:{site.port}"
        for path in PAGES:
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == 200, (host, path, response.status_code)
        page = BeautifulSoup(client.get("/", HTTP_HOST=host).content.decode(), "html.parser")
        parent_line, parent_label = EXPECTED[profile][site.hostname]
        assert _text(page.select_one(".ward-footer__parent")) == parent_line, host
        assert _text(page.select_one(".ward-nav__item--parent_unit a")) == parent_label, host
        publisher = [_text(node) for node in page.select(".ward-footer__publisher dt")]
        assert publisher == ["Cơ quan quản lý", "Người chịu trách nhiệm chính"], host
        questions = client.get("/hoi-dap/", HTTP_HOST=host).content.decode()
        assert "ward-answer__question" in questions, host
        problems = [(item.key, item.status) for item in site_compliance(site) if not item.ok]
        assert problems == [], (host, problems)
    return sites
