"""The 2025 demo profile (``load_ward_demo --profile 2025``): local government since 1 July
2025, with no district level. Thành phố Hải Phòng hosts its own site and the sites of two wards
formed by merging wards of the former Ngô Quyền district.

The site list has the shape of ``_demo_content.SITES``; ``load`` adds a news section with a few
recent articles to each site. All text is written for this demo; ``english`` gives its English.
"""

import datetime

from django.db import transaction
from wagtail.models import Site

from wagtail_ward.dates import ward_today
from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage

from ._demo_content import EnglishTable

CITY_URL = "http://127.0.0.1:8000/"


def _ward(hostname, slug, name, short, phone, address):
    return {
        "hostname": hostname,
        "slug": slug,
        "parent_unit_url": CITY_URL,
        "phone": phone,
        "email": f"ubnd.{short}@example.gov.vn",
        "profile": {
            "name": f"Phường {name}",
            "level": "ward",
            "governing_body": f"Ủy ban nhân dân phường {name}",
            "parent_unit_name": "Thành phố Hải Phòng",
            "parent_level": "city",
            "address": address,
            "office_hours": "Thứ hai – Thứ sáu, 7:30 – 17:00; sáng thứ bảy, 7:30 – 11:30",
        },
        "home": {
            "title": f"Trang thông tin điện tử phường {name}",
            "intro": f"<p>Tin tức, thủ tục hành chính và hỏi đáp của phường {name}, "
            "thành lập ngày 1/7/2025.</p>",
        },
        "pages": [
            {
                "title": "Giới thiệu",
                "slug": "gioi-thieu",
                "menu": True,
                "intro": f"Phường {name} thuộc thành phố Hải Phòng từ ngày 1/7/2025.",
                "paragraphs": [
                    f"Phường {name} được thành lập trên cơ sở sắp xếp các phường của quận "
                    "Ngô Quyền cũ; hồ sơ thủ tục hành chính được tiếp nhận tại Bộ phận một cửa "
                    "của phường.",
                ],
            },
        ],
    }


SITES = [
    {
        "hostname": "127.0.0.1",
        "default": True,
        "slug": "thanh-pho-hai-phong",
        "phone": "0225 3842 123",
        "email": "ubnd.haiphong@example.gov.vn",
        "profile": {
            "name": "Thành phố Hải Phòng",
            "level": "city",
            "governing_body": "Ủy ban nhân dân thành phố Hải Phòng",
            "address": "Số 18 Hoàng Diệu, thành phố Hải Phòng",
            "office_hours": "Thứ hai – Thứ sáu, 7:30 – 17:00",
        },
        "home": {
            "title": "Cổng thông tin điện tử thành phố Hải Phòng",
            "intro": "<p>Thông tin chính thức của Ủy ban nhân dân thành phố Hải Phòng "
            "dành cho người dân và doanh nghiệp.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>Website của các phường: "
                    '<a href="http://giavien.localhost:8000/">Phường Gia Viên</a>, '
                    '<a href="http://ngoquyen.localhost:8000/">Phường Ngô Quyền</a>.</p>',
                )
            ],
        },
        "pages": [
            {
                "title": "Giới thiệu",
                "slug": "gioi-thieu",
                "menu": True,
                "intro": "Từ ngày 1/7/2025, chính quyền địa phương có hai cấp: thành phố và "
                "phường, xã, đặc khu.",
                "paragraphs": [
                    "Các phường, xã của thành phố có website riêng trên cùng hệ thống.",
                ],
            },
        ],
    },
    _ward(
        "giavien.localhost",
        "phuong-gia-vien",
        "Gia Viên",
        "giavien",
        "0225 3551 300",
        "Số 2 Lạch Tray, phường Gia Viên, thành phố Hải Phòng",
    ),
    _ward(
        "ngoquyen.localhost",
        "phuong-ngo-quyen",
        "Ngô Quyền",
        "ngoquyen",
        "0225 3765 400",
        "Số 1 Đà Nẵng, phường Ngô Quyền, thành phố Hải Phòng",
    ),
]

ENGLISH = {
    "Thành phố Hải Phòng": "Hải Phòng City",
    "Ủy ban nhân dân thành phố Hải Phòng": "Hải Phòng City People's Committee",
    "Số 18 Hoàng Diệu, thành phố Hải Phòng": "18 Hoàng Diệu Street, Hải Phòng City",
    "Thứ hai – Thứ sáu, 7:30 – 17:00": "Monday to Friday, 7:30 am – 5 pm",
    "Thứ hai – Thứ sáu, 7:30 – 17:00; sáng thứ bảy, 7:30 – 11:30": (
        "Monday to Friday, 7:30 am – 5 pm; Saturday, 7:30 – 11:30 am"
    ),
    "Cổng thông tin điện tử thành phố Hải Phòng": "Hải Phòng City web portal",
    "thanh-pho-hai-phong": "hai-phong-city",
    "Thông tin chính thức của Ủy ban nhân dân thành phố Hải Phòng dành cho người dân và "
    "doanh nghiệp.": (
        "Official information of the Hải Phòng City People's Committee for citizens and businesses."
    ),
    "Giới thiệu": "About",
    "gioi-thieu": "about",
    "Từ ngày 1/7/2025, chính quyền địa phương có hai cấp: thành phố và phường, xã, đặc khu.": (
        "Since 1 July 2025 local government has two tiers: the city, and its wards, communes "
        "and special zones."
    ),
    "Các phường, xã của thành phố có website riêng trên cùng hệ thống.": (
        "The city's wards and communes each have their own website on the same system."
    ),
    "Sơ đồ site": "Site map",
    "so-do-site": "site-map",
    "Tin tức": "News",
    "tin-tuc": "news",
    "Tin tức, hoạt động và thông báo.": "News, activities and announcements.",
    "Thông báo": "Announcements",
}
for _name, _slug, _street in (
    ("Gia Viên", "gia-vien", "Số 2 Lạch Tray"),
    ("Ngô Quyền", "ngo-quyen", "Số 1 Đà Nẵng"),
):
    ENGLISH.update(
        {
            f"Phường {_name}": f"{_name} Ward",
            f"Ủy ban nhân dân phường {_name}": f"{_name} Ward People's Committee",
            f"{_street}, phường {_name}, thành phố Hải Phòng": (
                f"{_street.removeprefix('Số ')} Street, {_name} Ward, Hải Phòng City"
            ),
            f"Trang thông tin điện tử phường {_name}": f"{_name} Ward website",
            f"phuong-{_slug}": f"{_slug}-ward",
            f"Tin tức, thủ tục hành chính và hỏi đáp của phường {_name}, "
            "thành lập ngày 1/7/2025.": (
                f"News, administrative procedures and answers to citizens' questions of "
                f"{_name} Ward, founded on 1 July 2025."
            ),
            f"Phường {_name} thuộc thành phố Hải Phòng từ ngày 1/7/2025.": (
                f"{_name} Ward has been part of Hải Phòng City since 1 July 2025."
            ),
            f"Phường {_name} được thành lập trên cơ sở sắp xếp các phường của quận Ngô Quyền "
            "cũ; hồ sơ thủ tục hành chính được tiếp nhận tại Bộ phận một cửa của phường.": (
                f"{_name} Ward was formed from wards of the former Ngô Quyền district; "
                "applications for administrative procedures are received at the ward's "
                "one-stop desk."
            ),
        }
    )

# (host name, slug, days before today, title, lead, paragraphs)
ARTICLES = [
    (
        "127.0.0.1",
        "tiep-nhan-ho-so-truc-tuyen-toan-trinh",
        3,
        "Thành phố đẩy mạnh tiếp nhận hồ sơ trực tuyến toàn trình",
        "Người dân có thể nộp hồ sơ nhiều thủ tục hành chính trực tuyến, không phải đến trụ sở.",
        [
            "Ủy ban nhân dân thành phố đề nghị các phường, xã hướng dẫn người dân nộp hồ sơ "
            "trực tuyến trên Cổng dịch vụ công.",
        ],
    ),
    (
        "giavien.localhost",
        "phuong-gia-vien-tiep-cong-dan",
        2,
        "Lịch tiếp công dân của phường Gia Viên",
        "Lãnh đạo Ủy ban nhân dân phường tiếp công dân vào sáng thứ năm hằng tuần.",
        ["Người dân đăng ký trước tại Bộ phận một cửa hoặc qua trang Hỏi đáp."],
    ),
    (
        "ngoquyen.localhost",
        "phuong-ngo-quyen-mot-cua",
        4,
        "Bộ phận một cửa phường Ngô Quyền làm việc sáng thứ bảy",
        "Bộ phận một cửa tiếp nhận hồ sơ cả sáng thứ bảy để thuận tiện cho người dân.",
        ["Thời gian tiếp nhận sáng thứ bảy từ 7 giờ 30 đến 11 giờ 30."],
    ),
]
ENGLISH.update(
    {
        "tiep-nhan-ho-so-truc-tuyen-toan-trinh": "fully-online-applications",
        "Thành phố đẩy mạnh tiếp nhận hồ sơ trực tuyến toàn trình": (
            "The city receives more applications fully online"
        ),
        "Người dân có thể nộp hồ sơ nhiều thủ tục hành chính trực tuyến, không phải đến trụ sở.": (
            "Citizens can apply for many administrative procedures online, without coming "
            "to the office."
        ),
        "Ủy ban nhân dân thành phố đề nghị các phường, xã hướng dẫn người dân nộp hồ sơ "
        "trực tuyến trên Cổng dịch vụ công.": (
            "The City People's Committee asks wards and communes to help citizens apply "
            "online on the public service portal."
        ),
    }
)


# The English of this module's strings; names, numbers and addresses stay as they are.
english = EnglishTable(ENGLISH, strict=False)


def load(command):
    """A news section on each site of the profile, with its recent articles (idempotent)."""
    with transaction.atomic():
        category, _created = NewsCategory.objects.get_or_create(
            slug="thong-bao", locale=command.vi, defaults={"name": "Thông báo"}
        )
    today = ward_today()
    indexes = []
    for hostname, slug, days_ago, title, lead, paragraphs in ARTICLES:
        site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
        if site is None:
            continue
        with transaction.atomic():
            index = _index(command, site)
            indexes.append(index)
            if NewsPage.objects.filter(slug=slug, locale=command.vi).exists():
                continue
            article = NewsPage(
                title=title,
                slug=slug,
                date=today - datetime.timedelta(days=days_ago),
                lead=lead,
                body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
                category=category,
                locale=command.vi,
            )
            index.add_child(instance=article)
            article.save_revision(user=command.user).publish(user=command.user)
    with transaction.atomic():
        command._translate(category, english)
    for index in indexes:
        with transaction.atomic():
            command._translate(index, english)
    for article in NewsPage.objects.filter(slug__in=ENGLISH, locale=command.vi):
        with transaction.atomic():
            command._translate(article, english)
    command.stdout.write(f"  News (2025 profile): {len(ARTICLES)} articles.")


def _index(command, site):
    home = site.root_page.specific
    index = NewsIndexPage.objects.child_of(home).filter(slug="tin-tuc").first()
    if index is None:
        index = NewsIndexPage(
            title="Tin tức",
            slug="tin-tuc",
            intro="Tin tức, hoạt động và thông báo.",
            per_page=10,
            show_in_menus=True,
            locale=command.vi,
        )
        home.add_child(instance=index)
        index.save_revision(user=command.user).publish(user=command.user)
    return index
