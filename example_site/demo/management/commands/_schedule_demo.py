"""Demo content of the schedule feature: Lạc Viên ward's weekly work schedules.

The reference page's three weeks of summer 2015, dated then (one of them runs from Friday 3 to
Sunday 12 July), and four weeks around the current one (two past, this week, next week) whose
events fit the season they fall in. Leaders are snippets; one week has an entry changed after
publication. Every week is translated into English with wagtail-localize: English title
("Work schedule, 30 November – 6 December 2026"), address and text. Idempotent: a week that
exists already is left as it is.
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
    schedule_slug,
    schedule_title,
)

HOSTNAME = "lacvien.localhost"

LEADERS = [
    ("Nguyễn Văn A", "Chủ tịch UBND phường"),
    ("Trần Thị B", "Phó Chủ tịch UBND phường"),
    ("Lê Văn C", "Phó Chủ tịch UBND phường"),
]

# An entry: (days after the first day, time, content, leader index or None, participants,
# location, preparing unit).
BRIEFING = (
    0,
    "07:30",
    "Giao ban Ủy ban nhân dân phường đầu tuần",
    0,
    "Các Phó Chủ tịch, công chức chuyên môn",
    "Phòng họp tầng 2",
    "Văn phòng UBND",
)
RECEPTION = (
    3,
    "08:00",
    "Tiếp công dân định kỳ",
    0,
    "Công chức địa chính, tư pháp",
    "Phòng tiếp công dân",
    "Văn phòng UBND",
)
ONE_STOP_CHECK = (
    4,
    "14:00",
    "Kiểm tra hồ sơ thủ tục hành chính tại bộ phận một cửa",
    1,
    "Công chức bộ phận một cửa",
    "Bộ phận tiếp nhận và trả kết quả",
    "Văn phòng UBND",
)

# The reference page's weeks: (first day, last day, entries).
WEEKS_2015 = [
    (
        (2015, 7, 3),
        (2015, 7, 12),
        [
            (
                0,
                "14:00",
                "Họp chuẩn bị hội nghị sơ kết công tác 6 tháng đầu năm",
                0,
                "Các Phó Chủ tịch, công chức chuyên môn",
                "Phòng họp tầng 2",
                "Văn phòng UBND",
            ),
            (3, *BRIEFING[1:]),
            (
                5,
                "08:00",
                "Hội nghị sơ kết công tác 6 tháng đầu năm, bổ khuyết nhiệm vụ 6 tháng cuối năm "
                "2015",
                0,
                "Toàn thể cán bộ, công chức phường",
                "Hội trường UBND phường",
                "Văn phòng UBND",
            ),
            (
                7,
                "14:00",
                "Họp Ban tổ chức lễ kỷ niệm 65 năm Ngày truyền thống lực lượng Thanh niên xung "
                "phong (15/7/1950 – 15/7/2015)",
                1,
                "Cựu thanh niên xung phong, Đoàn Thanh niên phường",
                "Nhà văn hóa phường",
                "Đoàn Thanh niên phường",
            ),
        ],
    ),
    (
        (2015, 7, 27),
        (2015, 8, 2),
        [
            (
                0,
                "07:00",
                "Dâng hương, viếng nghĩa trang liệt sỹ nhân kỷ niệm 68 năm Ngày Thương binh – "
                "Liệt sỹ",
                0,
                "Lãnh đạo Đảng ủy, UBND, Ủy ban MTTQ phường",
                "Nghĩa trang liệt sỹ",
                "Ban Lao động – Thương binh và Xã hội",
            ),
            (
                0,
                "09:00",
                "Thăm, tặng quà gia đình thương binh, liệt sỹ nhân ngày 27/7",
                1,
                "Đại diện Hội Cựu chiến binh, Hội Phụ nữ phường",
                "Các tổ dân phố",
                "Ban Lao động – Thương binh và Xã hội",
            ),
            (1, *BRIEFING[1:]),
            RECEPTION,
            (
                4,
                "14:00",
                "Sơ kết công tác tháng 7, triển khai nhiệm vụ tháng 8",
                0,
                "Các Phó Chủ tịch, công chức chuyên môn",
                "Phòng họp tầng 2",
                "Văn phòng UBND",
            ),
        ],
    ),
    (
        (2015, 8, 3),
        (2015, 8, 9),
        [
            BRIEFING,
            (
                2,
                "14:00",
                "Họp Ban chỉ huy phòng chống lụt bão của phường",
                2,
                "Thành viên Ban chỉ huy",
                "Hội trường UBND phường",
                "Ban Chỉ huy quân sự phường",
            ),
            RECEPTION,
            (
                5,
                "07:00",
                "Kiểm tra công tác vệ sinh môi trường khu dân cư",
                2,
                "Công an phường, tổ dân phố",
                "Các tuyến phố",
                "Công chức địa chính – môi trường",
            ),
        ],
    ),
]

# Three events of each season for the current weeks, chosen by the month of their Monday, so
# that no mid-year review falls in December.
SEASONS = {
    (11, 12): [
        (
            1,
            "14:00",
            "Họp rà soát kết quả thực hiện nhiệm vụ năm, chuẩn bị hội nghị tổng kết",
            0,
            "Các Phó Chủ tịch, trưởng các đoàn thể",
            "Phòng họp tầng 2",
            "Văn phòng UBND",
        ),
        (
            2,
            "08:00",
            "Kiểm tra phòng cháy, chữa cháy tại các hộ kinh doanh mùa hanh khô",
            2,
            "Công an phường, tổ dân phố",
            "Các tuyến phố",
            "Công an phường",
        ),
        (
            4,
            "08:00",
            "Họp chuẩn bị kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam (22/12)",
            1,
            "Hội Cựu chiến binh, Ban Chỉ huy quân sự phường",
            "Phòng họp tầng 2",
            "Ban Chỉ huy quân sự phường",
        ),
    ],
    (1, 2): [
        (
            1,
            "08:00",
            "Thăm, tặng quà Tết các gia đình chính sách và hộ nghèo",
            0,
            "Đại diện Ủy ban MTTQ, Hội Chữ thập đỏ phường",
            "Các tổ dân phố",
            "Ban Lao động – Thương binh và Xã hội",
        ),
        (
            2,
            "14:00",
            "Kiểm tra bảo đảm an ninh trật tự dịp Tết Nguyên đán",
            2,
            "Công an phường, tổ dân phố",
            "Các tuyến phố",
            "Công an phường",
        ),
        (
            4,
            "08:00",
            "Họp triển khai nhiệm vụ năm mới",
            0,
            "Toàn thể cán bộ, công chức phường",
            "Hội trường UBND phường",
            "Văn phòng UBND",
        ),
    ],
    (3, 4, 5): [
        (
            1,
            "07:00",
            "Ra quân tổng vệ sinh môi trường khu dân cư",
            2,
            "Đoàn Thanh niên, tổ dân phố",
            "Các tuyến phố",
            "Công chức địa chính – môi trường",
        ),
        (
            2,
            "14:00",
            "Kiểm tra an toàn thực phẩm tại các cơ sở kinh doanh ăn uống",
            1,
            "Trạm Y tế phường, Công an phường",
            "Các cơ sở kinh doanh",
            "Trạm Y tế phường",
        ),
        (
            4,
            "08:00",
            "Họp Ban chỉ huy phòng chống thiên tai trước mùa mưa bão",
            2,
            "Thành viên Ban chỉ huy",
            "Hội trường UBND phường",
            "Ban Chỉ huy quân sự phường",
        ),
    ],
    (6, 7, 8, 9, 10): [
        (
            1,
            "14:00",
            "Họp Ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn mùa mưa bão",
            2,
            "Thành viên Ban chỉ huy",
            "Hội trường UBND phường",
            "Ban Chỉ huy quân sự phường",
        ),
        (
            2,
            "08:00",
            "Kiểm tra vệ sinh môi trường, phòng chống sốt xuất huyết",
            1,
            "Trạm Y tế phường, tổ dân phố",
            "Các tổ dân phố",
            "Trạm Y tế phường",
        ),
        (
            4,
            "15:00",
            "Tổ chức hoạt động vui chơi cho thiếu nhi tại nhà văn hóa",
            1,
            "Đoàn Thanh niên phường",
            "Nhà văn hóa phường",
            "Đoàn Thanh niên phường",
        ),
    ],
}


def season_entries(month):
    return next(entries for months, entries in SEASONS.items() if month in months)


def current_week(monday, number):
    """The entries of a current week: the Monday briefing, two events of the season, the
    Thursday citizen reception and the one-stop desk check."""
    seasonal = season_entries(monday.month)
    chosen = [seasonal[number % 3], seasonal[(number + 1) % 3]]
    return sorted([BRIEFING, *chosen, RECEPTION, ONE_STOP_CHECK], key=lambda entry: entry[0])


ENGLISH = dict(  # noqa: C406  (pairs, one per line)
    [
        ("Lịch công tác", "Work schedule"),
        ("lich-cong-tac", "work-schedule"),
        (
            "Lịch công tác tuần của lãnh đạo Ủy ban nhân dân phường, đăng vào thứ sáu hằng tuần.",
            "The weekly schedule of the ward People's Committee leaders, published every Friday.",
        ),
        (
            "Giao ban Ủy ban nhân dân phường đầu tuần",
            "Weekly briefing of the ward People's Committee",
        ),
        ("Tiếp công dân định kỳ", "Regular citizen reception"),
        (
            "Kiểm tra hồ sơ thủ tục hành chính tại bộ phận một cửa",
            "Review of administrative applications at the one-stop desk",
        ),
        (
            "Họp chuẩn bị hội nghị sơ kết công tác 6 tháng đầu năm",
            "Meeting to prepare the mid-year review conference",
        ),
        (
            "Hội nghị sơ kết công tác 6 tháng đầu năm, bổ khuyết nhiệm vụ 6 tháng cuối năm 2015",
            "Mid-year review conference and tasks for the second half of 2015",
        ),
        (
            "Họp Ban tổ chức lễ kỷ niệm 65 năm Ngày truyền thống lực lượng Thanh niên xung phong "
            "(15/7/1950 – 15/7/2015)",
            "Organising committee meeting for the 65th anniversary of the Youth Volunteer Force "
            "(15 July 1950 – 15 July 2015)",
        ),
        (
            "Dâng hương, viếng nghĩa trang liệt sỹ nhân kỷ niệm 68 năm Ngày Thương binh – Liệt sỹ",
            "Incense offering at the martyrs' cemetery on the 68th War Invalids and Martyrs' Day",
        ),
        (
            "Thăm, tặng quà gia đình thương binh, liệt sỹ nhân ngày 27/7",
            "Visits and gifts to families of war invalids and martyrs for 27 July",
        ),
        (
            "Sơ kết công tác tháng 7, triển khai nhiệm vụ tháng 8",
            "Review of July's work and the tasks for August",
        ),
        (
            "Họp Ban chỉ huy phòng chống lụt bão của phường",
            "Meeting of the ward's flood and storm command",
        ),
        (
            "Kiểm tra công tác vệ sinh môi trường khu dân cư",
            "Inspection of cleanliness in the residential areas",
        ),
        (
            "Họp rà soát kết quả thực hiện nhiệm vụ năm, chuẩn bị hội nghị tổng kết",
            "Review of the year's results and preparation of the year-end conference",
        ),
        (
            "Kiểm tra phòng cháy, chữa cháy tại các hộ kinh doanh mùa hanh khô",
            "Fire safety inspection of shops in the dry season",
        ),
        (
            "Họp chuẩn bị kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam (22/12)",
            "Meeting to prepare the anniversary of the Vietnam People's Army (22 December)",
        ),
        (
            "Thăm, tặng quà Tết các gia đình chính sách và hộ nghèo",
            "Tết visits and gifts to families of war veterans and poor households",
        ),
        (
            "Kiểm tra bảo đảm an ninh trật tự dịp Tết Nguyên đán",
            "Inspection of public order and safety for the Lunar New Year",
        ),
        ("Họp triển khai nhiệm vụ năm mới", "Meeting on the tasks of the new year"),
        ("Ra quân tổng vệ sinh môi trường khu dân cư", "Clean-up day in the residential areas"),
        (
            "Kiểm tra an toàn thực phẩm tại các cơ sở kinh doanh ăn uống",
            "Food safety inspection of restaurants and food stalls",
        ),
        (
            "Họp Ban chỉ huy phòng chống thiên tai trước mùa mưa bão",
            "Meeting of the disaster prevention command before the storm season",
        ),
        (
            "Họp Ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn mùa mưa bão",
            "Meeting of the disaster prevention and rescue command for the storm season",
        ),
        (
            "Kiểm tra vệ sinh môi trường, phòng chống sốt xuất huyết",
            "Inspection of cleanliness and dengue fever prevention",
        ),
        (
            "Tổ chức hoạt động vui chơi cho thiếu nhi tại nhà văn hóa",
            "Games and activities for children at the cultural house",
        ),
        # participants, places, units
        (
            "Các Phó Chủ tịch, công chức chuyên môn",
            "The deputy chairs and specialist civil servants",
        ),
        ("Công chức địa chính, tư pháp", "Land registry and justice officers"),
        ("Công chức bộ phận một cửa", "One-stop desk staff"),
        ("Toàn thể cán bộ, công chức phường", "All ward officials and civil servants"),
        (
            "Cựu thanh niên xung phong, Đoàn Thanh niên phường",
            "Former youth volunteers, the ward Youth Union",
        ),
        (
            "Lãnh đạo Đảng ủy, UBND, Ủy ban MTTQ phường",
            "Leaders of the ward Party Committee, People's Committee and Fatherland Front",
        ),
        (
            "Đại diện Hội Cựu chiến binh, Hội Phụ nữ phường",
            "Representatives of the ward Veterans' and Women's Associations",
        ),
        ("Thành viên Ban chỉ huy", "Members of the command"),
        ("Công an phường, tổ dân phố", "Ward police, residential groups"),
        (
            "Các Phó Chủ tịch, trưởng các đoàn thể",
            "The deputy chairs and the heads of the mass organisations",
        ),
        (
            "Hội Cựu chiến binh, Ban Chỉ huy quân sự phường",
            "Veterans' Association, ward military command",
        ),
        (
            "Đại diện Ủy ban MTTQ, Hội Chữ thập đỏ phường",
            "Representatives of the ward Fatherland Front and Red Cross",
        ),
        ("Đoàn Thanh niên, tổ dân phố", "Youth Union, residential groups"),
        ("Trạm Y tế phường, Công an phường", "Ward health station, ward police"),
        ("Trạm Y tế phường, tổ dân phố", "Ward health station, residential groups"),
        ("Phòng họp tầng 2", "Meeting room, 2nd floor"),
        ("Phòng tiếp công dân", "Citizen reception room"),
        ("Bộ phận tiếp nhận và trả kết quả", "Reception and results desk"),
        ("Hội trường UBND phường", "Ward People's Committee hall"),
        ("Nhà văn hóa phường", "Ward cultural house"),
        ("Nghĩa trang liệt sỹ", "Martyrs' cemetery"),
        ("Các tổ dân phố", "The residential groups"),
        ("Các tuyến phố", "The streets of the ward"),
        ("Các cơ sở kinh doanh", "Food businesses"),
        ("Văn phòng UBND", "People's Committee office"),
        ("Đoàn Thanh niên phường", "Ward Youth Union"),
        ("Ban Lao động – Thương binh và Xã hội", "Labour, War Invalids and Social Affairs unit"),
        ("Ban Chỉ huy quân sự phường", "Ward military command"),
        ("Công an phường", "Ward police"),
        ("Trạm Y tế phường", "Ward health station"),
        ("Công chức địa chính – môi trường", "Land and environment officer"),
        ("Lịch này thay thư mời họp.", "This schedule replaces the meeting invitations."),
        ("Chuyển sang buổi chiều", "Moved to the afternoon"),
        # leaders: their names stay as they are
        *((name, name) for name, _position in LEADERS),
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
            index.save_revision(user=command.user).publish(user=command.user)
        leaders = [
            Leader.objects.get_or_create(
                name=name,
                locale=command.vi,
                defaults={"position": position, "sort_order": order},
            )[0]
            for order, (name, position) in enumerate(LEADERS)
        ]
    weeks = [
        (datetime.date(*first), datetime.date(*last), entries, False)
        for first, last, entries in WEEKS_2015
    ]
    today = ward_today()
    this_monday = today - datetime.timedelta(days=today.weekday())
    for number, offset in enumerate((-2, -1, 0, 1)):
        monday = this_monday + datetime.timedelta(days=7 * offset)
        sunday = monday + datetime.timedelta(days=6)
        weeks.append((monday, sunday, current_week(monday, number), offset == -1))
    pages = []
    for first, last, entries, changed in weeks:
        with transaction.atomic():
            pages.append(_week(command, index, first, last, entries, leaders, changed))
    with transaction.atomic():
        command._translate(index, ENGLISH)
    for leader in leaders:
        with transaction.atomic():
            command._translate(leader, ENGLISH)
    for page in pages:
        with transaction.atomic():
            command._translate(page, _week_english(page))
    command.stdout.write(f"Schedules: {index.url_path} with {len(pages)} weeks, in vi and en.")


def _week_english(page):
    """The English of a week: its title and address as the English page names them, its text."""
    return {
        **ENGLISH,
        page.title: schedule_title(page.start_date, page.end_date, "en"),
        page.slug: schedule_slug(page.start_date, "en"),
    }


def _week(command, index, first, last, entries, leaders, changed):
    existing = WeeklySchedulePage.objects.child_of(index).filter(start_date=first).first()
    if existing is not None:
        return existing
    page = WeeklySchedulePage(
        start_date=first,
        end_date=last,
        notice="Lịch này thay thư mời họp." if changed else "",
        locale=command.vi,
        live=False,
    )
    page.entries = [
        ScheduleEntry(
            date=first + datetime.timedelta(days=day),
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
    page.save_revision(user=command.user).publish(user=command.user)
    if changed:
        # Published on Friday, then the Thursday citizen reception moved to the afternoon.
        draft = page.get_latest_revision_as_object()
        moved = list(draft.entries.all())
        moved[2].start_time = datetime.time(14, 0)
        moved[2].session = ""
        moved[2].note = "Chuyển sang buổi chiều"
        draft.entries = moved
        draft.save_revision(user=command.user).publish(user=command.user)
    return page
