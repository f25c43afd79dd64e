"""Demo content of the news feature: a "Tin tức" section on the district site and on each ward
site, five categories and over forty articles from 2008 to now (the article data is in
``_news_articles.py``).

English: every article of Lạc Viên ward and a few others are translated with wagtail-localize,
each string of the source given its English (title, slug, lead, text, caption, source), so
"Sync translated pages" keeps them. Their tags are set in English on the English page:
wagtail-localize copies tags from the source, so a later sync brings the Vietnamese tags back
(see docs/demo.md). Nothing is translated word by word: a string without English stops the
loader.

Idempotent: categories, index pages and articles are looked up by slug first. All text is
written for this demo; the training article restates public facts in its own words.
"""

import datetime

from django.db import transaction
from wagtail.models import Site

from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage

from ._demo_content import SITES
from ._demo_photos import SCENES, photo
from ._news_articles import ARTICLES as OTHER_ARTICLES
from ._news_articles import LAC_VIEN, Article, English

# (slug, name, English slug, English name)
CATEGORIES = [
    ("hanh-chinh-cong", "Hành chính công", "public-administration", "Public administration"),
    (
        "cai-cach-hanh-chinh",
        "Cải cách hành chính",
        "administrative-reform",
        "Administrative reform",
    ),
    ("tin-hoat-dong", "Tin hoạt động", "activities", "Activities"),
    ("van-hoa-xa-hoi", "Văn hóa – Xã hội", "culture-and-society", "Culture and society"),
    ("thong-bao", "Thông báo", "announcements", "Announcements"),
]

TRAINING_BODY = [
    (
        "paragraph",
        "<p>Thành phố Hải Phòng mở chương trình đào tạo 150 cử nhân mới tốt nghiệp đại học "
        "để làm nguồn cho các chức danh chủ chốt của xã, phường, thị trấn: bí thư đảng ủy, "
        "chủ tịch và phó chủ tịch Ủy ban nhân dân.</p>",
    ),
    ("heading", {"text": "Nội dung và thời gian học", "level": "h2"}),
    (
        "paragraph",
        "<p>Chương trình kéo dài 30 tháng, chia thành hai khóa liên tiếp, mỗi khóa 15 tháng. "
        "Học viên học lý luận chính trị, quản lý nhà nước, kỹ năng lãnh đạo và đi thực tế "
        "tại cơ sở. Đợt đầu có 77 cử nhân của 14 quận, huyện trúng tuyển.</p>",
    ),
    ("heading", {"text": "Ai được đăng ký", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Tuổi dưới 30; cán bộ, công chức không quá 35 tuổi.</li>"
        "<li>Ưu tiên người tốt nghiệp loại giỏi, khá và đảng viên.</li></ul>",
    ),
    ("heading", {"text": "Quyền lợi và nghĩa vụ", "level": "h2"}),
    (
        "paragraph",
        "<p>Trong thời gian học, cử nhân mới tốt nghiệp được hưởng 85% lương theo hệ số 2,34 "
        "và phụ cấp hằng tháng bằng 25–30% lương cơ sở; mười học viên xuất sắc nhất nhận học "
        "bổng 500.000 đồng mỗi tháng. Thời gian học được tính là thời gian công tác.</p>"
        "<p>Sau khi tốt nghiệp, học viên phải công tác ít nhất 5 năm liên tục tại xã, phường, "
        "thị trấn; người bị buộc thôi học hoặc không hoàn thành khóa học phải bồi hoàn toàn "
        "bộ chi phí đào tạo.</p>",
    ),
    (
        "quote",
        {
            "text": "Học viên tốt nghiệp được bố trí làm công chức phường và đưa vào quy hoạch; "
            "từ 5 đến 10% học viên đứng đầu có thể được bổ nhiệm ngay phó chủ tịch.",
            "attribution": "Đề án đào tạo dự nguồn của thành phố",
        },
    ),
]

# The article of the reference page (site hostname, slug, date, category slug, featured, title,
# lead, paragraphs, source).
_TRAINING = (
    "lacvien.localhost",
    "dao-tao-du-nguon-chuc-danh-chu-chot",
    (2026, 11, 20),
    "hanh-chinh-cong",
    True,
    "Đào tạo dự nguồn chức danh chủ chốt xã, phường, thị trấn",
    "Thành phố tuyển chọn 150 cử nhân trẻ và đào tạo trong 30 tháng để làm nguồn lãnh đạo "
    "cho xã, phường, thị trấn.",
    TRAINING_BODY,
    ("HPĐT", "https://haiphong.gov.vn/"),
)
_host, _slug, _date, _category, _featured, _title, _lead, _body, _source = _TRAINING
TRAINING_ARTICLE = Article(
    _host, _slug, _date, _category, _title, _lead, _body, featured=_featured, source=_source
)
TRAINING_ENGLISH = English(
    "training-future-commune-and-ward-leaders",
    "Training future leaders of communes, wards and towns",
    "The city selects 150 young graduates and trains them for 30 months as future leaders of "
    "communes, wards and towns.",
    [
        "Hải Phòng City has opened a programme that trains 150 new university graduates for the "
        "key posts of communes, wards and towns: Party Committee secretary, and chair and deputy "
        "chair of the People's Committee.",
        "What the course covers and how long it lasts",
        "The programme lasts 30 months, in two consecutive courses of 15 months each. Trainees "
        "study political theory, state management and leadership skills, and work in the field "
        "at commune level. In the first round, 77 graduates from 14 districts were selected.",
        "Who may apply",
        "Under 30 years of age; civil servants up to 35.",
        "Graduates with good or excellent degrees and Party members are preferred.",
        "Benefits and obligations",
        "While they study, new graduates are paid 85% of the salary at coefficient 2.34 and a "
        "monthly allowance of 25–30% of the base salary; the ten best trainees of each month "
        "receive a scholarship of 500,000 VND. The time spent studying counts as time in service.",
        "After graduating, trainees must work for at least 5 consecutive years in a commune, ward "
        "or town; a trainee who is dismissed from the course or does not complete it repays the "
        "whole cost of the training.",
        "Graduates are placed as ward civil servants and entered in the succession plan; the top "
        "5 to 10% may be appointed deputy chair straight away.",
        "The city's scheme for training future leaders",
    ],
    source_name="HPĐT",
)
ARTICLES = [TRAINING_ARTICLE._replace(english=TRAINING_ENGLISH), *OTHER_ARTICLES]

# Sites whose articles are all translated; elsewhere only the articles that carry English.
ENGLISH_HOSTNAMES = {LAC_VIEN}

INDEX_ENGLISH = {
    "Tin tức": "News",
    "tin-tuc": "news",
    "Tin tức của phường: hoạt động, thủ tục hành chính và thông báo.": (
        "News of the ward: activities, administrative procedures and announcements."
    ),
    "Tin tức của quận: hoạt động, thủ tục hành chính và thông báo.": (
        "News of the district: activities, administrative procedures and announcements."
    ),
}


def load(command):
    """Create the news demo content (idempotent)."""
    with transaction.atomic():
        categories = _categories(command)
    indexes = {}
    for spec in SITES:
        site = Site.objects.filter(hostname=spec["hostname"]).first()
        if site is None:
            continue
        with transaction.atomic():
            indexes[spec["hostname"]] = _index(command, site)
    created = 0
    for spec in ARTICLES:
        index = indexes.get(spec.hostname)
        if index is None or NewsPage.objects.filter(slug=spec.slug, locale=command.vi).exists():
            continue
        with transaction.atomic():
            _article(command, index, categories[spec.category], spec)
        created += 1
    # English: the categories, the index pages, then the articles (one transaction each:
    # wagtail-localize publishes on commit).
    for slug, name, english_slug, english_name in CATEGORIES:
        with transaction.atomic():
            command._translate(categories[slug], {name: english_name, slug: english_slug})
    for index in indexes.values():
        with transaction.atomic():
            command._translate(index, INDEX_ENGLISH)
    translated = 0
    for spec in ARTICLES:
        if spec.english is None or spec.hostname not in indexes:
            continue
        article = NewsPage.objects.filter(slug=spec.slug, locale=command.vi).first()
        if article is None or article.get_translation_or_none(command.en) is not None:
            continue
        with transaction.atomic():
            command._translate(article, _article_english(spec))
        # After the translation's own publish, which happens when its transaction commits.
        with transaction.atomic():
            _english_tags(command, article, spec)
        translated += 1
    command.stdout.write(
        f"  News: {created} new articles ({translated} translated), {len(indexes)} news sections."
    )


def _categories(command):
    categories = {}
    for slug, name, _english_slug, _english_name in CATEGORIES:
        categories[slug], _ = NewsCategory.objects.get_or_create(
            slug=slug, locale=command.vi, defaults={"name": name}
        )
    return categories


def _index(command, site):
    home = site.root_page.specific
    index = NewsIndexPage.objects.child_of(home).filter(slug="tin-tuc").first()
    if index is not None:
        return index
    unit = "quận" if site.hostname == "127.0.0.1" else "phường"
    index = NewsIndexPage(
        title="Tin tức",
        slug="tin-tuc",
        intro=f"Tin tức của {unit}: hoạt động, thủ tục hành chính và thông báo.",
        per_page=10,
        show_in_menus=True,
        locale=command.vi,
    )
    home.add_child(instance=index)
    index.save_revision(user=command.user).publish()
    return index


def _picture(spec):
    """The scene of an article's picture: its own, or the hall for a featured article."""
    return spec.picture or ("hall" if spec.featured else "")


def _tags(category_name, date):
    return [category_name.lower(), str(date[0])]


def _article(command, index, category, spec):
    body = spec.paragraphs
    if body and isinstance(body[0], str):
        body = [("paragraph", f"<p>{text}</p>") for text in body]
    source_name, source_url = spec.source or ("", "")
    scene = _picture(spec)
    date = datetime.date(*spec.date)
    article = NewsPage(
        title=spec.title,
        slug=spec.slug,
        date=date,
        lead=spec.lead,
        body=body,
        category=category,
        featured=spec.featured,
        featured_image=photo(scene, date.year % 2) if scene else None,
        featured_image_caption=SCENES[scene][0] if scene else "",
        source_name=source_name,
        source_url=source_url,
        locale=command.vi,
    )
    index.add_child(instance=article)
    article.tags.add(*_tags(category.name, spec.date))
    revision = article.save_revision(user=command.user)
    revision.publish()
    # Back-dated articles were first published on their own date.
    first = datetime.datetime.combine(date, datetime.time(8, 0), tzinfo=datetime.UTC)
    NewsPage.objects.filter(pk=article.pk).update(first_published_at=first)
    return article


def _article_english(spec):
    """Each source string of the article and its English."""
    english = spec.english
    strings = {
        spec.slug: english.slug,
        spec.title: english.title,
        spec.lead: english.lead,
    }
    paragraphs = [_text(block) for block in spec.paragraphs]
    paragraphs = [text for texts in paragraphs for text in texts]
    if len(paragraphs) != len(english.paragraphs):
        raise ValueError(
            f"{spec.slug}: {len(paragraphs)} strings, {len(english.paragraphs)} English"
        )
    strings.update(zip(paragraphs, english.paragraphs, strict=True))
    scene = _picture(spec)
    if scene:
        strings[SCENES[scene][0]] = SCENES[scene][1]
    if spec.source:
        strings[spec.source[0]] = english.source_name or spec.source[0]
    return strings


def _text(block):
    """The strings of a body block, in order, as wagtail-localize offers them."""
    if isinstance(block, str):
        return [block]
    kind, value = block
    if kind == "paragraph":
        return _html_strings(value)
    if kind == "heading":
        return [value["text"]]
    return [value["text"], value["attribution"]]


def _html_strings(html):
    strings = []
    for chunk in html.replace("<li>", "<p>").replace("</li>", "</p>").split("<p>")[1:]:
        strings.append(chunk.split("</p>", 1)[0])
    return strings


def _english_tags(command, article, spec):
    """The English article's tags in English (wagtail-localize copies the Vietnamese ones)."""
    english = article.get_translation(command.en).specific
    english.tags.set(_tags(english.category.name, spec.date), clear=True)
    english.save_revision(user=command.user).publish()
