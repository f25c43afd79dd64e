"""Pages of every family's type in bulk, for the API's query counts (``add_pages``).

Pages are added live without revisions (what the API reads is the live page): a hundred of
each type in seconds."""

import datetime

import wagtail_factories
from wagtail.models import Locale

from tests.factories import (
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    make_schedule_index,
)
from tests.families import NewsPage, ProcedurePage, TrainingProgrammePage, WeeklySchedulePage
from tests.procedures import builders as procedures
from tests.training.builders import TrainingProgrammePageFactory, add_courses, make_training_index
from wagtail_ward.procedures.models import Agency, ProcedureSector

# The page types of the families, as ``?type=`` names them.
TYPES = {
    family: model._meta.label
    for family, model in [
        ("news", NewsPage),
        ("schedule", WeeklySchedulePage),
        ("training", TrainingProgrammePage),
        ("procedures", ProcedurePage),
    ]
}


def make_indexes(home):
    """An index of each family under ``home``, with a category, a sector and an agency."""
    vi = Locale.objects.get(language_code="vi")
    sector = ProcedureSector.objects.create(name="Hộ tịch", slug="ho-tich", locale=vi)
    agency = Agency.objects.create(name="UBND phường", locale=vi)
    return {
        "news": NewsIndexPageFactory(parent=home),
        "category": NewsCategoryFactory(name="Thông báo", slug="thong-bao", locale=vi),
        "images": [wagtail_factories.ImageFactory(title=f"Ảnh {n}") for n in range(3)],
        "schedule": make_schedule_index(home),
        "training": make_training_index(home),
        "procedures": procedures.make_procedure_index(home),
        "sector": sector,
        "agency": agency,
        "count": 0,
    }


def add_pages(indexes, count):
    """``count`` more live pages of each family's type."""
    start = indexes["count"]
    for n in range(start, start + count):
        article = NewsPageFactory(
            parent=indexes["news"],
            title=f"Tin số {n}",
            slug=f"tin-so-{n}",
            category=indexes["category"],
            featured_image=indexes["images"][n % len(indexes["images"])],
            body=[("paragraph", f"<p>Đoạn văn {n}.</p>")],
        )
        article.tags.add("phường")
        article.save()  # the tags of a page are written when it is saved
        monday = datetime.date(2020, 1, 6) + datetime.timedelta(weeks=n)
        schedule = WeeklySchedulePage(
            start_date=monday, end_date=monday + datetime.timedelta(days=6)
        )
        schedule.entries = [
            WeeklySchedulePage.entry_model()(
                date=monday + datetime.timedelta(days=day),
                start_time=datetime.time(7 + day, 30),
                content=f"Công việc số {day + 1}",
                location="Hội trường UBND phường",
                sort_order=day,
            )
            for day in range(2)
        ]
        indexes["schedule"].add_child(instance=schedule)
        programme = TrainingProgrammePageFactory(
            parent=indexes["training"], title=f"Chương trình {n}", slug=f"chuong-trinh-{n}"
        )
        add_courses(programme)
    created = procedures.add_many(indexes["procedures"], count, sector=indexes["sector"])
    ProcedurePage.objects.filter(pk__in=[page.pk for page in created]).update(
        agency=indexes["agency"]
    )
    indexes["count"] = start + count
