"""The programme's checks through the real admin edit form, as an editor meets them (in the
admin's Vietnamese): each refusal names its field, and courses that do not add up to the
total give a warning that says by how much."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.families import TrainingProgrammePage


def course_row(course, **changes):
    row = {
        "id": course.pk,
        "name": course.name,
        "duration_months": course.duration_months,
        "start_date": course.start_date.isoformat(),
        "end_date": course.end_date.isoformat(),
        "content": course.content,
    }
    return {**row, **changes}


def edit_form(programme, courses=None, **changes):
    """The edit form as the admin shows it for ``programme``, with ``changes`` made."""
    values = {
        "title": programme.title,
        "slug": programme.slug,
        "date": programme.date.isoformat(),
        "organiser": programme.organiser,
        "summary": programme.summary,
        "target_trainees": programme.target_trainees,
        "selected_count": programme.selected_count,
        "participating_units_count": programme.participating_units_count,
        "participating_units": programme.participating_units,
        "total_duration_months": programme.total_duration_months,
        "applications_open": programme.applications_open.isoformat(),
        "applications_close": programme.applications_close.isoformat(),
        "status_override": programme.status_override,
        "age_limit": programme.age_limit,
        "civil_servant_age_limit": programme.civil_servant_age_limit,
        "online_applications": "on" if programme.online_applications else "",
        "contact": programme.contact,
        "courses": inline_formset(
            courses if courses is not None else [course_row(c) for c in programme.sorted_courses()],
            initial=programme.courses.count(),
        ),
        **{
            name: streamfield([("item", child.value) for child in getattr(programme, name)])
            for name in ("eligibility", "benefits", "graduate_policy", "obligations")
        },
        "application_forms": streamfield([]),
        "body": streamfield([]),
        **changes,
    }
    return nested_form_data(values)


@pytest.fixture
def edit_url(programme):
    return reverse("wagtailadmin_pages:edit", args=[programme.pk])


def test_the_edit_form_as_shown_saves(editor, programme, edit_url):
    """The baseline: the form below is the admin's own, unchanged it saves."""
    assert editor.get(edit_url).status_code == 200
    response = editor.post(edit_url, edit_form(programme, summary="Tóm tắt mới."))
    assert response.status_code == 302, response.context["form"].errors
    assert TrainingProgrammePage.objects.get(
        pk=programme.pk
    ).get_latest_revision_as_object().summary == ("Tóm tắt mới.")


def test_selected_above_target_and_closing_before_opening_are_refused_on_their_fields(
    editor, programme, edit_url
):
    response = editor.post(
        edit_url, edit_form(programme, selected_count=151, applications_close="2012-02-29")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["selected_count"] == [
        "Số người đã tuyển chọn (151) không được vượt chỉ tiêu (150)."
    ]
    assert errors["applications_close"] == [
        "Ngày hết hạn nhận hồ sơ (29/02/2012) không được trước ngày bắt đầu nhận (01/03/2012)."
    ]
    assert "__all__" not in errors
    programme.refresh_from_db()
    assert programme.selected_count == 77 and programme.latest_revision == programme.live_revision


def test_a_course_that_ends_before_it_starts_is_refused_on_the_course(editor, programme, edit_url):
    first, second = programme.sorted_courses()
    rows = [course_row(first), course_row(second, end_date="2013-11-01")]
    response = editor.post(edit_url, edit_form(programme, courses=rows))
    assert response.status_code == 200
    course_forms = response.context["form"].formsets["courses"].forms
    assert course_forms[0].errors == {}
    assert course_forms[1].errors["end_date"] == [
        "Khóa học không được kết thúc trước ngày bắt đầu."
    ]


def test_courses_that_do_not_add_up_save_with_a_warning_saying_by_how_much(
    editor, programme, edit_url
):
    first, second = programme.sorted_courses()
    rows = [course_row(first), course_row(second, duration_months=12)]
    response = editor.post(edit_url, edit_form(programme, courses=rows), follow=True)
    assert response.status_code == 200
    warnings = [m.message for m in response.context["messages"] if m.level_tag == "warning"]
    assert warnings == [
        "Các khóa học cộng lại 27 tháng, ít hơn tổng thời gian 30 tháng là 3 tháng."
    ]
    saved = TrainingProgrammePage.objects.get(pk=programme.pk).get_latest_revision_as_object()
    assert sorted(c.duration_months for c in saved.courses.all()) == [12, 15]
