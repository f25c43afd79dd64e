"""An article's tags belong to each language: wagtail-localize's "Sync translated pages" brings
the source's new text to the English article and leaves its English tags alone; a new
translation starts with the source's tags."""

from django.test import TestCase
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from tests.factories import NewsCategoryFactory, NewsPageFactory


def tag_names(page):
    page = type(page).objects.get(pk=page.pk)
    return sorted(tag.name for tag in page.tags.all())


def test_sync_translated_pages_keeps_the_english_tags(editor, news_index, vi, translate):
    category = NewsCategoryFactory(name="Hành chính công", slug="hanh-chinh-cong", locale=vi)
    article = NewsPageFactory(
        parent=news_index, title="Cải cách thủ tục", lead="Phường rút ngắn thời gian giải quyết."
    )
    article.category = category
    article.tags.add("hành chính công", "2026")
    article.save_revision().publish()

    english = translate(
        article,
        {
            "Cải cách thủ tục": "Simpler procedures",
            "Phường rút ngắn thời gian giải quyết.": "The ward answers sooner.",
        },
    )
    # A new translation starts with a copy of the source's tags ...
    assert tag_names(english) == ["2026", "hành chính công"]

    # ... the translator then sets the English ones.
    english.tags.set(["public administration", "2026"], clear=True)
    english.save_revision().publish()

    # The editor changes the Vietnamese article, its tags included, and syncs from the admin.
    article = type(article).objects.get(pk=article.pk)
    article.lead = "Phường trả kết quả trong ngày."
    article.tags.add("cải cách")
    article.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(article)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = editor.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302

    english = type(english).objects.get(pk=english.pk)
    # The sync ran: the new lead reached the English page (untranslated, so as in the source) ...
    assert english.lead == "Phường trả kết quả trong ngày."
    assert english.title == "Simpler procedures"
    # ... and the English tags are still the English ones, the Vietnamese still the Vietnamese.
    assert tag_names(english) == ["2026", "public administration"]
    assert tag_names(article) == ["2026", "cải cách", "hành chính công"]
    assert english.get_latest_revision().as_object().tags.count() == 2
