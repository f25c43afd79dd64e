"""Test data of the training family: an index, programmes with courses, applications.

Built through wagtail-factories (tree paths are never written by hand). The programme's dates
follow the demo: applications in spring 2012, two 15-month courses from September 2012.
"""

import datetime

import wagtail_factories

from tests.families import TrainingCourse, TrainingIndexPage, TrainingProgrammePage
from wagtail_ward.training.models import TrainingApplication

OPENS = datetime.date(2012, 3, 1)
CLOSES = datetime.date(2012, 4, 30)
COURSE_1 = (datetime.date(2012, 9, 1), datetime.date(2013, 11, 30))
COURSE_2 = (datetime.date(2013, 12, 1), datetime.date(2015, 2, 28))


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Đào tạo"
    slug = "dao-tao"

    class Meta:
        model = TrainingIndexPage


class TrainingProgrammePageFactory(wagtail_factories.PageFactory):
    title = "Đào tạo dự nguồn chức danh chủ chốt xã, phường, thị trấn"
    slug = "dao-tao-du-nguon"
    organiser = "Thành ủy Hải Phòng"
    summary = "Đào tạo 150 người có trình độ đại học làm nguồn cán bộ chủ chốt cơ sở."
    date = datetime.date(2012, 2, 15)
    target_trainees = 150
    selected_count = 77
    participating_units_count = 14
    total_duration_months = 30
    applications_open = OPENS
    applications_close = CLOSES
    age_limit = 30
    civil_servant_age_limit = 35
    eligibility = [("item", "Tuổi đời dưới 30 (công chức không quá 35 tuổi).")]
    benefits = [("item", "Trợ cấp sinh hoạt hằng tháng bằng 25–30% lương cơ bản.")]
    obligations = [("item", "Công tác tại xã, phường, thị trấn ít nhất 5 năm liên tục.")]
    graduate_policy = [("item", "Được phân công làm công chức xã, phường, thị trấn.")]

    class Meta:
        model = TrainingProgrammePage


def make_training_index(parent, **fields):
    return TrainingIndexPageFactory(parent=parent, **fields)


def add_courses(programme, courses=((15, *COURSE_1), (15, *COURSE_2))):
    for number, (months, start, end) in enumerate(courses, start=1):
        TrainingCourse.objects.create(
            page=programme,
            locale=programme.locale,
            name=f"Khóa {number}",
            duration_months=months,
            start_date=start,
            end_date=end,
            content="Lý luận chính trị, quản lý nhà nước, kỹ năng lãnh đạo.",
            sort_order=number,
        )


def make_programme(index, *, courses=True, publish=True, **fields):
    programme = TrainingProgrammePageFactory(parent=index, live=publish, **fields)
    if courses:
        add_courses(programme)
    if publish:
        programme.save_revision().publish()
    return programme


def make_application(programme, **fields):
    values = {
        "programme": programme,
        "programme_key": programme.translation_key,
        "full_name": "Nguyễn Văn Học",
        "birth_date": datetime.date(1988, 5, 1),
        "degree": "Cử nhân Luật",
        "degree_grade": "good",
        "phone": "0912345678",
        "age": 23,
        **fields,
    }
    return TrainingApplication.objects.create(**values)
