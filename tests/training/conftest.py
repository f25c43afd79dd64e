import pytest

from tests.training.builders import make_programme, make_training_index


@pytest.fixture(autouse=True)
def _private_uploads(settings, tmp_path):
    """Applicants' documents go to a folder of the test's own, outside MEDIA_ROOT."""
    settings.WAGTAIL_WARD = {
        **getattr(settings, "WAGTAIL_WARD", {}),
        "TRAINING_UPLOAD_ROOT": str(tmp_path / "private"),
    }
    return tmp_path / "private"


@pytest.fixture
def training_index(home):
    return make_training_index(home, show_in_menus=True)


@pytest.fixture
def programme(training_index):
    return make_programme(training_index)
