"""The admin screens the crawl visits, as a script for the demo's ``manage.py shell``.

Printed as JSON: ``{"screens": [[name, path], ...], "import": path, "content": [text, ...]}``
("import" is the schedule import screen whose preview the crawl reaches by uploading the
template). Every address
comes from ``reverse()`` and the demo's own content, so the list follows the demo and
Wagtail's URLs; "content" is the text editors wrote (titles, names, questions, in both
languages), which the screens show as it is.
"""

import json
from pathlib import PurePosixPath

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, Task, Workflow
from wagtail_localize.models import String, StringTranslation

from wagtail_ward.models import CitizenQuestion, Poll, PollChoice, UnitProfile, WardSettings
from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage
from wagtail_ward.schedule.importing.template import EXAMPLE_ROWS
from wagtail_ward.schedule.models import Leader, ScheduleIndexPage, WeeklySchedulePage
from wagtail_ward.training.models import TrainingApplication

vi = Locale.objects.get(language_code="vi")
en = Locale.objects.get(language_code="en")
district = Site.objects.get(is_default_site=True)
ward = Site.objects.get(hostname="lacvien.localhost")
article = NewsPage.objects.filter(locale=vi, live=True).order_by("-pk").first()
news_index = NewsIndexPage.objects.filter(locale=vi).first()
schedule_index = ScheduleIndexPage.objects.filter(locale=vi).first()
week = WeeklySchedulePage.objects.filter(locale=vi).order_by("-start_date").first()
poll = Poll.objects.filter(locale=vi).first()
leader = Leader.objects.filter(locale=vi).first()
image = get_image_model().objects.first()
document = get_document_model().objects.first()
settings_args = [WardSettings._meta.app_label, WardSettings._meta.model_name]
poll_views = "wagtailsnippets_wagtail_ward_poll"
poll_chooser = "wagtailsnippetchoosers_wagtail_ward_poll"
leader_label = f"{Leader._meta.app_label}_{Leader._meta.model_name}"
leader_views = f"wagtailsnippets_{leader_label}"
leader_chooser = f"wagtailsnippetchoosers_{leader_label}"
question = CitizenQuestion.objects.order_by("pk").first()
application = TrainingApplication.objects.order_by("pk").first()
question_views = f"wagtailsnippets_{CitizenQuestion._meta.app_label}_citizenquestion"
week_type = [WeeklySchedulePage._meta.app_label, WeeklySchedulePage._meta.model_name]
news_type = [NewsPage._meta.app_label, NewsPage._meta.model_name]

screens = [
    ("dashboard", reverse("wagtailadmin_home")),
    ("explorer: the tree root", reverse("wagtailadmin_explore_root")),
    ("explorer: the district", reverse("wagtailadmin_explore", args=[district.root_page_id])),
    ("explorer: the ward", reverse("wagtailadmin_explore", args=[ward.root_page_id])),
    ("explorer: news", reverse("wagtailadmin_explore", args=[news_index.pk])),
    ("add a subpage: page types", reverse("wagtailadmin_pages:add_subpage", args=[news_index.pk])),
    ("new news article", reverse("wagtailadmin_pages:add", args=[*news_type, news_index.pk])),
    ("edit a news article", reverse("wagtailadmin_pages:edit", args=[article.pk])),
    ("page history", reverse("wagtailadmin_pages:history", args=[article.pk])),
    ("unpublish an article", reverse("wagtailadmin_pages:unpublish", args=[article.pk])),
    (
        "new weekly schedule",
        reverse("wagtailadmin_pages:add", args=[*week_type, schedule_index.pk]),
    ),
    ("edit a weekly schedule", reverse("wagtailadmin_pages:edit", args=[week.pk])),
    ("translate a page", reverse("wagtail_localize:submit_page_translation", args=[article.pk])),
    ("page chooser", reverse("wagtailadmin_choose_page")),
    ("images", reverse("wagtailimages:index")),
    ("upload images", reverse("wagtailimages:add_multiple")),
    ("edit an image", reverse("wagtailimages:edit", args=[image.pk])),
    ("image chooser", reverse("wagtailimages_chooser:choose")),
    ("documents", reverse("wagtaildocs:index")),
    ("edit a document", reverse("wagtaildocs:edit", args=[document.pk])) if document else None,
    ("document chooser", reverse("wagtaildocs_chooser:choose")),
    ("snippets", reverse("wagtailsnippets:index")),
    ("polls", reverse(f"{poll_views}:list")),
    ("edit a poll", reverse(f"{poll_views}:edit", args=[poll.pk])),
    ("poll from a preset", reverse(f"{poll_views}:from_preset")),
    ("poll results", reverse(f"{poll_views}:results", args=[poll.pk])),
    ("poll chooser", reverse(f"{poll_chooser}:choose")),
    ("leaders", reverse(f"{leader_views}:list")),
    ("leader chooser", reverse(f"{leader_chooser}:choose")),
    ("ward settings", reverse("wagtailsettings:edit", args=[*settings_args, ward.pk])),
    ("sites", reverse("wagtailsites:index")),
    ("edit a site", reverse("wagtailsites:edit", args=[ward.pk])),
    ("locales", reverse("wagtaillocales:index")),
    ("users", reverse("wagtailusers_users:index")),
    ("groups", reverse("wagtailusers_groups:index")),
    ("redirects", reverse("wagtailredirects:index")),
    ("workflows", reverse("wagtailadmin_workflows:index")),
    ("reports: locked pages", reverse("wagtailadmin_reports:locked_pages")),
    ("reports: site history", reverse("wagtailadmin_reports:site_history")),
    ("reports: aging pages", reverse("wagtailadmin_reports:aging_pages")),
    ("search", reverse("wagtailadmin_pages:search") + "?q=tin"),
    ("account", reverse("wagtailadmin_account")),
    ("training applications", reverse("training_applications:index")),
    ("citizens' questions", reverse(f"{question_views}:list")),
    ("Decree 42 compliance: the ward", reverse("wagtail_ward_compliance", args=[ward.pk])),
    ("Decree 42 compliance: the district", reverse("wagtail_ward_compliance", args=[district.pk])),
    ("import a weekly schedule", reverse("wagtail_ward_schedule:import", args=[week.pk])),
]
if application is not None:
    screens.append(
        ("a training application", reverse("training_applications:edit", args=[application.pk]))
    )
if question is not None:
    screens.append(("a citizen's question", reverse(f"{question_views}:edit", args=[question.pk])))
translation = NewsPage.objects.filter(locale=en).order_by("pk").first()
if translation is not None:
    screens.append(
        ("edit a translation", reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    )
content = [
    *Page.objects.values_list("title", flat=True),
    *Site.objects.values_list("site_name", flat=True),
    *Poll.objects.values_list("question", "description").distinct(),
    *PollChoice.objects.values_list("label", flat=True),
    *Leader.objects.values_list("name", "position"),
    *NewsCategory.objects.values_list("name", flat=True),
    *UnitProfile.objects.values_list("name", "governing_body", "parent_unit_name"),
    *Workflow.objects.values_list("name", flat=True),
    *Task.objects.values_list("name", flat=True),
    *Collection.objects.values_list("name", flat=True),
    *get_image_model().objects.values_list("title", flat=True),
    *get_document_model().objects.values_list("title", flat=True),
    # File names, which the edit screens show with the extension apart from the name.
    *(
        PurePosixPath(str(name)).stem
        for model in (get_image_model(), get_document_model())
        for name in model.objects.values_list("file", flat=True)
    ),
    *get_user_model().objects.values_list("username", flat=True),
    # Groups are named by whoever creates them, as users are (Wagtail's migrations name theirs
    # "Editors" and "Moderators", the training app's "Người duyệt hồ sơ đào tạo"), and renamed
    # at will.
    *Group.objects.values_list("name", flat=True),
    *CitizenQuestion.objects.values_list("question", "published_question", "asker_name"),
    *TrainingApplication.objects.values_list("full_name", "degree", "current_post"),
    *TrainingApplication.objects.values_list("receipt_number", "reviewer_note"),
    *(cell for row in EXAMPLE_ROWS for cell in row if cell),
]
for article_page in NewsPage.objects.all():
    content.append(article_page.lead)
    content += [
        line
        for block in article_page.body
        if block.block_type == "paragraph"
        for line in strip_tags(block.value.source).splitlines()
    ]
# The strings of the translation editor, source and English, one segment each.
for segment in [
    *String.objects.values_list("data", flat=True),
    *StringTranslation.objects.values_list("data", flat=True),
]:
    content += strip_tags(segment).splitlines()
for answered in CitizenQuestion.objects.exclude(answer=""):
    content += strip_tags(answered.answer).splitlines()
texts = [str(text) for item in content for text in (item if isinstance(item, tuple) else (item,))]
print(
    json.dumps(
        {
            "screens": [screen for screen in screens if screen],
            "import": reverse("wagtail_ward_schedule:import", args=[week.pk]),
            "content": texts,
        }
    )
)
