"""Demo content of the news feature: a "Tin tức" section on the district site and on each ward
site, four categories and more than thirty articles over two years.

Idempotent: categories, index pages and articles are looked up by slug first. All text is
written for this demo; the article about the training programme is in _training_demo.py.
"""

import datetime
import io

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Site

from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage

from ._demo_content import ENGLISH, SITES

CATEGORIES = [
    ("hanh-chinh-cong", "Hành chính công", "Public administration", "#8c1c13"),
    ("tin-hoat-dong", "Tin hoạt động", "Activities", "#0b4f8a"),
    ("van-hoa-xa-hoi", "Văn hóa – Xã hội", "Culture and society", "#1f6f43"),
    ("thong-bao", "Thông báo", "Announcements", "#7a4b00"),
]

# (site hostname, slug, date, category slug, featured, title, lead, paragraphs, source)
ARTICLES = [
    # Lạc Viên ward (its article about the training programme is in _training_demo.py)
    (
        "lacvien.localhost",
        "tiep-nhan-ho-so-truc-tuyen",
        (2026, 10, 28),
        "hanh-chinh-cong",
        False,
        "Phường Lạc Viên tiếp nhận hồ sơ trực tuyến toàn trình",
        "Từ tháng 11, người dân có thể nộp hồ sơ khai sinh, kết hôn và chứng thực qua Cổng dịch "
        "vụ công mà không cần đến trụ sở.",
        [
            "Bộ phận một cửa hướng dẫn người dân tạo tài khoản và theo dõi hồ sơ trên điện thoại.",
            "Kết quả được trả qua bưu chính hoặc nhận trực tiếp, tùy người dân lựa chọn.",
        ],
        None,
    ),
    (
        "lacvien.localhost",
        "so-ket-cai-cach-hanh-chinh-2026",
        (2026, 7, 8),
        "hanh-chinh-cong",
        False,
        "Sơ kết 6 tháng cải cách hành chính năm 2026",
        "98% hồ sơ được giải quyết đúng và trước hạn; phường tiếp tục rút ngắn thời gian trả kết "
        "quả.",
        [
            "Hội nghị ghi nhận các ý kiến đánh giá của người dân qua phiếu thăm dò tại bộ phận "
            "một cửa.",
            "Phường đề ra mục tiêu không có hồ sơ trễ hẹn trong 6 tháng cuối năm.",
        ],
        None,
    ),
    (
        "lacvien.localhost",
        "lich-tiep-cong-dan-quy-iv",
        (2026, 9, 25),
        "thong-bao",
        False,
        "Lịch tiếp công dân quý IV năm 2026",
        "Chủ tịch UBND phường tiếp công dân vào sáng thứ năm hằng tuần tại trụ sở.",
        ["Công dân mang theo giấy tờ tùy thân và tài liệu liên quan đến nội dung cần phản ánh."],
        None,
    ),
    (
        "lacvien.localhost",
        "kham-benh-mien-phi-gia-dinh-chinh-sach",
        (2026, 7, 22),
        "van-hoa-xa-hoi",
        False,
        "Khám bệnh, cấp thuốc miễn phí cho gia đình chính sách",
        "Nhân dịp 27/7, trạm y tế phường phối hợp với bệnh viện quận khám bệnh cho 120 người.",
        [
            "Các bác sĩ khám tổng quát, đo huyết áp, đường huyết và tư vấn chế độ dinh dưỡng.",
            "Những người cần điều trị tiếp được giới thiệu lên tuyến trên.",
        ],
        None,
    ),
    (
        "lacvien.localhost",
        "tang-qua-thuong-binh-liet-si-2026",
        (2026, 7, 25),
        "tin-hoat-dong",
        False,
        "Thăm, tặng quà gia đình thương binh, liệt sĩ",
        "Lãnh đạo phường đến thăm và tặng quà 45 gia đình thương binh, liệt sĩ trên địa bàn.",
        ["Đoàn cũng dâng hương tại nghĩa trang liệt sĩ của quận."],
        None,
    ),
    (
        "lacvien.localhost",
        "ra-quan-ve-sinh-moi-truong",
        (2026, 4, 12),
        "tin-hoat-dong",
        False,
        "Ra quân tổng vệ sinh môi trường các tổ dân phố",
        "Hơn 300 người dân và đoàn viên thanh niên tham gia dọn vệ sinh ngõ xóm.",
        ["Mỗi tổ dân phố nhận một khu vực và báo cáo kết quả cho phường trong ngày."],
        None,
    ),
    (
        "lacvien.localhost",
        "le-hoi-van-hoa-thieu-nhi",
        (2026, 6, 1),
        "van-hoa-xa-hoi",
        False,
        "Ngày hội văn hóa thiếu nhi phường Lạc Viên",
        "Các cháu thiếu nhi tham gia vẽ tranh, kể chuyện và trò chơi dân gian.",
        ["Ban tổ chức trao 30 phần quà cho các cháu có hoàn cảnh khó khăn."],
        None,
    ),
    (
        "lacvien.localhost",
        "thong-bao-cat-dien-thang-3",
        (2026, 3, 10),
        "thong-bao",
        False,
        "Thông báo tạm ngừng cấp điện để bảo dưỡng lưới điện",
        "Một số tổ dân phố sẽ mất điện từ 7 giờ đến 11 giờ sáng chủ nhật 15/3.",
        ["Đề nghị các hộ kinh doanh chủ động sắp xếp công việc."],
        ("Điện lực Ngô Quyền", ""),
    ),
    (
        "lacvien.localhost",
        "tong-ket-cong-tac-2025",
        (2025, 12, 28),
        "tin-hoat-dong",
        True,
        "Tổng kết công tác năm 2025 của UBND phường",
        "Phường hoàn thành các chỉ tiêu kinh tế – xã hội và được quận tặng bằng khen.",
        ["Hội nghị biểu dương 12 tập thể và 25 cá nhân có thành tích xuất sắc."],
        None,
    ),
    (
        "lacvien.localhost",
        "tuyen-quan-2026",
        (2025, 11, 18),
        "thong-bao",
        False,
        "Thông báo khám sức khỏe nghĩa vụ quân sự năm 2026",
        "Công dân trong độ tuổi nhận giấy gọi khám sức khỏe tại trạm y tế phường.",
        ["Mang theo căn cước và giấy gọi khi đến khám."],
        None,
    ),
    (
        "lacvien.localhost",
        "ban-giao-nha-dai-doan-ket",
        (2025, 9, 2),
        "van-hoa-xa-hoi",
        False,
        "Bàn giao nhà Đại đoàn kết cho hộ nghèo",
        "Ngôi nhà được xây bằng tiền ủng hộ của các doanh nghiệp và người dân trong phường.",
        ["Gia đình nhận nhà có hai con nhỏ đang đi học."],
        None,
    ),
    (
        "lacvien.localhost",
        "huong-dan-dinh-danh-dien-tu",
        (2025, 5, 20),
        "hanh-chinh-cong",
        False,
        "Hướng dẫn kích hoạt tài khoản định danh điện tử",
        "Công an phường hỗ trợ người dân kích hoạt tài khoản mức 2 vào các buổi tối trong tuần.",
        ["Người dân mang theo điện thoại có kết nối mạng và thẻ căn cước."],
        None,
    ),
    (
        "lacvien.localhost",
        "giai-bong-da-thieu-nien",
        (2025, 3, 30),
        "van-hoa-xa-hoi",
        False,
        "Giải bóng đá thiếu niên mừng Ngày Thành lập Đoàn",
        "Tám đội bóng của các tổ dân phố tranh tài trong hai ngày cuối tuần.",
        ["Đội tổ dân phố số 5 đoạt cúp vô địch."],
        None,
    ),
    (
        "lacvien.localhost",
        "tiem-chung-mo-rong-thang-1",
        (2025, 1, 14),
        "thong-bao",
        False,
        "Lịch tiêm chủng mở rộng tháng 1 năm 2025",
        "Trạm y tế phường tổ chức tiêm chủng cho trẻ em vào ngày 20 hằng tháng.",
        ["Phụ huynh mang theo sổ tiêm chủng của trẻ."],
        None,
    ),
    # Máy Chai ward
    (
        "maychai.localhost",
        "cong-bo-bo-thu-tuc-hanh-chinh",
        (2026, 11, 5),
        "hanh-chinh-cong",
        True,
        "Niêm yết Bộ thủ tục hành chính chung tại bộ phận một cửa",
        "Phường Máy Chai niêm yết đầy đủ thủ tục cấp xã theo quyết định mới của thành phố.",
        ["Người dân có thể tra cứu thủ tục tại bảng niêm yết hoặc trên website của phường."],
        None,
    ),
    (
        "maychai.localhost",
        "hoi-nghi-doi-thoai-nhan-dan",
        (2026, 8, 16),
        "tin-hoat-dong",
        False,
        "Hội nghị đối thoại giữa chính quyền và nhân dân",
        "Lãnh đạo phường trả lời 18 ý kiến về trật tự đô thị, chiếu sáng và thoát nước.",
        ["Các ý kiến chưa trả lời tại hội nghị sẽ được phản hồi bằng văn bản trong 15 ngày."],
        None,
    ),
    (
        "maychai.localhost",
        "trung-thu-cho-em",
        (2026, 9, 20),
        "van-hoa-xa-hoi",
        False,
        "Vui Tết Trung thu cho thiếu nhi khu dân cư",
        "Hơn 500 cháu thiếu nhi được tặng đèn lồng và bánh trung thu.",
        ["Chương trình có múa lân và rước đèn quanh khu dân cư."],
        None,
    ),
    (
        "maychai.localhost",
        "phong-chong-bao-2026",
        (2026, 7, 30),
        "thong-bao",
        False,
        "Chủ động phòng chống bão và mưa lớn",
        "Phường đề nghị các hộ dân chằng chống nhà cửa và theo dõi thông báo của địa phương.",
        ["Lực lượng xung kích trực 24/24 giờ tại trụ sở phường."],
        None,
    ),
    (
        "maychai.localhost",
        "nghiem-thu-duong-ngo",
        (2026, 2, 6),
        "tin-hoat-dong",
        False,
        "Nghiệm thu công trình cải tạo ngõ xóm",
        "Ba tuyến ngõ được bê tông hóa với sự đóng góp của người dân.",
        ["Tổng chiều dài các tuyến ngõ là 420 mét."],
        None,
    ),
    (
        "maychai.localhost",
        "ho-tro-ho-kinh-doanh",
        (2025, 10, 9),
        "hanh-chinh-cong",
        False,
        "Hỗ trợ hộ kinh doanh đăng ký thuế điện tử",
        "Tổ công tác của phường hướng dẫn miễn phí tại nhà văn hóa vào thứ bảy.",
        ["Hơn 90 hộ kinh doanh đã được hỗ trợ trong tháng đầu."],
        None,
    ),
    (
        "maychai.localhost",
        "le-hoi-duong-pho",
        (2025, 6, 14),
        "van-hoa-xa-hoi",
        False,
        "Đêm văn nghệ đường phố chào mừng ngày giải phóng thành phố",
        "Các câu lạc bộ văn nghệ của phường biểu diễn hát chèo, dân ca và múa.",
        ["Chương trình thu hút đông đảo người dân và du khách."],
        None,
    ),
    (
        "maychai.localhost",
        "dang-ky-tam-tru-truc-tuyen",
        (2025, 2, 26),
        "thong-bao",
        False,
        "Đăng ký tạm trú trực tuyến cho người thuê trọ",
        "Chủ nhà trọ có thể khai báo tạm trú cho người thuê qua ứng dụng của Bộ Công an.",
        ["Công an phường sẵn sàng hỗ trợ người chưa quen sử dụng ứng dụng."],
        None,
    ),
    # District
    (
        "127.0.0.1",
        "ky-hop-hdnd-quan-cuoi-nam",
        (2026, 11, 25),
        "tin-hoat-dong",
        True,
        "Kỳ họp thường lệ cuối năm của Hội đồng nhân dân quận",
        "Đại biểu thảo luận báo cáo kinh tế – xã hội và dự toán ngân sách năm 2027.",
        ["Kỳ họp diễn ra trong hai ngày và được truyền hình trực tiếp."],
        None,
    ),
    (
        "127.0.0.1",
        "trien-khai-de-an-dao-tao-du-nguon",
        (2026, 10, 15),
        "hanh-chinh-cong",
        False,
        "Quận triển khai đề án đào tạo dự nguồn cán bộ phường",
        "Các phường lập danh sách giới thiệu cử nhân trẻ tham gia chương trình của thành phố.",
        ["Hồ sơ đăng ký nộp tại Phòng Nội vụ quận trước ngày 30 tháng 11."],
        None,
    ),
    (
        "127.0.0.1",
        "cong-bo-thu-tuc-cap-huyen",
        (2026, 5, 12),
        "hanh-chinh-cong",
        False,
        "Công bố Bộ thủ tục hành chính chung áp dụng tại cấp huyện và cấp xã",
        "Quận cập nhật các thủ tục mới về hộ tịch, đất đai và kinh doanh.",
        ["Bộ thủ tục được đăng trên cổng thông tin của quận và niêm yết tại các phường."],
        ("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ),
    (
        "127.0.0.1",
        "hoi-thao-chuyen-doi-so",
        (2026, 3, 18),
        "tin-hoat-dong",
        False,
        "Hội thảo chuyển đổi số trong cơ quan nhà nước",
        "Cán bộ các phường chia sẻ kinh nghiệm số hóa hồ sơ và trả kết quả trực tuyến.",
        ["Quận đặt mục tiêu 80% hồ sơ được nộp trực tuyến vào cuối năm."],
        None,
    ),
    (
        "127.0.0.1",
        "thong-bao-tuyen-dung-cong-chuc",
        (2026, 1, 8),
        "thong-bao",
        False,
        "Thông báo tuyển dụng công chức cấp xã năm 2026",
        "Quận tuyển 12 chỉ tiêu công chức cho các phường; hạn nộp hồ sơ là ngày 15 tháng 2.",
        ["Thí sinh xem điều kiện và mẫu hồ sơ tại website của quận."],
        None,
    ),
    (
        "127.0.0.1",
        "ngay-hoi-doc-sach",
        (2025, 4, 21),
        "van-hoa-xa-hoi",
        False,
        "Ngày hội đọc sách tại thư viện quận",
        "Thư viện quận tặng 2.000 cuốn sách cho tủ sách các tổ dân phố.",
        ["Học sinh được hướng dẫn tra cứu sách điện tử miễn phí."],
        None,
    ),
    (
        "127.0.0.1",
        "so-ket-quy-i-2025",
        (2025, 4, 2),
        "tin-hoat-dong",
        False,
        "Sơ kết quý I năm 2025 của UBND quận",
        "Thu ngân sách đạt 28% dự toán năm; các phường đẩy nhanh giải ngân đầu tư công.",
        ["Chủ tịch UBND quận yêu cầu các đơn vị hoàn thành kế hoạch quý II đúng tiến độ."],
        None,
    ),
    (
        "127.0.0.1",
        "le-hoi-hoa-phuong-do",
        (2025, 5, 10),
        "van-hoa-xa-hoi",
        False,
        "Quận tham gia Lễ hội Hoa Phượng Đỏ",
        "Đoàn diễu hành của quận mang hình ảnh các phường và di tích trên địa bàn.",
        ["Lễ hội là dịp quảng bá văn hóa và du lịch của thành phố."],
        None,
    ),
    (
        "127.0.0.1",
        "thong-bao-nghi-tet-2025",
        (2024, 12, 20),
        "thong-bao",
        False,
        "Thông báo lịch nghỉ Tết Nguyên đán Ất Tỵ 2025",
        "Cán bộ, công chức được nghỉ 9 ngày; bộ phận một cửa trực vào các ngày cuối tuần.",
        ["Người dân cần giải quyết việc gấp liên hệ số điện thoại trực của quận."],
        None,
    ),
]

# Articles translated into English, and the text of that translation.
TRANSLATED_SLUGS = [
    "tiep-nhan-ho-so-truc-tuyen",
    "cong-bo-bo-thu-tuc-hanh-chinh",
    "ky-hop-hdnd-quan-cuoi-nam",
]
NEWS_ENGLISH = {
    "Tin tức": "News",
    "Tin tức của phường: hoạt động, thủ tục hành chính và thông báo.": (
        "News of the ward: activities, administrative procedures and announcements."
    ),
    "Tin tức của quận: hoạt động, thủ tục hành chính và thông báo.": (
        "News of the district: activities, administrative procedures and announcements."
    ),
    **{vi: en for _slug, vi, en, _colour in CATEGORIES},
    "Phường Lạc Viên tiếp nhận hồ sơ trực tuyến toàn trình": (
        "Lạc Viên ward accepts applications fully online"
    ),
    "Từ tháng 11, người dân có thể nộp hồ sơ khai sinh, kết hôn và chứng thực qua Cổng dịch "
    "vụ công mà không cần đến trụ sở.": (
        "From November, residents can file birth and marriage registrations and "
        "certifications through the public service portal without coming to the office."
    ),
    "Niêm yết Bộ thủ tục hành chính chung tại bộ phận một cửa": (
        "The common set of administrative procedures is posted at the one-stop desk"
    ),
    "Phường Máy Chai niêm yết đầy đủ thủ tục cấp xã theo quyết định mới của thành phố.": (
        "Máy Chai ward posts every commune-level procedure under the city's new decision."
    ),
    "Kỳ họp thường lệ cuối năm của Hội đồng nhân dân quận": (
        "Year-end session of the District People's Council"
    ),
    "Đại biểu thảo luận báo cáo kinh tế – xã hội và dự toán ngân sách năm 2027.": (
        "Delegates discuss the socio-economic report and the 2027 budget estimate."
    ),
    "Kỳ họp diễn ra trong hai ngày và được truyền hình trực tiếp.": (
        "The session lasts two days and is broadcast live."
    ),
    "Bộ phận một cửa hướng dẫn người dân tạo tài khoản và theo dõi hồ sơ trên điện thoại.": (
        "The one-stop desk helps residents create an account and follow their application "
        "on their phone."
    ),
    "Kết quả được trả qua bưu chính hoặc nhận trực tiếp, tùy người dân lựa chọn.": (
        "Results are sent by post or collected in person, as the resident prefers."
    ),
    "Người dân có thể tra cứu thủ tục tại bảng niêm yết hoặc trên website của phường.": (
        "Residents can look procedures up on the notice board or on the ward's website."
    ),
}


def load(command):
    """Create the news demo content (idempotent)."""
    ENGLISH.update(NEWS_ENGLISH)
    with transaction.atomic():
        categories = _categories(command)
        images = {slug: _image(slug, name, colour) for slug, name, _en, colour in CATEGORIES}
    indexes = {}
    for spec in SITES:
        site = Site.objects.filter(hostname=spec["hostname"]).first()
        if site is None:
            continue
        with transaction.atomic():
            indexes[spec["hostname"]] = _index(command, site)
    created = 0
    for hostname, slug, date, category, featured, title, lead, body, source in ARTICLES:
        index = indexes.get(hostname)
        if index is None or NewsPage.objects.filter(slug=slug, locale=command.vi).exists():
            continue
        with transaction.atomic():
            _article(
                command,
                index,
                categories[category],
                images[category],
                slug=slug,
                date=datetime.date(*date),
                featured=featured,
                title=title,
                lead=lead,
                body=body,
                source=source,
            )
        created += 1
    # English: the categories, the index pages, then a few articles (one transaction each:
    # wagtail-localize publishes on commit).
    for category in categories.values():
        with transaction.atomic():
            command._translate(category)
    for index in indexes.values():
        with transaction.atomic():
            command._translate(index)
    for article in NewsPage.objects.filter(slug__in=TRANSLATED_SLUGS, locale=command.vi):
        with transaction.atomic():
            command._translate(article)
    command.stdout.write(f"  News: {created} new articles, {len(indexes)} news sections.")


def _categories(command):
    categories = {}
    for slug, name, _english, _colour in CATEGORIES:
        categories[slug], _ = NewsCategory.objects.get_or_create(
            slug=slug, locale=command.vi, defaults={"name": name}
        )
    return categories


def _index(command, site):
    home = site.root_page.specific
    index = NewsIndexPage.objects.child_of(home).filter(slug="tin-tuc").first()
    if index is not None:
        return index
    unit = "quận" if site.hostname == "127.0.0.1" else "phường"
    index = NewsIndexPage(
        title="Tin tức",
        slug="tin-tuc",
        intro=f"Tin tức của {unit}: hoạt động, thủ tục hành chính và thông báo.",
        per_page=10,
        show_in_menus=True,
        locale=command.vi,
    )
    home.add_child(instance=index)
    index.save_revision(user=command.user).publish()
    return index


def _article(command, index, category, image, *, slug, date, featured, title, lead, body, source):
    if body and isinstance(body[0], str):
        body = [("paragraph", f"<p>{text}</p>") for text in body]
    source_name, source_url = source or ("", "")
    article = NewsPage(
        title=title,
        slug=slug,
        date=date,
        lead=lead,
        body=body,
        category=category,
        featured=featured,
        featured_image=image if featured or date.month % 3 == 0 else None,
        featured_image_caption=category.name if featured else "",
        source_name=source_name,
        source_url=source_url,
        locale=command.vi,
    )
    index.add_child(instance=article)
    article.tags.add(category.name.lower(), str(date.year))
    revision = article.save_revision(user=command.user)
    revision.publish()
    # Back-dated articles were first published on their own date.
    first = datetime.datetime.combine(date, datetime.time(8, 0), tzinfo=datetime.UTC)
    NewsPage.objects.filter(pk=article.pk).update(first_published_at=first)
    return article


def _image(slug, name, colour):
    Image = get_image_model()
    title = f"Ảnh minh họa – {name}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, 1200, 60):
        draw.line((step, 675, step + 400, 0), fill="#ffffff", width=3)
    draw.rectangle((80, 460, 1120, 600), fill="#ffffff")
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 64)
    except OSError:  # no DejaVu fonts on this machine: the picture stays without a label
        font = None
    if font is not None:
        draw.text((110, 490), name, fill=colour, font=font)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"news-{slug}.jpg"))
