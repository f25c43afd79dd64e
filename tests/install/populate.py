"""Run by check_install.py inside the new project's virtualenv (DJANGO_SETTINGS_MODULE set).

Creates one page of every family as an editor would (published in Vietnamese, then translated
into English with wagtail-localize and published), and prints, as JSON, every URL the install
check must fetch: each HTML page, print view, feed, iCal file and API endpoint, in vi and en.
Only the installed package is used: nothing from the checkout is importable here.
"""

import datetime
import json
from pathlib import Path

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail_localize.models import Translation, TranslationSource  # noqa: E402
from wagtail_localize.operations import translate_object  # noqa: E402

from wagtail_ward.models import (  # noqa: E402
    ContentPage,
    SitemapPage,
    UnitProfile,
    WardHomePage,
    WardSettings,
)
from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage  # noqa: E402
from wagtail_ward.polls.presets import create_poll_from_preset  # noqa: E402
from wagtail_ward.procedures import __file__ as procedures_init  # noqa: E402
from wagtail_ward.procedures.importers import import_procedures  # noqa: E402
from wagtail_ward.procedures.models import ProcedureIndexPage  # noqa: E402
from wagtail_ward.schedule.models import (  # noqa: E402
    Leader,
    ScheduleEntry,
    ScheduleIndexPage,
    WeeklySchedulePage,
)
from wagtail_ward.training.models import (  # noqa: E402
    TrainingCourse,
    TrainingIndexPage,
    TrainingProgrammePage,
)

ENGLISH = {
    "Phường Lạc Viên": "Lạc Viên Ward",
    "Ủy ban nhân dân phường Lạc Viên": "People's Committee of Lạc Viên Ward",
    "Quận Ngô Quyền": "Ngô Quyền District",
    "Trang thông tin điện tử phường Lạc Viên": "Lạc Viên Ward website",
    "Giới thiệu": "About the ward",
    "Sơ đồ site": "Site map",
    "Tin tức": "News",
    "Hành chính công": "Public administration",
    "Đào tạo dự nguồn chức danh chủ chốt": "Training future key officials",
    "Lịch công tác": "Work schedule",
    "Chủ tịch UBND phường": "Chair of the ward People's Committee",
    "Đào tạo": "Training",
    "Đề án tạo nguồn cán bộ chủ chốt": "Scheme to prepare key officials",
    "Khóa 1": "Course 1",
    "Tuổi đời dưới 30.": "Under 30 years old.",
    "Thủ tục hành chính": "Administrative procedures",
}


def english(text):
    """The English of a string; anything else (slugs, names) stays as it is."""
    return ENGLISH.get(text, text)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(instance, en, user):
    """Translate ``instance`` into English as an editor does with "Translate" and publish it."""
    if isinstance(instance, Page):
        instance = Page.objects.get(pk=instance.pk).specific  # the tree as it is now
    translate_object(instance, [en], user=user)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.get(source=source, target_locale=en)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = english(entry.msgid)
    translation.import_po(po, user=user)
    translation.save_target(user=user, publish=True)
    return instance.get_translation(en)


def main():
    vi = Locale.objects.get(language_code="vi")
    en, _created = Locale.objects.get_or_create(language_code="en")
    user = get_user_model().objects.create_superuser("admin", "admin@example.gov.vn", "install")

    root = Page.get_first_root_node()
    home = publish(root, WardHomePage(title="Trang thông tin điện tử phường Lạc Viên", slug="lv"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    about = publish(home, ContentPage(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True))
    sitemap = publish(home, SitemapPage(title="Sơ đồ site", slug="so-do-site"))

    news_index = publish(home, NewsIndexPage(title="Tin tức", slug="tin-tuc", show_in_menus=True))
    category = NewsCategory.objects.create(name="Hành chính công", slug="hanh-chinh-cong")
    article = publish(
        news_index,
        NewsPage(
            title="Đào tạo dự nguồn chức danh chủ chốt",
            slug="dao-tao-du-nguon",
            date=datetime.date(2015, 8, 5),
            lead="Thành phố đào tạo 150 người làm nguồn cán bộ chủ chốt cấp xã.",
            body=[("paragraph", "<p>Khóa học kéo dài 30 tháng, chia hai khóa.</p>")],
            category=category,
        ),
    )

    schedule_index = publish(
        home, ScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac", show_in_menus=True)
    )
    leader = Leader.objects.create(name="Nguyễn Văn A", position="Chủ tịch UBND phường")
    monday = datetime.date(2015, 8, 3)
    week = WeeklySchedulePage(start_date=monday, end_date=monday + datetime.timedelta(days=6))
    week.entries = [
        ScheduleEntry(
            date=monday,
            start_time=datetime.time(7, 30),
            content="Viếng nghĩa trang liệt sĩ",
            leader=leader,
            location="Nghĩa trang liệt sĩ phường",
        )
    ]
    week = publish(schedule_index, week)

    training_index = publish(
        home, TrainingIndexPage(title="Đào tạo", slug="dao-tao", show_in_menus=True)
    )
    programme = TrainingProgrammePage(
        title="Đề án tạo nguồn cán bộ chủ chốt",
        slug="de-an-tao-nguon",
        organiser="Thành ủy Hải Phòng",
        summary="Đào tạo 150 người có trình độ đại học trong 30 tháng.",
        target_trainees=150,
        selected_count=77,
        total_duration_months=30,
        applications_open=datetime.date(2011, 3, 1),
        applications_close=datetime.date(2011, 4, 30),
        eligibility=[("item", "Tuổi đời dưới 30.")],
    )
    programme.courses = [
        TrainingCourse(
            name="Khóa 1",
            duration_months=15,
            start_date=datetime.date(2011, 9, 1),
            end_date=datetime.date(2012, 11, 30),
        )
    ]
    programme = publish(training_index, programme)

    procedure_index = publish(
        home, ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc", show_in_menus=True)
    )

    profile = UnitProfile.objects.create(
        name="Phường Lạc Viên",
        governing_body="Ủy ban nhân dân phường Lạc Viên",
        parent_unit_name="Quận Ngô Quyền",
        locale=vi,
    )
    poll = create_poll_from_preset("dossier_timeliness", vi)
    ward_settings = WardSettings.for_site(site)
    ward_settings.profile = profile
    ward_settings.sitemap_page = sitemap
    ward_settings.side_poll = poll
    ward_settings.save()

    # Parents before children, snippets before the pages that use them.
    for instance in (home, about, sitemap, news_index, category, article, schedule_index):
        translate(instance, en, user)
    for instance in (training_index, programme):
        translate(instance, en, user)
    for instance in (leader, week, profile, poll):
        translate(instance, en, user)
    # The birth registration of the sample file the wheel ships, in each language.
    fixtures = Path(procedures_init).parent / "fixtures"
    translate(procedure_index, en, user)
    for lang, index in (("vi", procedure_index), ("en", procedure_index.get_translation(en))):
        sample = json.loads((fixtures / f"procedures-{lang}.json").read_text())
        sample["procedures"] = sample["procedures"][:1]
        import_procedures(index.specific, "sample.json", json.dumps(sample).encode())

    urls = []

    def add(url, lang, kind="text/html", contains=None):
        urls.append({"url": url, "lang": lang, "type": kind, "contains": contains})

    for locale, lang in ((vi, "vi"), (en, "en")):
        pages = {
            page: page.get_translation(locale).specific
            for page in (home, about, sitemap, news_index, article, schedule_index, week)
        }
        pages.update(
            {page: page.get_translation(locale).specific for page in (training_index, programme)}
        )
        for page in pages.values():
            add(page.url, lang, contains=page.title)
        news, story, schedules, weekly = (
            pages[news_index],
            pages[article],
            pages[schedule_index],
            pages[week],
        )
        slug = category.get_translation(locale).slug
        add(f"{news.url}?q=dao+tao", lang)
        add(f"{news.url}category/{slug}/", lang)
        add(f"{news.url}archive/2015/", lang)
        add(f"{news.url}archive/2015/8/", lang)
        add(f"{news.url}rss/", lang, "application/rss+xml", contains=story.title)
        add(f"{news.url}atom/", lang, "application/atom+xml", contains=story.title)
        add(f"{news.url}category/{slug}/rss/", lang, "application/rss+xml")
        add(f"{news.url}category/{slug}/atom/", lang, "application/atom+xml")
        add(f"{story.url}print/", lang, contains=story.title)
        leader_url = f"{schedules.url}leader/{leader.get_translation(locale).pk}/"
        add(f"{schedules.url}2015/", lang)
        add(leader_url, lang)
        add(f"{schedules.url}this-week/", lang)
        add(f"{schedules.url}ical/", lang, "text/calendar")
        add(f"{leader_url}ical/", lang, "text/calendar")
        add(f"{weekly.url}in/", lang, contains=weekly.title)
        add(f"{weekly.url}ical/", lang, "text/calendar", contains="VEVENT")
        trainings, course_page = pages[training_index], pages[programme]
        add(f"{trainings.url}?status=completed", lang, contains=course_page.title)
        add(f"{trainings.url}archive/{course_page.date.year}/", lang)
        add(f"{course_page.url}print/", lang, contains=course_page.title)
        json_type = "application/json"
        add(f"/api/v2/training/?status=completed&locale={lang}", lang, json_type)
        for endpoint, page in (
            ("pages", pages[about]),
            ("news", story),
            ("schedules", weekly),
            ("training", course_page),
        ):
            add(f"/api/v2/{endpoint}/?locale={lang}", lang, json_type, contains=page.title)
            add(f"/api/v2/{endpoint}/{page.pk}/", lang, json_type, contains=page.title)
        unit = profile.get_translation(locale).name
        add(f"/api/ward/site-info/?locale={lang}", lang, json_type, contains=unit)
        poll_here = poll.get_translation(locale)
        add(
            f"/api/ward/polls/{poll_here.pk}/?locale={lang}",
            lang,
            json_type,
            contains=poll_here.question,
        )
        procedures = procedure_index.get_translation(locale).specific
        birth = procedures.procedure_model().objects.child_of(procedures).get(code="1.001193")
        add(procedures.url, lang, contains=birth.title)
        # Accent- and đ-free search in Vietnamese; the English page searches its own words.
        words = "dang+ky+khai+sinh" if lang == "vi" else "birth+registration"
        add(f"{procedures.url}?q={words}&level=xa", lang, contains=birth.title)
        add(f"{procedures.url}sector/ho-tich/", lang, contains=birth.title)
        add(birth.url, lang, contains="60/2014/QH13")
        add(f"{birth.url}print/", lang, contains=birth.title)
        add(f"/api/v2/procedures/?locale={lang}&fields=*", lang, json_type, contains=birth.title)
        add(f"/api/v2/procedures/{birth.pk}/", lang, json_type, contains="1.001193")
    add("/sitemap.xml", "vi", "application/xml", contains="/en/")
    # The admin in Vietnamese: the package's catalogue wins over Wagtail's (docs/glossary.md),
    # and its JavaScript strings are served (the JSON escapes the accents, not the msgid).
    add("/admin/login/", "vi", contains="Quên mật khẩu?")
    add("/ward/admin-jsi18n/", "vi", "text/javascript", contains='"Choose a page"')
    print(json.dumps(urls, ensure_ascii=False))


main()
