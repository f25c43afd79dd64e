"""Demo content of the training family: the city's programme for future commune and ward
leaders, and the ward's news article about it.

Every fact comes from the article the original ward site republished (from Hải Phòng
Điện tử, HPĐT), restated in our own words. That page gives no dates: the demo's dates (2011 to
2014) are chosen to fit its facts, a 30-month programme finished before the 2015–2020 term,
and are the demo's own. Idempotent: what exists already is left as it is.
"""

import datetime

from django.db import transaction
from wagtail.models import Site

from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage
from wagtail_ward.training.models import TrainingCourse, TrainingIndexPage, TrainingProgrammePage

from ._demo_content import ENGLISH, EnglishTable

HOSTNAME = "lacvien.localhost"
PROGRAMME_SLUG = "dao-tao-nguon-chuc-danh-chu-chot"
ARTICLE_SLUG = "dao-tao-du-nguon-chuc-danh-chu-chot"

PROGRAMME = {
    "title": "Đề án tạo nguồn cán bộ chủ chốt xã, phường, thị trấn",
    "date": datetime.date(2011, 2, 15),
    "organiser": "Thành ủy Hải Phòng",
    "summary": "Thành phố đào tạo 150 người có trình độ đại học làm nguồn cho các chức danh "
    "Bí thư Đảng ủy và Chủ tịch UBND xã, phường, thị trấn, ngay từ khi họ chưa giữ chức vụ "
    "lãnh đạo.",
    "target_trainees": 150,
    "selected_count": 77,
    "participating_units_count": 14,
    "total_duration_months": 30,
    "applications_open": datetime.date(2011, 3, 1),
    "applications_close": datetime.date(2011, 4, 30),
    "age_limit": 30,
    "civil_servant_age_limit": 35,
    "online_applications": False,
    "contact": "Ban Tổ chức Thành ủy Hải Phòng",
}
ELIGIBILITY = [
    "Có bằng đại học.",
    "Tuổi đời dưới 30; người đang là công chức không quá 35 tuổi.",
    "Ưu tiên người tốt nghiệp đại học loại khá, giỏi.",
    "Ưu tiên đảng viên Đảng Cộng sản Việt Nam.",
]
BENEFITS = [
    "Sinh viên mới ra trường hưởng lương bằng 85% hệ số 2,34.",
    "Người đang công tác, kể cả hợp đồng ngắn hạn hoặc dài hạn, giữ nguyên lương và các "
    "khoản phụ cấp (nếu có) như trước khi nhập học, và hưởng trợ cấp của cán bộ được cử đi đào "
    "tạo dài hạn theo quy định.",
    "Mọi học viên được ngân sách thành phố hỗ trợ tiền sinh hoạt hằng tháng bằng 25–30% lương "
    "cơ bản.",
    "Mỗi tháng, 10 học viên có thành tích học tập tốt trong tháng được cấp học bổng 500.000 đồng.",
    "Thời gian học được tính là thời gian công tác liên tục và thời gian hưởng lương.",
]
OBLIGATIONS = [
    "Cam kết làm việc tại xã, phường, thị trấn ít nhất 5 năm liên tục.",
    "Học viên không chấp hành nội quy nhà trường hoặc có kết quả học tập kém thì bị chấm dứt "
    "việc học.",
    "Học viên không thực hiện đầy đủ trách nhiệm theo quy định phải bồi hoàn toàn bộ kinh phí "
    "đào tạo.",
]
GRADUATE_POLICY = [
    "Được phân công làm công chức ở xã, phường, thị trấn trong thành phố.",
    "Được đưa vào quy hoạch các chức danh Bí thư, Phó Bí thư thường trực Đảng ủy, Chủ tịch, "
    "Phó Chủ tịch UBND xã, phường; tùy mức độ phấn đấu, được bố trí vào một trong các chức "
    "danh đó ngay trong một nhiệm kỳ 5 năm.",
    "Người chưa có việc làm được xếp lương ngạch chuyên viên bậc 1, hệ số 2,34.",
    "Tối đa khoảng 5–10% học viên tốt nghiệp thứ hạng cao có thể được bổ nhiệm ngay làm Phó "
    "Chủ tịch UBND xã, phường, thị trấn.",
]
COURSE_CONTENT = (
    "Lý luận chính trị, quản lý nhà nước, bồi dưỡng kỹ năng và kinh nghiệm lãnh đạo hoạt động "
    "thực tiễn ở cơ sở."
)
COURSES = [
    ("Khóa 1 (giai đoạn 1)", 15, datetime.date(2011, 9, 1), datetime.date(2012, 11, 30)),
    ("Khóa 2 (giai đoạn 2)", 15, datetime.date(2012, 12, 1), datetime.date(2014, 2, 28)),
]
BODY = [
    (
        "paragraph",
        "<p>Đề án do Thành ủy Hải Phòng chỉ đạo xây dựng, nhằm thực hiện Nghị quyết Trung ương 5 "
        "(khóa IX) và Nghị quyết số 13 của Thành ủy (khóa XII) về đổi mới, nâng cao chất lượng "
        "hệ thống chính trị cơ sở. Mục tiêu là đến nhiệm kỳ 2015–2020, hầu hết học viên được bổ "
        "nhiệm hoặc giới thiệu ứng cử các chức danh chủ chốt của cơ sở.</p>",
    ),
]

ARTICLE = {
    "title": "Đào tạo dự nguồn chức danh chủ chốt xã, phường, thị trấn",
    "date": datetime.date(2011, 8, 15),
    "lead": "Thành ủy Hải Phòng chọn người có bằng đại học, đào tạo trong 30 tháng để làm nguồn "
    "Bí thư Đảng ủy, Chủ tịch UBND xã, phường, thị trấn; 77 học viên của 14 quận, huyện đã được "
    "chọn.",
    "source": ("HPĐT", "https://haiphong.gov.vn/"),
}


def article_body(programme):
    return [
        (
            "paragraph",
            "<p>Sau 4 năm thực hiện Nghị quyết số 13 của Thành ủy về hệ thống chính trị cơ sở, "
            "chất lượng cán bộ xã, phường, thị trấn từng bước được nâng lên, nhưng đội ngũ Bí "
            "thư Đảng ủy, Chủ tịch UBND cơ sở vẫn chưa đáp ứng yêu cầu và nguồn cán bộ để quy "
            "hoạch còn ít. Thành ủy Hải Phòng vì vậy chỉ đạo xây dựng đề án tạo nguồn cán bộ "
            "chủ chốt cho cấp ủy và chính quyền cơ sở.</p>",
        ),
        ("heading", {"text": "150 người, 30 tháng", "level": "h2"}),
        (
            "paragraph",
            "<p>Đề án đặt mục tiêu đào tạo 150 người có trình độ đại học, chia thành 2 giai "
            "đoạn tương ứng với 2 khóa học nối tiếp nhau, mỗi khóa 15 tháng. Học viên học lý "
            "luận chính trị, quản lý nhà nước và được bồi dưỡng kỹ năng, kinh nghiệm lãnh đạo ở "
            "cơ sở. Ban chỉ đạo đề án đã chọn được 77 học viên tốt nghiệp đại học chính quy, "
            "thuộc 14 quận, huyện.</p>",
        ),
        ("heading", {"text": "Điều kiện, quyền lợi và trách nhiệm", "level": "h2"}),
        (
            "paragraph",
            "<p>Người dự tuyển phải dưới 30 tuổi (công chức không quá 35 tuổi); ưu tiên người "
            "tốt nghiệp loại khá, giỏi và đảng viên. Sinh viên mới ra trường hưởng 85% lương hệ "
            "số 2,34; người đang công tác giữ nguyên lương và phụ cấp. Mọi học viên được hỗ trợ "
            "tiền sinh hoạt hằng tháng bằng 25–30% lương cơ bản, và mỗi tháng 10 học viên có "
            "kết quả học tập tốt trong tháng nhận học bổng 500.000 đồng.</p>"
            "<p>Học viên cam kết làm việc ở cơ sở ít nhất 5 năm liên tục; người vi phạm nội quy "
            "hoặc học kém bị chấm dứt việc học, và ai không thực hiện đủ trách nhiệm phải bồi "
            "hoàn toàn bộ kinh phí đào tạo.</p>",
        ),
        (
            "paragraph",
            f'<p>Toàn bộ tiêu chuẩn, chế độ và các khóa học có trên <a linktype="page" '
            f'id="{programme.pk}">trang chương trình đào tạo</a>.</p>',
        ),
    ]


TRAINING_ENGLISH = {
    "Đào tạo": "Training",
    "dao-tao": "training",
    PROGRAMME_SLUG: "key-official-training-scheme",
    ARTICLE_SLUG: "training-future-leaders-of-communes-and-wards",
    "HPĐT": "HPĐT",  # the source's name (Hải Phòng's online paper) is a proper name
    BODY[0][1].removeprefix("<p>").removesuffix("</p>"): (
        "The Hải Phòng City Party Committee had the scheme drawn up to carry out the Central "
        "Committee's Resolution 5 (9th term) and the City Party Committee's Resolution 13 (12th "
        "term) on renewing and improving the grassroots political system. Its aim is that by "
        "the 2015–2020 term most trainees are appointed to, or nominated for, the key posts of "
        "communes, wards and towns."
    ),
    "Các chương trình đào tạo, bồi dưỡng cán bộ mà phường tham gia hoặc giới thiệu.": (
        "Training programmes for officials that the ward takes part in or recommends."
    ),
    PROGRAMME["title"]: "Scheme to prepare key officials for communes, wards and towns",
    PROGRAMME["organiser"]: "Hải Phòng City Party Committee",
    PROGRAMME["summary"]: (
        "The city trains 150 university graduates as future party secretaries and People's "
        "Committee chairs of communes, wards and towns, before they hold any leading post."
    ),
    PROGRAMME["contact"]: "Organisation Board of the Hải Phòng City Party Committee",
    ELIGIBILITY[0]: "A university degree.",
    ELIGIBILITY[1]: "Under 30 years old; civil servants no older than 35.",
    ELIGIBILITY[2]: "Priority to graduates with a good or excellent degree.",
    ELIGIBILITY[3]: "Priority to members of the Communist Party of Viet Nam.",
    BENEFITS[0]: "New graduates are paid 85% of salary coefficient 2.34.",
    BENEFITS[1]: (
        "Trainees who already work, on a short or a long contract, keep their full salary and "
        "any allowances they had before, plus the allowance for officials sent on long-term "
        "training under the rules in force."
    ),
    BENEFITS[2]: (
        "Every trainee receives a monthly living allowance of 25–30% of the base salary from "
        "the city budget."
    ),
    BENEFITS[3]: (
        "Each month the 10 trainees with the best results that month receive a 500,000 VND "
        "scholarship."
    ),
    BENEFITS[4]: "Study time counts as continuous working time and towards salary seniority.",
    OBLIGATIONS[0]: "Commit to working in a commune, ward or town for at least 5 years in a row.",
    OBLIGATIONS[1]: (
        "Trainees who break the school's rules or whose results are poor have their studies ended."
    ),
    OBLIGATIONS[2]: (
        "Trainees who do not meet all their obligations repay the whole cost of their training."
    ),
    GRADUATE_POLICY[0]: "Graduates are assigned as civil servants of communes, wards and towns "
    "of the city.",
    GRADUATE_POLICY[1]: (
        "They enter the succession plan for party secretary, standing deputy party secretary, "
        "People's Committee chair and deputy chair; depending on their progress they take one "
        "of these posts within a single five-year term."
    ),
    GRADUATE_POLICY[2]: (
        "Graduates who have no job yet are paid as a specialist, grade 1, coefficient 2.34."
    ),
    GRADUATE_POLICY[3]: (
        "Up to about 5–10% of the best-ranked graduates may be appointed deputy chair of a "
        "commune's, ward's or town's People's Committee straight away."
    ),
    COURSES[0][0]: "Course 1 (phase 1)",
    COURSES[1][0]: "Course 2 (phase 2)",
    COURSE_CONTENT: (
        "Political theory, state management, and the skills and experience of leading practical "
        "work at the grassroots."
    ),
    BODY[0][1]: (
        "<p>The Hải Phòng City Party Committee had the scheme drawn up to carry out Central "
        "Resolution 5 (9th term) and its own Resolution 13 (12th term) on renewing the "
        "grassroots political system and raising its quality. The aim: by the 2015–2020 term, "
        "most trainees are appointed or nominated to the key posts of the grassroots.</p>"
    ),
    ARTICLE["title"]: "Training future key officials for communes, wards and towns",
    ARTICLE["lead"]: (
        "The Hải Phòng City Party Committee selects university graduates and trains them for "
        "30 months as future party secretaries and People's Committee chairs of communes, wards "
        "and towns; 77 trainees from 14 districts have been selected."
    ),
    "150 người, 30 tháng": "150 people, 30 months",
    "Điều kiện, quyền lợi và trách nhiệm": "Who may apply, benefits and obligations",
}


ARTICLE_ENGLISH = {
    "Sau 4 năm thực hiện Nghị quyết số 13 của Thành ủy về hệ thống chính trị cơ sở, chất lượng "
    "cán bộ xã, phường, thị trấn từng bước được nâng lên, nhưng đội ngũ Bí thư Đảng ủy, Chủ "
    "tịch UBND cơ sở vẫn chưa đáp ứng yêu cầu và nguồn cán bộ để quy hoạch còn ít. Thành ủy Hải "
    "Phòng vì vậy chỉ đạo xây dựng đề án tạo nguồn cán bộ chủ chốt cho cấp ủy và chính quyền cơ "
    "sở.": (
        "Four years into the City Party Committee's Resolution 13 on the grassroots political "
        "system, officials of communes, wards and towns had improved step by step, yet their "
        "party secretaries and People's Committee chairs still fell short of what the work "
        "needs, and there were few candidates to plan for. So the Hải Phòng City Party "
        "Committee had a scheme drawn up to prepare key officials for grassroots party "
        "committees and local government."
    ),
    "Đề án đặt mục tiêu đào tạo 150 người có trình độ đại học, chia thành 2 giai đoạn tương ứng "
    "với 2 khóa học nối tiếp nhau, mỗi khóa 15 tháng. Học viên học lý luận chính trị, quản lý "
    "nhà nước và được bồi dưỡng kỹ năng, kinh nghiệm lãnh đạo ở cơ sở. Ban chỉ đạo đề án đã chọn "
    "được 77 học viên tốt nghiệp đại học chính quy, thuộc 14 quận, huyện.": (
        "The scheme sets out to train 150 people with a university degree in two phases, as two "
        "consecutive courses of 15 months each. Trainees study political theory and state "
        "management and build the skills and experience of leading at the grassroots. The "
        "scheme's steering committee has selected 77 trainees so far, all graduates of "
        "full-time university courses, from 14 districts."
    ),
    "Người dự tuyển phải dưới 30 tuổi (công chức không quá 35 tuổi); ưu tiên người tốt nghiệp "
    "loại khá, giỏi và đảng viên. Sinh viên mới ra trường hưởng 85% lương hệ số 2,34; người "
    "đang công tác giữ nguyên lương và phụ cấp. Mọi học viên được hỗ trợ tiền sinh hoạt hằng "
    "tháng bằng 25–30% lương cơ bản, và mỗi tháng 10 học viên có kết quả học tập tốt trong "
    "tháng nhận học bổng 500.000 đồng.": (
        "Applicants must be under 30 (civil servants no older than 35); graduates with a good "
        "or excellent degree and party members come first. New graduates are paid 85% of "
        "salary coefficient 2.34, while trainees who already work keep their salary and "
        "allowances. Every trainee gets a monthly living allowance of 25–30% of the base "
        "salary, and each month the 10 trainees with the best results that month receive a "
        "500,000 VND scholarship."
    ),
    "Học viên cam kết làm việc ở cơ sở ít nhất 5 năm liên tục; người vi phạm nội quy hoặc học "
    "kém bị chấm dứt việc học, và ai không thực hiện đủ trách nhiệm phải bồi hoàn toàn bộ kinh "
    "phí đào tạo.": (
        "Trainees commit to working at the grassroots for at least five years in a row. Those "
        "who break the rules or do poorly have their studies ended, and anyone who does not "
        "meet their obligations repays the whole cost of the training."
    ),
    'Toàn bộ tiêu chuẩn, chế độ và các khóa học có trên <a id="a1">trang chương trình đào '
    "tạo</a>.": (
        'Every criterion, benefit and course is on the <a id="a1">training programme page</a>.'
    ),
}

# Training and article strings first, then the demo's shared table: missing English is missing.
_english = EnglishTable(TRAINING_ENGLISH, ARTICLE_ENGLISH, ENGLISH)


def load(command):
    """Create the training index, the programme and the news article (idempotent)."""
    ENGLISH.update(TRAINING_ENGLISH)
    site = Site.objects.filter(hostname=HOSTNAME).select_related("root_page").first()
    if site is None:
        command.stdout.write("Training: no Lạc Viên site, skipped.")
        return
    home = site.root_page.specific
    with transaction.atomic():
        index = _index(command, home)
        programme = _programme(command, index)
    with transaction.atomic():
        command._translate(index, _english)
    with transaction.atomic():
        command._translate(programme, _english)
    article = _article(command, home, programme)
    if article is not None:
        with transaction.atomic():
            command._translate(article, _english)
        with transaction.atomic():
            _english_tags(command, article)
    command.stdout.write(f"Training: {programme.url_path} and its news article.")


def _index(command, home):
    index = TrainingIndexPage.objects.child_of(home).filter(slug="dao-tao").first()
    if index is None:
        index = TrainingIndexPage(
            title="Đào tạo",
            slug="dao-tao",
            intro="<p>Các chương trình đào tạo, bồi dưỡng cán bộ mà phường tham gia hoặc giới "
            "thiệu.</p>",
            show_in_menus=True,
            locale=command.vi,
        )
        home.add_child(instance=index)
        index.save_revision(user=command.user).publish(user=command.user)
    return index


def _programme(command, index):
    programme = TrainingProgrammePage.objects.filter(slug=PROGRAMME_SLUG, locale=command.vi).first()
    if programme is not None:
        return programme
    programme = TrainingProgrammePage(
        slug=PROGRAMME_SLUG,
        locale=command.vi,
        eligibility=[("item", text) for text in ELIGIBILITY],
        benefits=[("item", text) for text in BENEFITS],
        obligations=[("item", text) for text in OBLIGATIONS],
        graduate_policy=[("item", text) for text in GRADUATE_POLICY],
        body=BODY,
        **PROGRAMME,
    )
    programme.courses = [
        TrainingCourse(
            name=name,
            duration_months=months,
            start_date=start,
            end_date=end,
            content=COURSE_CONTENT,
            sort_order=position,
            locale=command.vi,
        )
        for position, (name, months, start, end) in enumerate(COURSES)
    ]
    index.add_child(instance=programme)
    programme.save_revision(user=command.user).publish(user=command.user)
    # Published on the day it was announced, as the news articles are.
    first = datetime.datetime.combine(PROGRAMME["date"], datetime.time(8), tzinfo=datetime.UTC)
    TrainingProgrammePage.objects.filter(pk=programme.pk).update(first_published_at=first)
    return programme


def _article(command, home, programme):
    """The ward's news article about the programme, in the ward's "Tin tức" (None when it
    exists already or the news section is missing)."""
    if NewsPage.objects.filter(slug=ARTICLE_SLUG, locale=command.vi).exists():
        return None
    news = NewsIndexPage.objects.child_of(home).filter(slug="tin-tuc").first()
    category = NewsCategory.objects.filter(slug="hanh-chinh-cong", locale=command.vi).first()
    if news is None:
        return None
    source_name, source_url = ARTICLE["source"]
    with transaction.atomic():
        article = NewsPage(
            title=ARTICLE["title"],
            slug=ARTICLE_SLUG,
            date=ARTICLE["date"],
            lead=ARTICLE["lead"],
            body=article_body(programme),
            category=category,
            featured=True,
            source_name=source_name,
            source_url=source_url,
            locale=command.vi,
        )
        article.tags.add(category.name.lower(), str(ARTICLE["date"].year))
        news.add_child(instance=article)
        article.save_revision(user=command.user).publish(user=command.user)
        first = datetime.datetime.combine(ARTICLE["date"], datetime.time(8), tzinfo=datetime.UTC)
        NewsPage.objects.filter(pk=article.pk).update(first_published_at=first)
    return article


def _english_tags(command, article):
    """The English article's tags in English (a new translation starts with the Vietnamese
    ones), as the news demo does."""
    english = article.get_translation(command.en).specific
    english.tags.set([english.category.name.lower(), str(ARTICLE["date"].year)], clear=True)
    english.save_revision(user=command.user).publish()
