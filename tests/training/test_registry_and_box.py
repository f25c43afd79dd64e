"""Programmes join "Tin mới" and the site map; the side box lists open ones with days left;
the English translation renders with its own courses."""

import datetime

import time_machine
from wagtail.models import Locale

from tests.families import TrainingProgrammePage
from tests.training.builders import make_programme
from wagtail_ward.registry import is_item_type, latest_items

DURING = time_machine.travel(
    datetime.datetime(2012, 4, 28, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=7))),
    tick=False,
)


@DURING
def test_latest_items_side_box_and_english(client, home, training_index, translate):
    assert is_item_type(TrainingProgrammePage)
    programme = make_programme(training_index)
    make_programme(training_index, slug="nhap", title="Bản nháp", publish=False)
    vi = Locale.objects.get(language_code="vi")
    titles = [item.page.title for item in latest_items(home.get_site(), vi)]
    assert programme.title in titles and "Bản nháp" not in titles

    html = client.get(training_index.url).content.decode()
    box = html[html.index('class="ward-box ward-training-open"') :]
    assert programme.title in box[:1000] and "còn 2 ngày" in box[:1000]
    assert "Bản nháp" not in html

    translate(training_index, {"Đào tạo": "Training"})
    english = translate(programme, {programme.title: "Training future key officials"})
    response = client.get(english.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Training future key officials" in text and "Khóa 1" in text
    assert "2 days left" in text
    data = client.get(f"/api/v2/training/{english.pk}/").json()
    assert [course["name"] for course in data["courses"]] == ["Khóa 1", "Khóa 2"]

    xml = client.get("/sitemap.xml").content.decode()
    assert programme.url in xml and "/nhap/" not in xml
