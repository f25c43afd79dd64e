"""Demo content of the schedule feature: Lạc Viên ward's weekly work schedules.

Four weeks around the current one (two past, this week, next week), leaders as snippets, one
week with an entry changed after publication, and the English translation of this week's
schedule. Idempotent: a week that exists already is left as it is.
"""

import datetime

from django.db import transaction
from wagtail.models import Site

from wagtail_ward.dates import ward_today
from wagtail_ward.schedule.models import (
    Leader,
    ScheduleEntry,
    ScheduleIndexPage,
    WeeklySchedulePage,
)

HOSTNAME = "lacvien.localhost"

LEADERS = [
    ("Nguyễn Văn A", "Chủ tịch UBND phường"),
    ("Trần Thị B", "Phó Chủ tịch UBND phường"),
    ("Lê Văn C", "Phó Chủ tịch UBND phường"),
]

# (day of the week, time, content, leader index or None, participants, location, preparing unit)
WEEKS = [
    [
        (
            0,
            "07:30",
            "Giao ban Ủy ban nhân dân phường đầu tuần",
            0,
            "Các Phó Chủ tịch, công chức chuyên môn",
            "Phòng họp tầng 2",
            "Văn phòng UBND",
        ),
        (
            1,
            "08:00",
            "Dâng hương, viếng nghĩa trang liệt sĩ quận",
            0,
            "Lãnh đạo Đảng ủy, UBND, Ủy ban MTTQ phường",
            "Nghĩa trang liệt sĩ quận Ngô Quyền",
            "Ban Lao động – Thương binh và Xã hội",
        ),
        (
            2,
            "14:00",
            "Họp Ban chỉ đạo phòng chống thiên tai",
            2,
            "Thành viên Ban chỉ đạo",
            "Hội trường UBND phường",
            "Ban Chỉ huy quân sự phường",
        ),
        (
            4,
            "15:00",
            "Tiếp công dân định kỳ",
            1,
            "Cán bộ địa chính, tư pháp",
            "Phòng tiếp công dân",
            "Văn phòng UBND",
        ),
    ],
    [
        (
            0,
            "07:30",
            "Giao ban Ủy ban nhân dân phường đầu tuần",
            0,
            "Các Phó Chủ tịch, công chức chuyên môn",
            "Phòng họp tầng 2",
            "Văn phòng UBND",
        ),
        (
            1,
            "08:00",
            "Thăm, tặng quà gia đình thương binh, liệt sĩ nhân ngày 27 tháng 7",
            0,
            "Đại diện Hội Cựu chiến binh, Hội Phụ nữ phường",
            "Các tổ dân phố",
            "Ban Lao động – Thương binh và Xã hội",
        ),
        (
            3,
            "07:30",
            "Khám bệnh, cấp thuốc miễn phí cho gia đình có hoàn cảnh khó khăn",
            1,
            "Trạm Y tế phường, Hội Chữ thập đỏ",
            "Trạm Y tế phường",
            "Trạm Y tế phường",
        ),
        (
            5,
            "19:30",
            "Kiểm tra công tác vệ sinh môi trường khu dân cư",
            2,
            "Công an phường, tổ dân phố",
            "Các tuyến phố",
            "Cán bộ môi trường",
        ),
    ],
    [
        (
            0,
            "07:30",
            "Giao ban Ủy ban nhân dân phường đầu tuần",
            0,
            "Các Phó Chủ tịch, công chức chuyên môn",
            "Phòng họp tầng 2",
            "Văn phòng UBND",
        ),
        (
            1,
            "08:00",
            "Hội nghị sơ kết công tác 6 tháng đầu năm",
            0,
            "Toàn thể cán bộ, công chức phường",
            "Hội trường UBND phường",
            "Văn phòng UBND",
        ),
        (
            2,
            "14:00",
            "Lễ kỷ niệm ngày truyền thống lực lượng Thanh niên xung phong (15/7/1950)",
            1,
            "Cựu thanh niên xung phong, Đoàn Thanh niên phường",
            "Nhà văn hóa phường",
            "Đoàn Thanh niên phường",
        ),
        (
            3,
            "07:30",
            "Khám bệnh, cấp thuốc miễn phí cho gia đình có hoàn cảnh khó khăn",
            1,
            "Trạm Y tế phường, Hội Chữ thập đỏ",
            "Trạm Y tế phường",
            "Trạm Y tế phường",
        ),
        (
            4,
            "14:00",
            "Làm việc với Phòng Tài chính – Kế hoạch quận về thu ngân sách",
            2,
            "Kế toán ngân sách phường",
            "Phòng họp tầng 2",
            "Bộ phận tài chính",
        ),
    ],
    [
        (
            0,
            "07:30",
            "Giao ban Ủy ban nhân dân phường đầu tuần",
            0,
            "Các Phó Chủ tịch, công chức chuyên môn",
            "Phòng họp tầng 2",
            "Văn phòng UBND",
        ),
        (
            2,
            "08:00",
            "Hội nghị triển khai nhiệm vụ 6 tháng cuối năm",
            0,
            "Cán bộ, công chức, tổ trưởng dân phố",
            "Hội trường UBND phường",
            "Văn phòng UBND",
        ),
        (
            3,
            "14:00",
            "Kiểm tra hồ sơ thủ tục hành chính tại bộ phận một cửa",
            1,
            "Công chức bộ phận một cửa",
            "Bộ phận tiếp nhận và trả kết quả",
            "Văn phòng UBND",
        ),
    ],
]

ENGLISH = dict(  # noqa: C406  (pairs, one per line)
    [
        ("Lịch công tác", "Work schedule"),
        (
            "Lịch công tác tuần của lãnh đạo Ủy ban nhân dân phường, đăng vào thứ sáu hằng tuần.",
            "The weekly schedule of the ward People's Committee leaders, published every Friday.",
        ),
        (
            "Giao ban Ủy ban nhân dân phường đầu tuần",
            "Weekly briefing of the ward People's Committee",
        ),
        ("Hội nghị sơ kết công tác 6 tháng đầu năm", "Mid-year review conference"),
        (
            "Lễ kỷ niệm ngày truyền thống lực lượng Thanh niên xung phong (15/7/1950)",
            "Anniversary ceremony of the Youth Volunteer Force (15/7/1950)",
        ),
        (
            "Khám bệnh, cấp thuốc miễn phí cho gia đình có hoàn cảnh khó khăn",
            "Free medical check-ups and medicine for families in need",
        ),
        (
            "Làm việc với Phòng Tài chính – Kế hoạch quận về thu ngân sách",
            "Meeting with the district Finance and Planning Office on budget revenue",
        ),
        (
            "Các Phó Chủ tịch, công chức chuyên môn",
            "The deputy chairs and specialist civil servants",
        ),
        ("Toàn thể cán bộ, công chức phường", "All ward officials and civil servants"),
        (
            "Cựu thanh niên xung phong, Đoàn Thanh niên phường",
            "Former youth volunteers, the ward Youth Union",
        ),
        ("Trạm Y tế phường, Hội Chữ thập đỏ", "Ward health station, Red Cross association"),
        ("Kế toán ngân sách phường", "Ward budget accountant"),
        ("Phòng họp tầng 2", "Meeting room, 2nd floor"),
        ("Hội trường UBND phường", "Ward People's Committee hall"),
        ("Nhà văn hóa phường", "Ward cultural house"),
        ("Trạm Y tế phường", "Ward health station"),
        ("Văn phòng UBND", "People's Committee office"),
        ("Đoàn Thanh niên phường", "Ward Youth Union"),
        ("Bộ phận tài chính", "Finance unit"),
        ("Lịch này thay thư mời họp.", "This schedule replaces the meeting invitations."),
        ("Chủ tịch UBND phường", "Chair of the ward People's Committee"),
        ("Phó Chủ tịch UBND phường", "Deputy chair of the ward People's Committee"),
    ]
)


def load(command):
    site = Site.objects.filter(hostname=HOSTNAME).select_related("root_page").first()
    if site is None:
        command.stdout.write("Schedules: no Lạc Viên site, skipped.")
        return
    home = site.root_page.specific
    with transaction.atomic():
        index = ScheduleIndexPage.objects.child_of(home).filter(slug="lich-cong-tac").first()
        if index is None:
            index = ScheduleIndexPage(
                title="Lịch công tác",
                slug="lich-cong-tac",
                intro="<p>Lịch công tác tuần của lãnh đạo Ủy ban nhân dân phường, "
                "đăng vào thứ sáu hằng tuần.</p>",
                show_in_menus=True,
                locale=command.vi,
            )
            home.add_child(instance=index)
            index.save_revision(user=command.user).publish()
        leaders = [
            Leader.objects.get_or_create(
                name=name,
                locale=command.vi,
                defaults={"position": position, "sort_order": order},
            )[0]
            for order, (name, position) in enumerate(LEADERS)
        ]
    today = ward_today()
    this_monday = today - datetime.timedelta(days=today.weekday())
    mondays = [this_monday + datetime.timedelta(days=7 * n) for n in (-2, -1, 0, 1)]
    current = None
    for number, (monday, entries) in enumerate(zip(mondays, WEEKS, strict=True)):
        with transaction.atomic():
            page = _week(command, index, monday, entries, leaders, changed=number == 1)
        if monday == this_monday:
            current = page
    with transaction.atomic():
        command._translate(index, _english)
    for leader in leaders:
        with transaction.atomic():
            command._translate(leader, _english)
    if current is not None:
        with transaction.atomic():
            command._translate(current, _english)
    command.stdout.write(f"Schedules: {index.url_path} with {len(mondays)} weeks.")


def _week(command, index, monday, entries, leaders, changed):
    existing = WeeklySchedulePage.objects.child_of(index).filter(start_date=monday).first()
    if existing is not None:
        return existing
    page = WeeklySchedulePage(
        start_date=monday,
        end_date=monday + datetime.timedelta(days=6),
        notice="Lịch này thay thư mời họp." if changed else "",
        locale=command.vi,
        live=False,
    )
    page.entries = [
        ScheduleEntry(
            date=monday + datetime.timedelta(days=day),
            start_time=datetime.time.fromisoformat(time),
            content=content,
            leader=leaders[leader] if leader is not None else None,
            participants=participants,
            location=location,
            preparing_unit=unit,
            sort_order=position,
            locale=command.vi,
        )
        for position, (day, time, content, leader, participants, location, unit) in enumerate(
            entries
        )
    ]
    index.add_child(instance=page)
    page.save_revision(user=command.user).publish()
    if changed:
        # Published on Friday, then the Thursday check-ups moved to the afternoon.
        draft = page.get_latest_revision_as_object()
        moved = list(draft.entries.all())
        moved[2].start_time = datetime.time(14, 0)
        moved[2].session = ""
        moved[2].note = "Chuyển sang buổi chiều"
        draft.entries = moved
        draft.save_revision(user=command.user).publish()
    return page


def _english(text):
    if text in ENGLISH:
        return ENGLISH[text]
    stripped = text.removeprefix("<p>").removesuffix("</p>")
    if stripped in ENGLISH:
        return f"<p>{ENGLISH[stripped]}</p>"
    return text
