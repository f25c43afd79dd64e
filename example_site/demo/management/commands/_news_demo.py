"""Demo content of the news feature: a "Tin tức" section on the district site and on each ward
site, five categories and over forty articles from 2008 to now (the article data is in
``_news_articles.py``).

English: every article of Lạc Viên ward and a few others are translated with wagtail-localize,
each string of the source given its English (title, slug, lead, text, caption, source), so
"Sync translated pages" keeps them. Their tags are set in English on the English page (a new
translation starts with the Vietnamese ones); a later sync leaves them (see docs/news.md).
Nothing is translated word by word: a string without English stops the loader.

Idempotent: categories, index pages and articles are looked up by slug first. All text is
written for this demo; the article about the training programme is in _training_demo.py.
"""

import datetime

from django.db import transaction
from wagtail.models import Site

from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage

from ._demo_content import SITES
from ._demo_photos import SCENES, photo
from ._news_articles import ARTICLES as OTHER_ARTICLES
from ._news_articles import LAC_VIEN

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

# Lạc Viên's article about the training programme is in _training_demo.py.
ARTICLES = list(OTHER_ARTICLES)

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
    index.save_revision(user=command.user).publish(user=command.user)
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
    revision.publish(user=command.user)
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
    """The English article's tags in English (a new translation starts with the Vietnamese ones)."""
    english = article.get_translation(command.en).specific
    english.tags.set(_tags(english.category.name, spec.date), clear=True)
    english.save_revision(user=command.user).publish(user=command.user)
