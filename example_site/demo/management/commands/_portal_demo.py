"""Demo content of the Decree 42/2022/NĐ-CP items, for both demo profiles: the unit's level and
parent, the publisher in the footer (managing agency, person responsible for the content), an
organisation page with the leaders and departments, and a citizens' questions page with a few
published answers and one new question waiting for an editor.

Idempotent: pages are looked up by slug, the profile is filled only where it is empty. The
leaders' names are placeholders ("Nguyễn Văn A"), as in the schedule demo.
"""

import io

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail_localize.models import Translation, TranslationSource

from wagtail_ward.dates import ward_today
from wagtail_ward.models import (
    CitizenQuestion,
    CitizenQuestionsPage,
    OrganisationDepartment,
    OrganisationLeader,
    OrganisationPage,
    QuestionStatus,
    WardSettings,
)

from ._demo_content import EnglishTable

# The unit data of the default profile's units (the district of the reference page and its
# wards), by the unit's name. The 2025 profile writes the same fields into its own site list.
DEFAULT_PROFILE_UNITS = {
    "Quận Ngô Quyền": {
        "level": "urban_district",
        "parent_level": "city",
        "parent_unit_name": "Thành phố Hải Phòng",
    },
    "Phường Lạc Viên": {
        "level": "ward",
        "parent_level": "urban_district",
        "upper_unit_name": "Thành phố Hải Phòng",
    },
    "Phường Máy Chai": {
        "level": "ward",
        "parent_level": "urban_district",
        "upper_unit_name": "Thành phố Hải Phòng",
    },
}
# The word for the unit in the demo's sentences, by level: (Vietnamese, English).
KINDS = {
    "ward": ("phường", "Ward"),
    "urban_district": ("quận", "District"),
    "city": ("thành phố", "City"),
}

PUBLISHER = {
    "phường": (
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",
        "Phó Chủ tịch Ủy ban nhân dân phường",
    ),
    "quận": (
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận",
        "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận",
    ),
    "thành phố": (
        "Văn phòng Ủy ban nhân dân thành phố",
        "Chánh Văn phòng Ủy ban nhân dân thành phố",
    ),
}
RESPONSIBLE_PERSON = "Trần Thị B"

LEADERS = [
    ("Nguyễn Văn A", "Chủ tịch Ủy ban nhân dân", "Phụ trách chung; nội chính, quân sự."),
    ("Trần Thị B", "Phó Chủ tịch Ủy ban nhân dân", "Văn hóa – xã hội, giáo dục, y tế."),
    ("Lê Văn C", "Phó Chủ tịch Ủy ban nhân dân", "Kinh tế, đô thị, tài nguyên – môi trường."),
]
DEPARTMENTS = [
    (
        "Bộ phận một cửa",
        "Tiếp nhận hồ sơ thủ tục hành chính và trả kết quả cho người dân, doanh nghiệp.",
    ),
    ("Văn phòng", "Tổng hợp, lịch công tác, tiếp công dân."),
    ("Công an", "Cư trú, căn cước, an ninh trật tự."),
]
QUESTIONS = [
    (
        "Tôi cần những giấy tờ gì để đăng ký khai sinh cho con?",
        "<p>Cha hoặc mẹ nộp tờ khai theo mẫu và giấy chứng sinh tại Bộ phận một cửa hoặc "
        "trực tuyến trên Cổng dịch vụ công; xuất trình giấy tờ tùy thân khi nhận kết quả.</p>",
        12,
    ),
    (
        "Bộ phận một cửa có làm việc vào sáng thứ bảy không?",
        "<p>Có. Bộ phận một cửa tiếp nhận hồ sơ vào sáng thứ bảy từ 7 giờ 30 đến 11 giờ 30.</p>",
        5,
    ),
]
NEW_QUESTION = "Khi nào khu vui chơi ở tổ dân phố số 3 được sửa lại?"

ENGLISH = {
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường": (
        "Office of the Ward People's Council and People's Committee"
    ),
    "Phó Chủ tịch Ủy ban nhân dân phường": "Vice-Chair of the Ward People's Committee",
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận": (
        "Office of the District People's Council and People's Committee"
    ),
    "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận": (
        "Chief of the Office of the District People's Council and People's Committee"
    ),
    "Văn phòng Ủy ban nhân dân thành phố": "Office of the City People's Committee",
    "Chánh Văn phòng Ủy ban nhân dân thành phố": (
        "Chief of the Office of the City People's Committee"
    ),
    "Thành phố Hải Phòng": "Hải Phòng City",
    "co-cau-to-chuc": "organisation",
    "hoi-dap": "questions-and-answers",
    "Website thành phố": "City website",
    "Cơ cấu tổ chức": "Organisation",
    "Hỏi đáp": "Questions and answers",
    "Chủ tịch Ủy ban nhân dân": "Chair of the People's Committee",
    "Phó Chủ tịch Ủy ban nhân dân": "Vice-Chair of the People's Committee",
    "Phụ trách chung; nội chính, quân sự.": "General direction; internal affairs and defence.",
    "Văn hóa – xã hội, giáo dục, y tế.": "Culture and society, education, health.",
    "Kinh tế, đô thị, tài nguyên – môi trường.": (
        "Economy, urban affairs, natural resources and environment."
    ),
    "Bộ phận một cửa": "One-stop desk",
    "Tiếp nhận hồ sơ thủ tục hành chính và trả kết quả cho người dân, doanh nghiệp.": (
        "Receives applications for administrative procedures and returns the results to "
        "citizens and businesses."
    ),
    "Văn phòng": "Office",
    "Tổng hợp, lịch công tác, tiếp công dân.": (
        "Coordination, the work schedule, receiving citizens."
    ),
    "Công an": "Police",
    "Cư trú, căn cước, an ninh trật tự.": "Residence, identity cards, public order.",
    "Gửi câu hỏi về thủ tục hành chính và đời sống trên địa bàn; "
    "Ủy ban nhân dân trả lời trong 10 ngày làm việc.": (
        "Send your questions about administrative procedures and local life; the People's "
        "Committee answers within 10 working days."
    ),
    "Người dân hỏi, chính quyền trả lời.": "Citizens ask, the authorities answer.",
    "Cảm ơn bạn. Câu hỏi đã được gửi tới Ủy ban nhân dân.": (
        "Thank you. Your question has been sent to the People's Committee."
    ),
}


for _kind, _kind_en in KINDS.values():
    ENGLISH.update(
        {
            f"Lãnh đạo Ủy ban nhân dân {_kind}, các bộ phận và nhiệm vụ của từng bộ phận.": (
                f"The leaders of the {_kind_en} People's Committee, its departments and what "
                "each of them does."
            ),
            f"Chính quyền {_kind} gồm Hội đồng nhân dân và Ủy ban nhân dân. Ủy ban nhân dân "
            "có Chủ tịch, các Phó Chủ tịch và các công chức chuyên môn.": (
                f"The {_kind_en.lower()} government consists of the People's Council and the "
                "People's Committee. The People's Committee has a Chair, Vice-Chairs and "
                "specialist civil servants."
            ),
            f"Ủy ban nhân dân {_kind} tổ chức thi hành pháp luật trên địa bàn, giải quyết "
            "thủ tục hành chính cho người dân và doanh nghiệp, quản lý đô thị, đất đai, "
            "văn hóa – xã hội, bảo đảm an ninh trật tự.": (
                f"The {_kind_en} People's Committee enforces the law locally, handles "
                "administrative procedures for citizens and businesses, manages urban affairs, "
                "land, culture and society, and keeps public order."
            ),
        }
    )


# The English of this module's strings; names, numbers and addresses stay as they are.
english = EnglishTable(ENGLISH, strict=False)


def load(command):
    """Fill the Decree 42 data of every demo site that exists (either profile)."""
    sites = Site.objects.select_related("root_page").order_by("pk")
    for site in sites:
        with transaction.atomic():
            profile = _profile(command, site)
        with transaction.atomic():
            organisation = _organisation_page(command, site)
        with transaction.atomic():
            questions = _questions_page(command, site)
        for page in (organisation, questions):
            with transaction.atomic():
                command._translate(page, english)
        if profile is not None:
            with transaction.atomic():
                _sync_english(command, profile)
    command.stdout.write(f"  Decree 42 items: {sites.count()} sites.")


def _profile(command, site):
    """Fill the profile's Decree 42 fields where empty; returns it when it changed (then its
    English translation needs a sync)."""
    profile = WardSettings.for_site(site).profile
    if profile is None or profile.managing_agency:
        return None
    for name, value in DEFAULT_PROFILE_UNITS.get(profile.name, {}).items():
        setattr(profile, name, value)
    agency, post = PUBLISHER[KINDS[profile.level][0]]
    profile.managing_agency = agency
    profile.responsible_person = RESPONSIBLE_PERSON
    profile.responsible_person_post = post
    profile.save()
    return profile


def _sync_english(command, instance):
    """Bring the English translation up to date with the source, filling new strings."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation = Translation.objects.filter(source=source, target_locale=command.en).first()
    if translation is None:
        command._translate(instance, english)
        return
    po = translation.export_po()
    for entry in po:
        if not entry.msgstr:
            entry.msgstr = english[entry.msgid]
    translation.import_po(po, user=command.user)
    translation.save_target(user=command.user, publish=True)


def _organisation_page(command, site):
    home = site.root_page.specific
    page = OrganisationPage.objects.child_of(home).filter(slug="co-cau-to-chuc").first()
    if page is not None:
        return page
    ward_settings = WardSettings.for_site(site)
    kind = KINDS[ward_settings.profile.level][0]
    page = OrganisationPage(
        title="Cơ cấu tổ chức",
        slug="co-cau-to-chuc",
        intro=f"Lãnh đạo Ủy ban nhân dân {kind}, các bộ phận và nhiệm vụ của từng bộ phận.",
        structure=(
            f"<p>Chính quyền {kind} gồm Hội đồng nhân dân và Ủy ban nhân dân. Ủy ban nhân dân "
            "có Chủ tịch, các Phó Chủ tịch và các công chức chuyên môn.</p>"
        ),
        functions=(
            f"<p>Ủy ban nhân dân {kind} tổ chức thi hành pháp luật trên địa bàn, giải quyết "
            "thủ tục hành chính cho người dân và doanh nghiệp, quản lý đô thị, đất đai, "
            "văn hóa – xã hội, bảo đảm an ninh trật tự.</p>"
        ),
        show_in_menus=True,
        locale=command.vi,
    )
    phone = ward_settings.phone
    mailbox, domain = ward_settings.email.split("@")
    unit_name = mailbox.split(".")[-1]
    for order, (name, post, tasks) in enumerate(LEADERS):
        page.leaders.add(
            OrganisationLeader(
                sort_order=order,
                name=name,
                post=post,
                tasks=tasks,
                phone=phone,
                email=f"lanhdao{order + 1}.{unit_name}@{domain}",
                photo=_portrait(name, order),
            )
        )
    for order, (name, description) in enumerate(DEPARTMENTS):
        page.departments.add(
            OrganisationDepartment(
                sort_order=order, name=name, description=description, phone=phone
            )
        )
    home.add_child(instance=page)
    page.save_revision(user=command.user).publish(user=command.user)
    return page


def _questions_page(command, site):
    home = site.root_page.specific
    page = CitizenQuestionsPage.objects.child_of(home).filter(slug="hoi-dap").first()
    if page is not None:
        return page
    page = CitizenQuestionsPage(
        title="Hỏi đáp",
        slug="hoi-dap",
        intro="<p>Gửi câu hỏi về thủ tục hành chính và đời sống trên địa bàn; "
        "Ủy ban nhân dân trả lời trong 10 ngày làm việc.</p>",
        thanks="Cảm ơn bạn. Câu hỏi đã được gửi tới Ủy ban nhân dân.",
        search_description="Người dân hỏi, chính quyền trả lời.",
        show_in_menus=True,
        locale=command.vi,
    )
    home.add_child(instance=page)
    page.save_revision(user=command.user).publish(user=command.user)
    today = ward_today()
    for question, answer, days_ago in QUESTIONS:
        CitizenQuestion.objects.create(
            page=page,
            question=question,
            published_question=question,
            answer=answer,
            answered_on=today.fromordinal(today.toordinal() - days_ago),
            status=QuestionStatus.PUBLISHED,
        )
    CitizenQuestion.objects.create(page=page, question=NEW_QUESTION)
    return page


def _portrait(name, order):
    """A plain portrait placeholder: a head and shoulders on a light background."""
    Image = get_image_model()
    title = f"Ảnh chân dung minh họa {order + 1}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", (240, 300), ("#dfe7ef", "#efe6dc", "#e3efe3")[order % 3])
    draw = ImageDraw.Draw(picture)
    draw.ellipse((75, 50, 165, 150), fill="#8a8f96")
    draw.pieslice((30, 160, 210, 380), 180, 360, fill="#2f3e55")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"leader-{order + 1}.jpg"))
