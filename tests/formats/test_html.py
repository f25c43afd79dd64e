"""Every page type, in Vietnamese and English, passes the W3C HTML checker without errors."""

from tests.html import soup
from tests.validators import html_errors


def page_urls(pages):
    news = pages["news_index"].url
    schedule = pages["schedule"].url
    return {
        "home page": pages["home"].url,
        "content page": pages["content"].url,
        "sitemap page": pages["sitemap"].url,
        "news list": news,
        "news search results": news + "?q=tin",
        "news search without results": news + "?q=khongcotinnao",
        "news category": f"{news}category/{pages['category'].slug}/",
        "news archive of a year": news + "archive/2025/",
        "news archive of a month": news + "archive/2025/3/",
        "article": pages["article"].url,
        "article print view": pages["article"].url + "print/",
        "schedule index": pages["schedule_index"].url,
        "schedules of a leader": f"{pages['schedule_index'].url}leader/{pages['leader'].pk}/",
        "weekly schedule": schedule,
        "weekly schedule print view": schedule + "print/",
    }


def test_every_page_type_is_valid_html(client, ward):
    pages = {}
    for language in ("vi", "en"):
        for name, url in page_urls(ward[language]).items():
            response = client.get(url)
            assert response.status_code == 200, url
            pages[f"{language} {name} ({url})"] = response.content
    assert html_errors(pages) == {}


def test_news_search_submits_to_the_listing_it_is_on(client, ward):
    for language in ("vi", "en"):
        for url in list(page_urls(ward[language]).values())[3:9]:
            form = soup(client.get(url)).select_one("form.ward-news__search")
            assert form["action"] == url.split("?")[0]
