"""``manage.py load_ward_demo``: the demo district with its two wards, in Vietnamese and English,
and nothing changes when it runs a second time.

The command commits one transaction per translation (wagtail-localize publishes on commit), so
this test runs with real transactions. The ``demo`` app is not in the test settings, so the
command is run from its class rather than by name.
"""

import datetime
import io
import re

import pytest
import time_machine
from demo.management.commands import _news_articles, load_ward_demo
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Revision, Site
from wagtail_localize.models import Translation, TranslationSource

from tests.html import soup
from tests.portal import reference_page
from tests.portal_decree.demo_checks import check_demo
from wagtail_ward.models import UnitProfile, WardHomePage, WardSettings
from wagtail_ward.news.models import NewsPage
from wagtail_ward.schedule.models import WeeklySchedulePage

pytestmark = pytest.mark.slow(seconds=40)

SITES = {("127.0.0.1", 8000), ("lacvien.localhost", 8000), ("maychai.localhost", 8000)}

# Letters that English never uses and Vietnamese does.
VIETNAMESE_LETTERS = set(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
# Proper names keep their letters in English: places, the source "HPĐT", the demo's leaders,
# the language switcher's "Tiếng Việt" and "Tết".
PROPER_NAMES = [
    "Hải Phòng",
    "Lạc Viên",
    "Ngô Quyền",
    "Máy Chai",
    "Đà Nẵng",
    "Lạch Tray",
    "Cấm",
    "Tết",
    "HPĐT",
    "Nguyễn Văn A",
    "Trần Thị B",
    "Lê Văn C",
    "Tiếng Việt",
]
# The reference page's "Các tin khác", in its order.
REFERENCE_OTHER_NEWS = [
    "Hoàn thành giai đoạn I thực hiện Đề án 30 của Chính phủ trước thời gian quy định và tiếp "
    "tục triển khai giai đoạn II",
    "Năm 2010: Lương tối thiểu sẽ tăng thấp nhất 12,3%",
    "Các giai đoạn triển khai của Đề án 30",
    "Nghiệp vụ văn phòng: Quản lý văn bản đến",
    "Nghiệp vụ văn phòng: Quản lý văn bản đi",
    "Công bố Bộ thủ tục hành chính chung áp dụng tại cấp huyện (quận - huyện) và cấp xã "
    "(xã - phường - thị trấn)",
    "Thi nâng ngạch công chức theo nguyên tắc cạnh tranh",
]
REFERENCE_ARTICLE = "dao-tao-du-nguon-chuc-danh-chu-chot"
DISTRICT_DISSOLVED = datetime.date(2025, 7, 1)


def load_demo():
    out = io.StringIO()
    call_command(load_ward_demo.Command(), stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "locale__language_code", "url_path", "live")
        ),
        "revisions": Revision.objects.count(),
        "sites": sorted(Site.objects.values_list("pk", "hostname", "port", "root_page_id")),
        "users": sorted(get_user_model().objects.values_list("pk", "username")),
        "images": sorted(get_image_model().objects.values_list("pk", "title")),
        "unit_profiles": sorted(UnitProfile.objects.values_list("pk", "locale_id", "name")),
        "ward_settings": sorted(
            WardSettings.objects.values_list("site_id", "profile_id", "logo_id", "sitemap_page_id")
        ),
        "translation_sources": TranslationSource.objects.count(),
        "translations": sorted(Translation.objects.values_list("pk", "target_locale_id")),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
# On the day the demo's articles were written for (its newest are days old then); the schedules
# are dated from that day too.
@time_machine.travel("2026-11-30 10:00 +07:00")
def test_load_ward_demo_twice(client, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    output = load_demo()
    assert "http://lacvien.localhost:8000/" in output
    # The checks the 2025 profile passes too (tests/portal_decree/test_demo_2025.py).
    check_demo(client, "default")

    # Three sites on port 8000, the district's one the default.
    sites = Site.objects.all()
    assert {(site.hostname, site.port) for site in sites} == SITES
    assert [site.hostname for site in sites.filter(is_default_site=True)] == ["127.0.0.1"]
    # Wagtail's welcome page is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()

    en = Locale.objects.get(language_code="en")
    for site in sites:
        home = site.root_page.specific
        assert isinstance(home, WardHomePage)
        assert home.locale.language_code == "vi"
        assert home.live
        english = home.get_translation_or_none(en)
        assert english is not None, f"{site.hostname} has an English home page"
        assert english.live
        assert english.title != home.title  # translated, not copied
        ward = WardSettings.for_site(site)
        assert ward.profile is not None
        assert ward.profile.get_translation_or_none(en) is not None
        assert ward.logo is not None
        assert ward.sitemap_page is not None and ward.sitemap_page.live

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(load_ward_demo.DEFAULT_ADMIN_PASSWORD)

    check_english_pages(en)
    check_reference_article()
    # Every element of the reference page, in its order (tests/portal/reference_page.py).
    article = client.get(reference_page.ARTICLE_URL, HTTP_HOST=reference_page.HOST)
    assert reference_page.check_reference_page(article.content.decode()) == 18
    check_dates()
    check_tag_references()

    first = snapshot()
    logos = [title for _pk, title in first["images"] if title.startswith("Biểu trưng")]
    assert len(logos) == 3  # one emblem per unit; the page families add their own pictures
    assert len(first["unit_profiles"]) == 6  # each unit in vi and en
    assert first["translations"]

    load_demo()
    assert snapshot() == first


# The number of a legal document is an identifier, quoted as issued: "123/2015/NĐ-CP".
DOCUMENT_NUMBER = re.compile(r"^\(?\d+/(\d{4}/)?[A-ZĐ0-9-]+\)?[.,;:]?$")


def vietnamese_words(text):
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return [
        word
        for word in re.findall(r"\S+", text)
        if VIETNAMESE_LETTERS & set(word) and not DOCUMENT_NUMBER.match(word)
    ]


def check_english_pages(en):
    """Every English page of Lạc Viên ward and the district home is written in English, with
    an English address; at least a third of the articles are in English."""
    lac_vien = Site.objects.get(hostname="lacvien.localhost")
    vietnamese = lac_vien.root_page.get_descendants(inclusive=True).filter(
        locale__language_code="vi"
    )
    district_home = Site.objects.get(hostname="127.0.0.1").root_page
    sources = [*vietnamese.specific(), district_home.specific]
    client = Client()
    for source in sources:
        english = source.get_translation_or_none(en)
        assert english is not None and english.live, f"{source.url_path} has an English page"
        assert english.slug != source.slug, f"{english.url_path} keeps the Vietnamese address"
        site = english.get_site()
        page = soup(client.get(english.url, HTTP_HOST=f"{site.hostname}:{site.port}"))
        main = page.find("main").get_text(" ", strip=True)
        assert vietnamese_words(main) == [], f"{english.url_path}: {vietnamese_words(main)}"
        if isinstance(english, NewsPage):
            assert "/en/news/" in english.url
            tags = [tag.name for tag in english.tags.all()]
            assert tags and vietnamese_words(" ".join(tags)) == [], (english.url_path, tags)
        if isinstance(english, WeeklySchedulePage):
            assert english.title.startswith("Work schedule, ")
            assert english.slug == f"work-schedule-{english.start_date:%Y-%m-%d}"
    articles = NewsPage.objects.filter(locale__language_code="vi").count()
    translated = NewsPage.objects.filter(locale=en).count()
    assert articles >= 40 and translated * 3 >= articles, (translated, articles)


def check_tag_references():
    """The reference index holds every article's tags, as a rebuild of the index would."""
    for article in NewsPage.objects.all():
        references = ReferenceIndex.get_references_for_object(article)
        tags = references.filter(model_path="tagged_items.item.tag").count()
        assert tags == article.tags.count() > 0, article.url_path


def check_reference_article():
    """The reference article sits in "Hành chính công" and lists the reference page's seven
    other articles, newest first."""
    article = NewsPage.objects.get(slug=REFERENCE_ARTICLE, locale__language_code="vi")
    assert article.category.name == "Hành chính công"
    others = article.get_other_news(limit=7)
    assert [other.title for other in others] == REFERENCE_OTHER_NEWS
    assert all(other.date.year < 2010 for other in others)


def check_dates():
    """Items speak of their own time: the reference page's items are dated 2008–2015, and no
    item dated after the district level ended speaks of the district."""
    reference = [*_news_articles.REFERENCE_OTHER_NEWS, *_news_articles.REFERENCE_2015]
    dates = dict(NewsPage.objects.filter(locale__language_code="vi").values_list("slug", "date"))
    for spec in reference:
        assert 2008 <= dates[spec.slug].year <= 2015, spec.slug
    weeks = WeeklySchedulePage.objects.filter(locale__language_code="vi")
    assert {week.start_date for week in weeks} >= {
        datetime.date(2015, 7, 3),
        datetime.date(2015, 7, 27),
        datetime.date(2015, 8, 3),
    }
    district = re.compile(r"\b(quận|huyện|HĐND quận)\b", re.IGNORECASE)
    # The reference article is dated in its programme's time (the training demo), before them.
    assert dates[REFERENCE_ARTICLE] < datetime.date(2016, 2, 9)
    recent = NewsPage.objects.filter(locale__language_code="vi", date__gte=DISTRICT_DISSOLVED)
    for article in recent:
        text = " ".join([article.title, article.lead, str(article.body)])
        assert not district.search(text), f"{article.slug} ({article.date}) speaks of the district"
    for week in weeks.filter(start_date__gte=DISTRICT_DISSOLVED).prefetch_related("entries"):
        for entry in week.entries.all():
            text = " ".join([entry.content, entry.participants, entry.location])
            assert not district.search(text), f"{week.title}: {entry.content}"
            # No mid-year review or 15 July anniversary outside the summer.
            if "6 tháng đầu năm" in entry.content or "15/7" in entry.content:
                assert 6 <= entry.date.month <= 8, entry.content
