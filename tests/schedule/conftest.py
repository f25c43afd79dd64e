import functools

import pytest

from tests import factories


@pytest.fixture
def schedule_index(home):
    return factories.make_schedule_index(home, show_in_menus=True)


@pytest.fixture
def leader(vi):
    return factories.LeaderFactory(locale=vi)


@pytest.fixture
def make_schedule(schedule_index):
    """``make_schedule(start, entries=n, publish=True)``: a schedule with ``n`` entries."""
    return functools.partial(factories.make_schedule, schedule_index)
