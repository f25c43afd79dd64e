"""The editor's screens: validation naming the row, overlaps, copy to next week, dashboard."""

import datetime

import time_machine
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.factories import MONDAY
from tests.families import ScheduleEntry, ScheduleIndexPage, WeeklySchedulePage
from wagtail_ward.dates import ward_timezone
from wagtail_ward.schedule.models import entry_problems

WEEK_TYPE = (WeeklySchedulePage._meta.app_label, WeeklySchedulePage._meta.model_name)


def entry(date, content, start="07:30", end=""):
    return {
        "date": date,
        "start_time": start,
        "end_time": end,
        "session": "",
        "content": content,
        "leader": "",
        "presiding": "",
        "participants": "",
        "location": "",
        "preparing_unit": "",
        "note": "",
    }


def schedule_form(start, end, entries, title=""):
    return nested_form_data(
        {
            "start_date": start,
            "end_date": end,
            "title": title,
            "slug": "",
            "notice": "",
            "entries": inline_formset(entries),
        }
    )


def test_an_end_date_before_the_start_date_is_refused_once_on_its_field(
    client, editor, schedule_index
):
    url = reverse("wagtailadmin_pages:add", args=[*WEEK_TYPE, schedule_index.pk])
    response = client.post(url, schedule_form("2015-08-09", "2015-08-03", []))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["end_date"] == ["Ngày kết thúc 03/08/2015 trước ngày bắt đầu 09/08/2015."]
    assert "__all__" not in form.errors
    assert not WeeklySchedulePage.objects.child_of(schedule_index).exists()


def test_where_the_pages_may_go(ward_site):
    case = WagtailPageTestCase()
    case.assertAllowedSubpageTypes(ScheduleIndexPage, {WeeklySchedulePage})
    case.assertAllowedSubpageTypes(WeeklySchedulePage, set())
    case.assertAllowedParentPageTypes(WeeklySchedulePage, {ScheduleIndexPage})


def test_editor_creates_a_schedule_with_a_generated_title(client, editor, schedule_index):
    url = reverse(
        "wagtailadmin_pages:add",
        args=[*WEEK_TYPE, schedule_index.pk],
    )
    assert client.get(url).status_code == 200
    data = schedule_form(
        "2015-08-03", "2015-08-09", [entry("2015-08-03", "Viếng nghĩa trang liệt sĩ")]
    )
    data["action-publish"] = "publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = WeeklySchedulePage.objects.child_of(schedule_index).get()
    assert page.title == "Lịch công tác tuần 1 tháng 8 (từ 03/8/2015 đến 09/8/2015)"
    assert page.slug == "lich-cong-tac-2015-08-03"
    assert page.live and page.entries.get().session == "morning"
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert reverse("wagtail_ward_schedule:import", args=[page.pk]) in edit.content.decode()


def test_validation_names_the_row(client, editor, schedule_index):
    url = reverse(
        "wagtailadmin_pages:add",
        args=[*WEEK_TYPE, schedule_index.pk],
    )
    data = schedule_form(
        "2015-08-03",
        "2015-08-09",
        [
            entry("2015-08-03", "Đúng ngày"),
            entry("2015-08-12", "Ngoài lịch"),
            entry("2015-08-04", "Giờ ngược", start="10:00", end="09:00"),
        ],
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = [str(e) for e in response.context["form"].non_field_errors()]
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        expected = [
            str(message)
            for _row, _field, message in entry_problems(
                MONDAY,
                MONDAY + datetime.timedelta(days=6),
                [
                    {"date": MONDAY, "start_time": None, "end_time": None},
                    {"date": datetime.date(2015, 8, 12), "start_time": None, "end_time": None},
                    {
                        "date": MONDAY,
                        "start_time": datetime.time(10),
                        "end_time": datetime.time(9),
                    },
                ],
            )
        ]
    assert errors == expected
    assert "2" in expected[0] and "12/08/2015" in expected[0]
    assert "3" in expected[1] and "09:00" in expected[1] and "10:00" in expected[1]
    assert not WeeklySchedulePage.objects.exists()

    backwards = schedule_form("2015-08-09", "2015-08-03", [])
    response = client.post(url, backwards)
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors


def test_overlapping_schedule_gets_a_warning(client, editor, make_schedule, schedule_index):
    make_schedule(entries=1)
    url = reverse(
        "wagtailadmin_pages:add",
        args=[*WEEK_TYPE, schedule_index.pk],
    )
    data = schedule_form("2015-08-05", "2015-08-11", [], title="Lịch công tác bổ sung")
    data["slug"] = "bo-sung"
    response = client.post(url, data, follow=True)
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and "03/08/2015" in warnings[0]


def test_copy_to_next_week(client, editor, make_schedule, leader):
    source = make_schedule(entries=4, leader=leader)
    response = client.post(reverse("wagtail_ward_schedule:copy", args=[source.pk]))
    assert response.status_code == 302
    copy = WeeklySchedulePage.objects.exclude(pk=source.pk).get()
    assert not copy.live
    assert copy.start_date == MONDAY + datetime.timedelta(days=7)
    assert copy.title == "Lịch công tác tuần 2 tháng 8 (từ 10/8/2015 đến 16/8/2015)"
    old = list(ScheduleEntry.objects.filter(page=source).order_by("sort_order"))
    new = list(ScheduleEntry.objects.filter(page=copy).order_by("sort_order"))
    assert [e.date - o.date for o, e in zip(old, new, strict=True)] == [
        datetime.timedelta(days=7)
    ] * 4
    assert {e.uid for e in new}.isdisjoint({o.uid for o in old})
    assert all(e.leader == leader and e.changed_at is None for e in new)
    # A second copy does not make a duplicate week.
    client.post(reverse("wagtail_ward_schedule:copy", args=[source.pk]))
    assert WeeklySchedulePage.objects.count() == 2
    assert client.get(reverse("wagtail_ward_schedule:copy", args=[source.pk])).status_code == 405


# Fields "Copy to next week" sets itself; every other field of an entry is copied as it is.
NOT_COPIED = {"id", "page", "uid", "translation_key", "changed_at", "date"}


def test_copy_to_next_week_copies_every_field_of_an_entry(client, editor, make_schedule, leader):
    source = make_schedule(entries=0, publish=False)
    entry_model = WeeklySchedulePage.entry_model()
    source.entries = [
        entry_model(
            date=MONDAY + datetime.timedelta(days=1),
            start_time=datetime.time(14, 0),
            end_time=datetime.time(16, 30),
            session="afternoon",
            content="Họp giao ban",
            leader=leader,
            presiding="Phó Chủ tịch",
            participants="Các ban ngành",
            location="Phòng họp số 2",
            preparing_unit="Văn phòng UBND",
            note="Mang theo tài liệu",
            sort_order=5,
        )
    ]
    source.save_revision().publish()
    client.post(reverse("wagtail_ward_schedule:copy", args=[source.pk]))
    copy = WeeklySchedulePage.objects.exclude(pk=source.pk).get()
    old = entry_model.objects.get(page=source)
    new = copy.get_latest_revision_as_object().entries.get()
    fields = [f.attname for f in entry_model._meta.concrete_fields if f.name not in NOT_COPIED]
    assert "preparing_unit" in fields and "note" in fields
    assert {name: getattr(new, name) for name in fields} == {
        name: getattr(old, name) for name in fields
    }
    assert new.date == old.date + datetime.timedelta(days=7)
    assert (new.uid, new.translation_key) != (old.uid, old.translation_key)


def test_dashboard_panel_shows_the_weeks_and_creates_the_missing_one(
    client, editor, make_schedule, schedule_index
):
    wednesday = MONDAY + datetime.timedelta(days=2)
    now = datetime.datetime.combine(wednesday, datetime.time(9), tzinfo=ward_timezone())
    current = make_schedule(entries=1)
    with time_machine.travel(now, tick=False):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert current.title in html
        create_url = reverse(
            "wagtail_ward_schedule:create_week",
            args=[schedule_index.pk, (MONDAY + datetime.timedelta(days=7)).isoformat()],
        )
        assert create_url in html
        response = client.post(create_url)
    assert response.status_code == 302
    created = WeeklySchedulePage.objects.get(start_date=MONDAY + datetime.timedelta(days=7))
    assert not created.live and created.end_date == MONDAY + datetime.timedelta(days=13)


def test_import_screen_and_permissions(client, make_schedule, django_user_model):
    page = make_schedule(entries=0, publish=False)
    url = reverse("wagtail_ward_schedule:import", args=[page.pk])
    assert client.get(url).status_code == 302  # to the login page
    user = django_user_model.objects.create_user("reader", "r@example.com", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_leader_snippet_is_translatable(ward_site, leader, translate):
    english = translate(leader, {"Chủ tịch UBND phường": "Chair of the Ward People's Committee"})
    assert english.position == "Chair of the Ward People's Committee"
    assert english.translation_key == leader.translation_key


def test_english_translation_keeps_uids_and_gets_an_english_title(
    client, make_schedule, schedule_index, translate, leader
):
    page = make_schedule(entries=3, leader=leader)
    english_index = translate(schedule_index, {"Lịch công tác": "Work schedule"})
    english = translate(Page.objects.get(pk=page.pk).specific, {"Công việc số 1": "Task 1"})
    assert english.get_parent().pk == english_index.pk
    assert english.title == "Work schedule, 3 – 9 August 2015"
    assert english.locale.language_code == "en"
    uids = set(ScheduleEntry.objects.filter(page=page).values_list("uid", flat=True))
    assert set(ScheduleEntry.objects.filter(page=english).values_list("uid", flat=True)) == uids
    assert not ScheduleEntry.objects.filter(page=english, changed_at__isnull=False).exists()
    data = client.get(f"/api/v2/schedules/{english.pk}/").json()
    assert data["days"][0]["entries"][0]["content"] == "Task 1"
    assert rich_text  # the form helpers are importable in this Wagtail version


def test_preview_shows_the_entries_of_the_form(client, editor, make_schedule):
    page = make_schedule(entries=1)
    data = schedule_form(
        "2015-08-03",
        "2015-08-09",
        [entry("2015-08-04", "Nội dung chỉ có trong bản xem trước")],
        title=page.title,
    )
    data["slug"] = page.slug
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(preview_url, data).json()["is_valid"] is True
    html = client.get(preview_url).content.decode()
    assert "Nội dung chỉ có trong bản xem trước" in html
    assert "Nội dung chỉ có trong bản xem trước" not in client.get(page.url).content.decode()
