"""The page classes the family tests run against.

By default the families' own concrete pages. With ``WARD_TEST_PAGES=subclassed`` the pages a
project makes from the families' mixins (``tests/subclassed_news``,
``tests/subclassed_schedule``, ``tests/subclassed_training``, ``tests/subclassed_procedures``):
`make test` runs the families' main tests a second time that way, so a mixin that names a
concrete class shows up as a failure.

Tests and factories import page classes from here, never from ``wagtail_ward.<family>.models``.
"""

import os

SUBCLASSED = os.environ.get("WARD_TEST_PAGES", "stock") == "subclassed"

# News -------------------------------------------------------------------------------------------
if SUBCLASSED:
    from tests.subclassed_news.models import (  # noqa: E402
        ProjectNewsIndexPage as NewsIndexPage,
    )
    from tests.subclassed_news.models import ProjectNewsPage as NewsPage  # noqa: E402
else:
    from wagtail_ward.news.models import NewsIndexPage, NewsPage  # noqa: E402

# Training programmes ----------------------------------------------------------------------------
if SUBCLASSED:
    from tests.subclassed_training.models import (  # noqa: E402
        ProjectTrainingCourse as TrainingCourse,
    )
    from tests.subclassed_training.models import (  # noqa: E402
        ProjectTrainingIndexPage as TrainingIndexPage,
    )
    from tests.subclassed_training.models import (  # noqa: E402
        ProjectTrainingProgrammePage as TrainingProgrammePage,
    )
else:
    from wagtail_ward.training.models import (  # noqa: E402
        TrainingCourse,
        TrainingIndexPage,
        TrainingProgrammePage,
    )

# Weekly schedules -------------------------------------------------------------------------------
if SUBCLASSED:
    from tests.subclassed_schedule.models import (  # noqa: E402
        ProjectScheduleEntry as ScheduleEntry,
    )
    from tests.subclassed_schedule.models import (  # noqa: E402
        ProjectScheduleIndexPage as ScheduleIndexPage,
    )
    from tests.subclassed_schedule.models import (  # noqa: E402
        ProjectWeeklySchedulePage as WeeklySchedulePage,
    )
else:
    from wagtail_ward.schedule.models import (  # noqa: E402
        ScheduleEntry,
        ScheduleIndexPage,
        WeeklySchedulePage,
    )

# Administrative procedures ----------------------------------------------------------------------
if SUBCLASSED:
    from tests.subclassed_procedures.models import (  # noqa: E402
        ProjectProcedureIndexPage as ProcedureIndexPage,
    )
    from tests.subclassed_procedures.models import (  # noqa: E402
        ProjectProcedurePage as ProcedurePage,
    )
else:
    from wagtail_ward.procedures.models import ProcedureIndexPage, ProcedurePage  # noqa: E402

__all__ = [
    "SUBCLASSED",
    "ProcedureIndexPage",
    "ProcedurePage",
    "NewsIndexPage",
    "NewsPage",
    "ScheduleEntry",
    "ScheduleIndexPage",
    "TrainingCourse",
    "TrainingIndexPage",
    "TrainingProgrammePage",
    "WeeklySchedulePage",
]
