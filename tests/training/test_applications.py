"""The public application form: criteria, closing date, CSRF, rate limit, uploads, receipt."""

import datetime
import functools
import pathlib

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from tests.html import BROWSER
from tests.training.builders import CLOSES, OPENS
from wagtail_ward.training.eligibility import eligibility_errors
from wagtail_ward.training.models import TrainingApplication

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
DURING = time_machine.travel(
    datetime.datetime(2012, 3, 20, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=7))),
    tick=False,
)


def form_data(birth_date="1990-05-01", civil_servant=False, name="Trần Văn Nam", **extra):
    data = {
        "full_name": name,
        "birth_date": birth_date,
        "degree": "Cử nhân Kinh tế",
        "degree_grade": "good",
        "current_post": "",
        "phone": "0912 345 678",
        "email": "nam@example.com",
        "cv": SimpleUploadedFile("ly-lich.pdf", PDF, "application/pdf"),
        **extra,
    }
    if civil_servant:
        data["is_civil_servant"] = "on"
    return data


@pytest.fixture
def apply_url(programme):
    return programme.url + "apply/"


def errors_of(response):
    return response.context["form"].errors


@DURING
def test_an_eligible_applicant_gets_a_receipt_number(client, apply_url, programme, settings):
    response = client.get(apply_url)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
    response = client.post(apply_url, form_data())
    assert response.status_code == 200, errors_of(response)
    application = TrainingApplication.objects.get()
    assert application.receipt_number in response.content.decode()
    assert application.status == "received"
    assert application.programme_key == programme.translation_key
    assert application.age == 21
    # The document is kept outside MEDIA_ROOT under a random name.
    path = application.cv.path
    assert path.startswith(settings.WAGTAIL_WARD["TRAINING_UPLOAD_ROOT"])
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "ly-lich" not in path
    with pytest.raises(ValueError):
        application.cv.url  # noqa: B018  (no public address at all)


@DURING
def test_an_applicant_over_the_age_limit_is_refused_with_the_limit_named(client, apply_url):
    response = client.post(apply_url, form_data(birth_date="1981-03-20"))
    assert response.status_code == 400
    assert TrainingApplication.objects.count() == 0
    message = " ".join(errors_of(response)["birth_date"])
    # The page is Vietnamese, so is the message.
    assert "phải dưới 30 tuổi; anh/chị đã 31 tuổi" in message
    assert "Công chức được đăng ký khi không quá 35 tuổi" in message


@DURING
def test_a_civil_servant_of_33_is_accepted_and_one_of_36_refused(client, apply_url):
    response = client.post(apply_url, form_data(birth_date="1978-06-01", civil_servant=True))
    assert response.status_code == 200
    assert TrainingApplication.objects.get().age == 33
    response = client.post(
        apply_url, form_data(birth_date="1975-06-01", civil_servant=True, name="Lê Văn Ba")
    )
    assert response.status_code == 400
    assert "không quá 35 tuổi; anh/chị đã 36 tuổi" in " ".join(errors_of(response)["birth_date"])
    assert TrainingApplication.objects.count() == 1


def test_an_application_after_the_closing_date_is_refused(client, apply_url, programme):
    after = datetime.datetime.combine(CLOSES + datetime.timedelta(days=1), datetime.time(9))
    with time_machine.travel(after.replace(tzinfo=datetime.UTC), tick=False):
        response = client.post(apply_url, form_data())
        assert response.status_code == 403
        assert "30/04/2012" in response.content.decode()
        assert "Apply online" not in client.get(programme.url).content.decode()
    before = datetime.datetime.combine(OPENS - datetime.timedelta(days=2), datetime.time(9))
    with time_machine.travel(before.replace(tzinfo=datetime.UTC), tick=False):
        assert client.post(apply_url, form_data()).status_code == 403
    assert TrainingApplication.objects.count() == 0


@DURING
def test_uploads_are_limited_in_type_and_size(client, apply_url, settings):
    settings.WAGTAIL_WARD = {**settings.WAGTAIL_WARD, "TRAINING_UPLOAD_MAX_BYTES": 1048576}
    cases = [
        (
            SimpleUploadedFile("x.exe", b"MZ" + b"0" * 50),
            "Chỉ nhận các loại tệp: PDF, JPG, JPEG, PNG.",
        ),
        (SimpleUploadedFile("x.pdf", b"<html><script>"), "không phải là tệp PDF thật"),
        (SimpleUploadedFile("x.pdf", PDF + b"0" * 1048576), "Tệp quá lớn: tối đa 1.0 MB."),
    ]
    for upload, message in cases:
        response = client.post(apply_url, form_data(cv=upload))
        assert response.status_code == 400
        assert message in " ".join(errors_of(response)["cv"]), message
    assert TrainingApplication.objects.count() == 0


@DURING
def test_the_same_person_cannot_apply_twice_and_nothing_is_kept(client, apply_url, settings):
    assert client.post(apply_url, form_data()).status_code == 200
    response = client.post(apply_url, form_data(name="  trần  văn nam "))
    assert response.status_code == 400
    assert TrainingApplication.objects.count() == 1
    root = settings.WAGTAIL_WARD["TRAINING_UPLOAD_ROOT"]
    assert len(list(pathlib.Path(root).rglob("*.pdf"))) == 1


@DURING
def test_the_form_needs_the_csrf_token_and_is_rate_limited(apply_url, settings):
    visitor = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.2.2.2", enforce_csrf_checks=True)
    assert visitor.post(apply_url, form_data()).status_code == 403
    token = visitor.get(apply_url).cookies["csrftoken"].value
    settings.WAGTAIL_WARD = {**settings.WAGTAIL_WARD, "TRAINING_APPLICATION_RATE": "2/h"}
    statuses = [
        visitor.post(apply_url, form_data(name=f"Người {n}", csrfmiddlewaretoken=token)).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert TrainingApplication.objects.count() == 2


def test_eligibility_messages_in_english():
    day = datetime.date(2012, 3, 20)
    check = functools.partial(eligibility_errors, day=day, age_limit=30, civil_servant_age_limit=35)
    with translation.override("en"):
        assert check(birth_date=datetime.date(1981, 3, 21), is_civil_servant=False) == [
            "Applicants must be under 30 years old; you are 30. "
            "Civil servants may apply up to the age of 35."
        ]
        assert check(birth_date=datetime.date(1978, 6, 1), is_civil_servant=True) == []
        assert check(birth_date=datetime.date(1976, 3, 20), is_civil_servant=True) == [
            "Civil servants may apply up to the age of 35; you are 36."
        ]
        assert check(birth_date=datetime.date(1982, 3, 21), is_civil_servant=False) == []
