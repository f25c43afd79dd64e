"""The citizens' questions page: the public form (CSRF, honeypot, time trap, rate limit), the
editor's answer and publication, the public list with search and pagination, and no personal data
in any public HTML or API answer."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CitizenQuestionsPageFactory
from tests.html import texts
from tests.queries import count_page_queries
from wagtail_ward.models import CitizenQuestion, QuestionStatus
from wagtail_ward.question_form import started_token

URL = "/hoi-dap/"
NOW = datetime.datetime(2026, 11, 30, 3, 0, tzinfo=datetime.UTC)
QUESTION = "Tôi cần giấy tờ gì để đăng ký khai sinh cho con?"
NAME = "Người Hỏi Riêng Tư"
EMAIL = "nguoihoi.riengtu@example.com"


@pytest.fixture
def questions_page(home):
    return CitizenQuestionsPageFactory(parent=home)


def errors_of(response):
    """The form's error messages, whatever the status of the response."""
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [node.get_text(" ", strip=True) for node in page.select(".errorlist li")]


def form_data(**overrides):
    data = {
        "name": NAME,
        "email": EMAIL,
        "question": QUESTION,
        "website": "",
        # Shown a minute before the question is sent.
        "started": started_token(NOW.timestamp() - 60),
    }
    data.update(overrides)
    return data


def post(client, **overrides):
    with time_machine.travel(NOW, tick=False):
        return client.post(URL, form_data(**overrides))


def publish(page, question, answer="<p>Mang giấy chứng sinh.</p>", on=None, status=None):
    return CitizenQuestion.objects.create(
        page=page,
        question=question + " " + NAME,
        published_question=question,
        answer=answer,
        answered_on=on or datetime.date(2026, 11, 20),
        status=status or QuestionStatus.PUBLISHED,
    )


def test_a_question_is_received_and_stored(client, questions_page):
    response = post(client)

    assert response.status_code == 200
    assert texts(response, "[role=status]") == [
        "Cảm ơn quý vị. Cơ quan đã nhận câu hỏi và sẽ trả lời."
    ]
    stored = CitizenQuestion.objects.get()
    assert (stored.question, stored.asker_name, stored.asker_email) == (QUESTION, NAME, EMAIL)
    assert stored.status == QuestionStatus.NEW
    assert stored.page_id == questions_page.pk
    # What the citizen sent is not shown back to the public.
    html = response.content.decode()
    assert NAME not in html and EMAIL not in html and QUESTION not in html


@pytest.mark.parametrize(
    "overrides",
    [
        {"website": "http://spam.example/"},  # the honeypot
        {"started": started_token(NOW.timestamp() - 1)},  # sent one second after it was shown
        {"started": started_token(NOW.timestamp() - 2 * 24 * 3600)},  # two days old
        {"started": "forged"},
        {"question": "ngắn"},
        {"email": "not an address"},
        {"question": "Câu hỏi có ký tự \x00 lạ trong đó"},
    ],
)
def test_spam_and_bad_input_are_refused_with_400_and_nothing_stored(
    client, questions_page, overrides
):
    response = post(client, **overrides)

    assert response.status_code == 400
    assert CitizenQuestion.objects.count() == 0
    assert errors_of(response)


def test_the_form_needs_its_csrf_token(questions_page):
    client = Client(enforce_csrf_checks=True)
    response = post(client)
    assert response.status_code == 403
    assert CitizenQuestion.objects.count() == 0


@override_settings(WAGTAIL_WARD={"QUESTION_RATE": "2/h"})
def test_questions_are_rate_limited_per_address(client, questions_page):
    cache.clear()
    assert post(client).status_code == 200
    assert post(client).status_code == 200
    response = post(client)

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert errors_of(response) == [
        "Có quá nhiều câu hỏi gửi từ kết nối của quý vị. Vui lòng thử lại sau 3600 giây."
    ]
    assert CitizenQuestion.objects.count() == 2
    # Another address may still ask.
    with time_machine.travel(NOW, tick=False):
        other = client.post(URL, form_data(), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200
    # The address is stored nowhere.
    assert not any("127.0.0.1" in str(value) for value in CitizenQuestion.objects.values())


def test_only_published_answers_are_listed_without_personal_data(client, questions_page):
    publish(questions_page, "Bộ phận một cửa có làm việc sáng thứ bảy không?")
    CitizenQuestion.objects.create(
        page=questions_page, question="Câu hỏi chưa trả lời", asker_email=EMAIL
    )
    publish(questions_page, "Câu hỏi đã đóng", status=QuestionStatus.CLOSED)

    response = client.get(URL)

    assert texts(response, ".ward-answer__question") == [
        "Bộ phận một cửa có làm việc sáng thứ bảy không?"
    ]
    assert texts(response, ".ward-answer__date") == ["Trả lời ngày 20/11/2026"]
    html = response.content.decode()
    assert "Câu hỏi chưa trả lời" not in html and "Câu hỏi đã đóng" not in html
    assert NAME not in html and EMAIL not in html


def test_publishing_erases_the_askers_contact_and_needs_an_answer(questions_page):
    question = CitizenQuestion.objects.create(
        page=questions_page, question=QUESTION, asker_name=NAME, asker_email=EMAIL
    )
    question.status = QuestionStatus.PUBLISHED
    with pytest.raises(Exception, match="published_question"):
        question.full_clean()

    question.published_question = "Cần giấy tờ gì để đăng ký khai sinh?"
    question.answer = "<p>Giấy chứng sinh và tờ khai.</p>"
    question.full_clean()
    with time_machine.travel(NOW, tick=False):
        question.save()

    question.refresh_from_db()
    assert (question.asker_name, question.asker_email) == ("", "")
    assert question.answered_on == datetime.date(2026, 11, 30)


def test_editor_answers_and_publishes_in_the_admin(editor, questions_page):
    question = CitizenQuestion.objects.create(
        page=questions_page, question=QUESTION, asker_name=NAME, asker_email=EMAIL
    )
    listing = editor.get(reverse("wagtailsnippets_wagtail_ward_citizenquestion:list"))
    assert listing.status_code == 200
    assert QUESTION[:40] in listing.content.decode()

    edit_url = reverse("wagtailsnippets_wagtail_ward_citizenquestion:edit", args=[question.pk])
    form = editor.get(edit_url)
    assert form.status_code == 200
    assert EMAIL in form.content.decode()  # the editor sees the contact to answer

    response = editor.post(
        edit_url,
        {
            "published_question": "Cần giấy tờ gì để đăng ký khai sinh?",
            "answer": '{"blocks": [{"key": "a", "type": "unstyled", "depth": 0, '
            '"text": "Giấy chứng sinh và tờ khai.", "inlineStyleRanges": [], '
            '"entityRanges": [], "data": {}}], "entityMap": {}}',
            "answered_on": "2026-11-28",
            "status": "published",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    public = editor.get(URL)
    assert texts(public, ".ward-answer__question") == ["Cần giấy tờ gì để đăng ký khai sinh?"]
    assert EMAIL not in public.content.decode()


def test_search_and_pagination(client, questions_page):
    questions_page.per_page = 2
    questions_page.save_revision().publish()
    for day in range(1, 6):
        publish(questions_page, f"Câu hỏi số {day} về hộ tịch", on=datetime.date(2026, 11, day))
    publish(questions_page, "Câu hỏi về đất đai", on=datetime.date(2026, 11, 6))

    first = client.get(URL)
    assert texts(first, ".ward-answer__question") == [
        "Câu hỏi về đất đai",
        "Câu hỏi số 5 về hộ tịch",
    ]
    third = client.get(URL, {"page": 3})
    assert texts(third, ".ward-answer__question") == [
        "Câu hỏi số 2 về hộ tịch",
        "Câu hỏi số 1 về hộ tịch",
    ]
    assert "Trang 3/3" in " ".join(texts(third, ".ward-pagination"))
    found = client.get(URL, {"q": "đất đai"})
    assert texts(found, ".ward-answer__question") == ["Câu hỏi về đất đai"]
    assert texts(client.get(URL, {"q": "không có"}), ".ward-answer") == []


@pytest.mark.parametrize("query", [{"page": "abc"}, {"page": "0"}, {"q": "a\x00b"}])
def test_bad_parameters_are_400_not_500(client, questions_page, query):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert next(iter(query)) in response.content.decode()


def test_api_lists_published_answers_only(client, questions_page):
    publish(questions_page, "Câu hỏi đã trả lời")
    CitizenQuestion.objects.create(page=questions_page, question="Chưa trả lời", asker_email=EMAIL)

    response = client.get(f"/api/v2/pages/{questions_page.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["published_questions"] == [
        {
            "question": "Câu hỏi đã trả lời",
            "answer": "<p>Mang giấy chứng sinh.</p>",
            "answered_on": "2026-11-20",
        }
    ]
    body = response.content.decode()
    assert EMAIL not in body and NAME not in body and "Chưa trả lời" not in body


def test_query_count_does_not_grow_with_the_answers(client, questions_page):
    publish(questions_page, "Câu hỏi đầu tiên")
    few, _response = count_page_queries(client, URL)
    for number in range(9):
        publish(questions_page, f"Câu hỏi thêm {number}")
    many, response = count_page_queries(client, URL)

    assert len(texts(response, ".ward-answer")) == 10
    assert many == few


_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
_values = st.one_of(
    _text,
    st.builds(lambda a, b: f"{a}\x00{b}", _text, _text),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
_fields = st.dictionaries(
    st.sampled_from(["name", "email", "question", "website", "started", "q", "page", "other"]),
    _values,
    max_size=6,
)


@settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=_fields, body=_fields)
def test_generated_bad_input_is_never_a_server_error(client, questions_page, query, body):
    cache.clear()  # the rate limit would answer 429 before the form is read
    with time_machine.travel(NOW, tick=False):
        answer = client.get(URL, query)
        posted = client.post(URL, body)
    assert answer.status_code < 500
    assert posted.status_code < 500
    # Read back in Python: PostgreSQL refuses a NUL even inside a query's parameter.
    assert not any(
        "\x00" in text for text in CitizenQuestion.objects.values_list("question", flat=True)
    )
