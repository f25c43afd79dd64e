"""The demo's articles, Vietnamese with their English where the article is translated.

Dates fit the content: the reference page's items (2008–2015) keep their own dates, current
items are dated in the season they speak of, and the district's own items end before 1 July
2025, when the district level was dissolved. Items dated after that never speak of the
district ("quận", "HĐND quận", "cấp huyện").
"""

from typing import NamedTuple


class English(NamedTuple):
    slug: str
    title: str
    lead: str
    paragraphs: list
    source_name: str = ""


class Article(NamedTuple):
    hostname: str
    slug: str
    date: tuple
    category: str
    title: str
    lead: str
    paragraphs: list
    featured: bool = False
    source: tuple | None = None
    picture: str = ""  # a scene of _demo_photos.SCENES, or no picture
    english: English | None = None


LAC_VIEN = "lacvien.localhost"
MAY_CHAI = "maychai.localhost"
DISTRICT = "127.0.0.1"

# "Các tin khác" of the reference article: the seven older items of its section "Hành chính
# công", newest first, with the reference page's own titles.
REFERENCE_OTHER_NEWS = [
    Article(
        LAC_VIEN,
        "hoan-thanh-giai-doan-i-de-an-30",
        (2009, 6, 15),
        "hanh-chinh-cong",
        "Hoàn thành giai đoạn I thực hiện Đề án 30 của Chính phủ trước thời gian quy định "
        "và tiếp tục triển khai giai đoạn II",
        "Phường hoàn thành thống kê các thủ tục hành chính đang áp dụng sớm hơn thời hạn và "
        "bắt đầu rà soát từng thủ tục.",
        [
            "Mỗi thủ tục được ghi lại với hồ sơ, thời hạn giải quyết và lệ phí trên biểu mẫu "
            "thống nhất.",
            "Trong giai đoạn II, phường đề xuất bỏ hoặc đơn giản hóa các thủ tục không cần thiết.",
        ],
        english=English(
            "scheme-30-phase-one-completed",
            "Phase I of the Government's Scheme 30 completed ahead of schedule, phase II begins",
            "The ward finished listing the administrative procedures it applies before the "
            "deadline and has begun to review each of them.",
            [
                "Each procedure was recorded with its dossier, processing time and fees on a "
                "common form.",
                "In phase II the ward proposes to remove or simplify the procedures that are "
                "not needed.",
            ],
        ),
    ),
    Article(
        LAC_VIEN,
        "nam-2010-luong-toi-thieu-tang",
        (2009, 5, 20),
        "hanh-chinh-cong",
        "Năm 2010: Lương tối thiểu sẽ tăng thấp nhất 12,3%",
        "Mức lương tối thiểu chung dự kiến tăng ít nhất 12,3% từ năm 2010.",
        ["Phường sẽ thông báo mức lương mới cho cán bộ, công chức khi có văn bản hướng dẫn."],
        english=English(
            "minimum-wage-2010",
            "2010: the minimum wage will rise by at least 12.3%",
            "The general minimum wage is expected to rise by at least 12.3% from 2010.",
            ["The ward will announce the new pay to its staff when the guidance is issued."],
        ),
    ),
    Article(
        LAC_VIEN,
        "cac-giai-doan-trien-khai-de-an-30",
        (2009, 4, 10),
        "hanh-chinh-cong",
        "Các giai đoạn triển khai của Đề án 30",
        "Đề án đơn giản hóa thủ tục hành chính được thực hiện qua ba giai đoạn: thống kê, rà "
        "soát và thực thi.",
        ["Kết quả mỗi giai đoạn được công bố công khai để người dân theo dõi."],
        english=English(
            "scheme-30-phases",
            "The phases of Scheme 30",
            "The scheme to simplify administrative procedures runs in three phases: listing, "
            "review and implementation.",
            ["The results of each phase are published so that residents can follow them."],
        ),
    ),
    Article(
        LAC_VIEN,
        "quan-ly-van-ban-den",
        (2009, 3, 12),
        "hanh-chinh-cong",
        "Nghiệp vụ văn phòng: Quản lý văn bản đến",
        "Văn bản đến được đăng ký vào sổ, chuyển lãnh đạo cho ý kiến và giao người xử lý "
        "ngay trong ngày.",
        ["Văn bản khẩn được trình ngay khi nhận."],
        english=English(
            "office-work-incoming-documents",
            "Office work: managing incoming documents",
            "Incoming documents are registered, passed to a leader for instructions and "
            "assigned to a clerk on the day they arrive.",
            ["Urgent documents are presented as soon as they are received."],
        ),
    ),
    Article(
        LAC_VIEN,
        "quan-ly-van-ban-di",
        (2009, 3, 5),
        "hanh-chinh-cong",
        "Nghiệp vụ văn phòng: Quản lý văn bản đi",
        "Văn bản đi được kiểm tra thể thức, ghi số, đóng dấu và lưu bản gốc trước khi phát hành.",
        ["Mỗi văn bản có một bản lưu tại văn thư và một bản tại bộ phận soạn thảo."],
        english=English(
            "office-work-outgoing-documents",
            "Office work: managing outgoing documents",
            "Outgoing documents are checked for form, numbered and stamped, and the original "
            "is filed before they are sent.",
            ["One copy of each document is kept by the registry and one by the drafting unit."],
        ),
    ),
    Article(
        LAC_VIEN,
        "cong-bo-bo-thu-tuc-hanh-chinh-chung",
        (2009, 1, 22),
        "hanh-chinh-cong",
        "Công bố Bộ thủ tục hành chính chung áp dụng tại cấp huyện (quận - huyện) và cấp xã "
        "(xã - phường - thị trấn)",
        "Bộ thủ tục chung được niêm yết tại bộ phận một cửa của phường.",
        ["Người dân có thể xem thành phần hồ sơ, thời hạn và lệ phí của từng thủ tục."],
        english=English(
            "common-set-of-administrative-procedures",
            "The common set of administrative procedures for district and commune level "
            "is published",
            "The common set of procedures is posted at the ward's one-stop desk.",
            ["Residents can see the dossier, processing time and fees of each procedure."],
        ),
    ),
    Article(
        LAC_VIEN,
        "thi-nang-ngach-cong-chuc",
        (2008, 10, 20),
        "hanh-chinh-cong",
        "Thi nâng ngạch công chức theo nguyên tắc cạnh tranh",
        "Kỳ thi nâng ngạch được tổ chức công khai, chọn người có năng lực theo kết quả thi.",
        ["Công chức đủ điều kiện đăng ký dự thi tại văn phòng Ủy ban nhân dân phường."],
        english=English(
            "competitive-promotion-examination",
            "Civil servants' promotion examination held on a competitive basis",
            "The promotion examination is open, and the most able candidates are chosen by "
            "their results.",
            ["Eligible civil servants register at the ward People's Committee office."],
        ),
    ),
]

# The reference page's "Tin mới" of summer 2015, dated then.
REFERENCE_2015 = [
    Article(
        LAC_VIEN,
        "vieng-nghia-trang-liet-sy-2015",
        (2015, 7, 27),
        "tin-hoat-dong",
        "Viếng nghĩa trang liệt sỹ",
        "Nhân kỷ niệm 68 năm Ngày Thương binh – Liệt sỹ, lãnh đạo phường dâng hương tưởng "
        "niệm các anh hùng liệt sỹ.",
        ["Đoàn gồm lãnh đạo Đảng ủy, Ủy ban nhân dân và các đoàn thể của phường."],
        picture="street",
        english=English(
            "visit-to-the-martyrs-cemetery-2015",
            "Visit to the martyrs' cemetery",
            "On the 68th anniversary of War Invalids and Martyrs' Day, the ward's leaders "
            "offered incense in memory of the fallen.",
            [
                "The delegation included the leaders of the ward's Party Committee, People's "
                "Committee and mass organisations."
            ],
        ),
    ),
    Article(
        LAC_VIEN,
        "tham-tang-qua-gia-dinh-chinh-sach-27-7-2015",
        (2015, 7, 24),
        "tin-hoat-dong",
        "Đi thăm tặng quà gia đình chính sách nhân dịp 27/7",
        "Lãnh đạo phường thăm và tặng quà các gia đình thương binh, liệt sỹ trên địa bàn.",
        ["Mỗi gia đình nhận một suất quà và lời thăm hỏi của Ủy ban nhân dân phường."],
        english=English(
            "gifts-for-families-of-war-invalids-and-martyrs-2015",
            "Gifts for families of war invalids and martyrs for 27 July",
            "The ward's leaders visited the families of war invalids and martyrs in the ward "
            "and brought them gifts.",
            ["Each family received a gift and the good wishes of the ward People's Committee."],
        ),
    ),
    Article(
        LAC_VIEN,
        "kham-benh-phat-thuoc-2015",
        (2015, 7, 20),
        "van-hoa-xa-hoi",
        "Khám bệnh và phát thuốc cho đối tượng chính sách và gia đình khó khăn",
        "Trạm y tế phường khám bệnh và phát thuốc miễn phí cho hơn 100 người.",
        ["Người cần điều trị tiếp được giới thiệu đến bệnh viện."],
        english=English(
            "free-check-ups-and-medicine-2015",
            "Free check-ups and medicine for families of war veterans and families in need",
            "The ward health station examined more than 100 people and gave them medicine "
            "free of charge.",
            ["Those who need further treatment were referred to a hospital."],
        ),
    ),
    Article(
        LAC_VIEN,
        "hoi-nghi-so-ket-6-thang-dau-nam-2015",
        (2015, 7, 8),
        "tin-hoat-dong",
        "Hội nghị sơ kết công tác 6 tháng đầu năm, bổ khuyết nhiệm vụ 6 tháng cuối năm 2015",
        "Phường đánh giá kết quả nửa đầu năm và bổ sung nhiệm vụ cho những tháng còn lại.",
        ["Hội nghị biểu dương các tổ dân phố hoàn thành tốt nhiệm vụ."],
        picture="hall",
        english=English(
            "mid-year-review-2015",
            "Mid-year review conference and tasks for the second half of 2015",
            "The ward reviewed the results of the first half of the year and added to its "
            "tasks for the remaining months.",
            ["The conference commended the residential groups with the best results."],
        ),
    ),
    Article(
        LAC_VIEN,
        "ky-niem-65-nam-thanh-nien-xung-phong",
        (2015, 7, 14),
        "van-hoa-xa-hoi",
        "Lễ kỷ niệm 65 năm Ngày truyền thống lực lượng Thanh niên xung phong "
        "(15/7/1950 – 15/7/2015)",
        "Cựu thanh niên xung phong của phường ôn lại truyền thống và gặp mặt thế hệ trẻ.",
        ["Đoàn Thanh niên phường tặng hoa các cựu thanh niên xung phong."],
        english=English(
            "youth-volunteer-force-65th-anniversary",
            "65th anniversary of the Youth Volunteer Force (15 July 1950 – 15 July 2015)",
            "Former youth volunteers of the ward recalled their service and met the young "
            "generation.",
            ["The ward Youth Union presented flowers to the former volunteers."],
        ),
    ),
]

CURRENT_LAC_VIEN = [
    Article(
        LAC_VIEN,
        "tiep-nhan-ho-so-truc-tuyen",
        (2026, 10, 28),
        "cai-cach-hanh-chinh",
        "Phường Lạc Viên tiếp nhận hồ sơ trực tuyến toàn trình",
        "Từ tháng 11, người dân có thể nộp hồ sơ khai sinh, kết hôn và chứng thực qua Cổng dịch "
        "vụ công mà không cần đến trụ sở.",
        [
            "Bộ phận một cửa hướng dẫn người dân tạo tài khoản và theo dõi hồ sơ trên điện thoại.",
            "Kết quả được trả qua bưu chính hoặc nhận trực tiếp, tùy người dân lựa chọn.",
        ],
        picture="office",
        english=English(
            "applications-fully-online",
            "Lạc Viên Ward accepts applications fully online",
            "From November, residents can file birth and marriage registrations and "
            "certifications through the public service portal without coming to the office.",
            [
                "The one-stop desk helps residents create an account and follow their "
                "application on their phone.",
                "Results are sent by post or collected in person, as the resident prefers.",
            ],
        ),
    ),
    Article(
        LAC_VIEN,
        "so-ket-cai-cach-hanh-chinh-2026",
        (2026, 7, 8),
        "cai-cach-hanh-chinh",
        "Sơ kết 6 tháng cải cách hành chính năm 2026",
        "98% hồ sơ được giải quyết đúng và trước hạn; phường tiếp tục rút ngắn thời gian trả kết "
        "quả.",
        [
            "Hội nghị ghi nhận các ý kiến đánh giá của người dân qua phiếu thăm dò tại bộ phận "
            "một cửa.",
            "Phường đề ra mục tiêu không có hồ sơ trễ hẹn trong 6 tháng cuối năm.",
        ],
        english=English(
            "administrative-reform-mid-year-review-2026",
            "Administrative reform: review of the first half of 2026",
            "98% of applications were settled on time or early; the ward keeps shortening the "
            "time it takes to return results.",
            [
                "The meeting heard residents' opinions gathered by the survey at the one-stop "
                "desk.",
                "The ward aims to have no late applications in the second half of the year.",
            ],
        ),
    ),
    Article(
        LAC_VIEN,
        "lich-tiep-cong-dan-quy-iv",
        (2026, 9, 25),
        "thong-bao",
        "Lịch tiếp công dân quý IV năm 2026",
        "Chủ tịch UBND phường tiếp công dân vào sáng thứ năm hằng tuần tại trụ sở.",
        ["Công dân mang theo giấy tờ tùy thân và tài liệu liên quan đến nội dung cần phản ánh."],
        english=English(
            "citizen-reception-fourth-quarter-2026",
            "Citizen reception hours, fourth quarter of 2026",
            "The Chair of the ward People's Committee receives citizens every Thursday morning "
            "at the office.",
            ["Please bring an identity document and any papers about the matter you raise."],
        ),
    ),
    Article(
        LAC_VIEN,
        "kham-benh-mien-phi-gia-dinh-chinh-sach",
        (2026, 7, 22),
        "van-hoa-xa-hoi",
        "Khám bệnh, cấp thuốc miễn phí cho gia đình chính sách",
        "Nhân dịp 27/7, trạm y tế phường cùng các bác sĩ tình nguyện khám bệnh cho 120 người.",
        [
            "Các bác sĩ khám tổng quát, đo huyết áp, đường huyết và tư vấn chế độ dinh dưỡng.",
            "Những người cần điều trị tiếp được giới thiệu lên tuyến trên.",
        ],
        english=English(
            "free-check-ups-for-families-of-war-veterans",
            "Free check-ups and medicine for families of war veterans",
            "For 27 July, the ward health station and volunteer doctors examined 120 people.",
            [
                "The doctors gave general check-ups, measured blood pressure and blood sugar "
                "and advised on diet.",
                "Those who need further treatment were referred to a hospital.",
            ],
        ),
    ),
    Article(
        LAC_VIEN,
        "tang-qua-thuong-binh-liet-si-2026",
        (2026, 7, 25),
        "tin-hoat-dong",
        "Thăm, tặng quà gia đình thương binh, liệt sĩ",
        "Lãnh đạo phường đến thăm và tặng quà 45 gia đình thương binh, liệt sĩ trên địa bàn.",
        ["Đoàn cũng dâng hương tại đài tưởng niệm liệt sĩ của phường."],
        english=English(
            "gifts-for-families-of-war-invalids-and-martyrs-2026",
            "Visits and gifts for families of war invalids and martyrs",
            "The ward's leaders visited 45 families of war invalids and martyrs in the ward and "
            "brought them gifts.",
            ["The delegation also offered incense at the ward's war memorial."],
        ),
    ),
    Article(
        LAC_VIEN,
        "ra-quan-ve-sinh-moi-truong",
        (2026, 4, 12),
        "tin-hoat-dong",
        "Ra quân tổng vệ sinh môi trường các tổ dân phố",
        "Hơn 300 người dân và đoàn viên thanh niên tham gia dọn vệ sinh ngõ xóm.",
        ["Mỗi tổ dân phố nhận một khu vực và báo cáo kết quả cho phường trong ngày."],
        picture="street",
        english=English(
            "neighbourhood-clean-up-day",
            "Clean-up day in every residential group",
            "More than 300 residents and young volunteers cleaned the lanes of the ward.",
            ["Each residential group took one area and reported to the ward the same day."],
        ),
    ),
    Article(
        LAC_VIEN,
        "le-hoi-van-hoa-thieu-nhi",
        (2026, 6, 1),
        "van-hoa-xa-hoi",
        "Ngày hội văn hóa thiếu nhi phường Lạc Viên",
        "Các cháu thiếu nhi tham gia vẽ tranh, kể chuyện và trò chơi dân gian.",
        ["Ban tổ chức trao 30 phần quà cho các cháu có hoàn cảnh khó khăn."],
        english=English(
            "childrens-culture-day",
            "Children's culture day in Lạc Viên Ward",
            "Children took part in drawing, storytelling and traditional games.",
            ["The organisers gave 30 presents to children from families in need."],
        ),
    ),
    Article(
        LAC_VIEN,
        "thong-bao-cat-dien-thang-3",
        (2026, 3, 10),
        "thong-bao",
        "Thông báo tạm ngừng cấp điện để bảo dưỡng lưới điện",
        "Một số tổ dân phố sẽ mất điện từ 7 giờ đến 11 giờ sáng chủ nhật 15/3.",
        ["Đề nghị các hộ kinh doanh chủ động sắp xếp công việc."],
        source=("Công ty Điện lực Hải Phòng", ""),
        english=English(
            "power-cut-for-maintenance-march",
            "Power cut for maintenance of the grid",
            "Some residential groups will be without power from 7 to 11 a.m. on Sunday 15 March.",
            ["Shops and businesses are asked to plan their work accordingly."],
            source_name="Hải Phòng Power Company",
        ),
    ),
    Article(
        LAC_VIEN,
        "tong-ket-cong-tac-2025",
        (2025, 12, 28),
        "tin-hoat-dong",
        "Tổng kết công tác năm 2025 của UBND phường",
        "Phường hoàn thành các chỉ tiêu kinh tế – xã hội và được thành phố tặng bằng khen.",
        ["Hội nghị biểu dương 12 tập thể và 25 cá nhân có thành tích xuất sắc."],
        featured=True,
        picture="hall",
        english=English(
            "year-end-review-2025",
            "The ward People's Committee reviews its work in 2025",
            "The ward met its social and economic targets and received a certificate of merit "
            "from the city.",
            ["The conference commended 12 teams and 25 people for outstanding work."],
        ),
    ),
    Article(
        LAC_VIEN,
        "tuyen-quan-2026",
        (2025, 11, 18),
        "thong-bao",
        "Thông báo khám sức khỏe nghĩa vụ quân sự năm 2026",
        "Công dân trong độ tuổi nhận giấy gọi khám sức khỏe tại trạm y tế phường.",
        ["Mang theo căn cước và giấy gọi khi đến khám."],
        english=English(
            "military-service-health-checks-2026",
            "Health checks for military service in 2026",
            "Citizens of service age receive a call-up for a health check at the ward health "
            "station.",
            ["Bring your identity card and the call-up letter."],
        ),
    ),
    Article(
        LAC_VIEN,
        "ban-giao-nha-dai-doan-ket",
        (2025, 9, 2),
        "van-hoa-xa-hoi",
        "Bàn giao nhà Đại đoàn kết cho hộ nghèo",
        "Ngôi nhà được xây bằng tiền ủng hộ của các doanh nghiệp và người dân trong phường.",
        ["Gia đình nhận nhà có hai con nhỏ đang đi học."],
        english=English(
            "solidarity-house-handed-over",
            "A solidarity house handed over to a poor family",
            "The house was built with donations from businesses and residents of the ward.",
            ["The family that received it has two young children at school."],
        ),
    ),
    Article(
        LAC_VIEN,
        "huong-dan-dinh-danh-dien-tu",
        (2025, 5, 20),
        "cai-cach-hanh-chinh",
        "Hướng dẫn kích hoạt tài khoản định danh điện tử",
        "Công an phường hỗ trợ người dân kích hoạt tài khoản mức 2 vào các buổi tối trong tuần.",
        ["Người dân mang theo điện thoại có kết nối mạng và thẻ căn cước."],
        english=English(
            "activating-your-electronic-identity",
            "How to activate your electronic identity account",
            "The ward police help residents activate a level 2 account on weekday evenings.",
            ["Bring a phone with a data connection and your identity card."],
        ),
    ),
    Article(
        LAC_VIEN,
        "giai-bong-da-thieu-nien",
        (2025, 3, 30),
        "van-hoa-xa-hoi",
        "Giải bóng đá thiếu niên mừng Ngày Thành lập Đoàn",
        "Tám đội bóng của các tổ dân phố tranh tài trong hai ngày cuối tuần.",
        ["Đội tổ dân phố số 5 đoạt cúp vô địch."],
        english=English(
            "youth-football-tournament",
            "Youth football tournament for the Youth Union's founding day",
            "Eight teams from the residential groups played over a weekend.",
            ["The team of residential group 5 won the cup."],
        ),
    ),
    Article(
        LAC_VIEN,
        "tiem-chung-mo-rong-thang-1",
        (2025, 1, 14),
        "thong-bao",
        "Lịch tiêm chủng mở rộng tháng 1 năm 2025",
        "Trạm y tế phường tổ chức tiêm chủng cho trẻ em vào ngày 20 hằng tháng.",
        ["Phụ huynh mang theo sổ tiêm chủng của trẻ."],
        english=English(
            "vaccination-schedule-january-2025",
            "Childhood vaccinations, January 2025",
            "The ward health station vaccinates children on the 20th of every month.",
            ["Parents should bring the child's vaccination record."],
        ),
    ),
]

MAY_CHAI_ARTICLES = [
    Article(
        MAY_CHAI,
        "cong-bo-bo-thu-tuc-hanh-chinh",
        (2026, 11, 5),
        "hanh-chinh-cong",
        "Niêm yết Bộ thủ tục hành chính chung tại bộ phận một cửa",
        "Phường Máy Chai niêm yết đầy đủ thủ tục cấp xã theo quyết định mới của thành phố.",
        ["Người dân có thể tra cứu thủ tục tại bảng niêm yết hoặc trên website của phường."],
        featured=True,
        picture="office",
        english=English(
            "common-procedures-posted",
            "The common set of administrative procedures is posted at the one-stop desk",
            "Máy Chai Ward posts every commune-level procedure under the city's new decision.",
            ["Residents can look procedures up on the notice board or on the ward's website."],
        ),
    ),
    Article(
        MAY_CHAI,
        "hoi-nghi-doi-thoai-nhan-dan",
        (2026, 8, 16),
        "tin-hoat-dong",
        "Hội nghị đối thoại giữa chính quyền và nhân dân",
        "Lãnh đạo phường trả lời 18 ý kiến về trật tự đô thị, chiếu sáng và thoát nước.",
        ["Các ý kiến chưa trả lời tại hội nghị sẽ được phản hồi bằng văn bản trong 15 ngày."],
        picture="hall",
    ),
    Article(
        MAY_CHAI,
        "trung-thu-cho-em",
        (2026, 9, 20),
        "van-hoa-xa-hoi",
        "Vui Tết Trung thu cho thiếu nhi khu dân cư",
        "Hơn 500 cháu thiếu nhi được tặng đèn lồng và bánh trung thu.",
        ["Chương trình có múa lân và rước đèn quanh khu dân cư."],
    ),
    Article(
        MAY_CHAI,
        "phong-chong-bao-2026",
        (2026, 7, 30),
        "thong-bao",
        "Chủ động phòng chống bão và mưa lớn",
        "Phường đề nghị các hộ dân chằng chống nhà cửa và theo dõi thông báo của địa phương.",
        ["Lực lượng xung kích trực 24/24 giờ tại trụ sở phường."],
    ),
    Article(
        MAY_CHAI,
        "nghiem-thu-duong-ngo",
        (2026, 2, 6),
        "tin-hoat-dong",
        "Nghiệm thu công trình cải tạo ngõ xóm",
        "Ba tuyến ngõ được bê tông hóa với sự đóng góp của người dân.",
        ["Tổng chiều dài các tuyến ngõ là 420 mét."],
        picture="street",
    ),
    Article(
        MAY_CHAI,
        "ho-tro-ho-kinh-doanh",
        (2025, 10, 9),
        "cai-cach-hanh-chinh",
        "Hỗ trợ hộ kinh doanh đăng ký thuế điện tử",
        "Tổ công tác của phường hướng dẫn miễn phí tại nhà văn hóa vào thứ bảy.",
        ["Hơn 90 hộ kinh doanh đã được hỗ trợ trong tháng đầu."],
    ),
    Article(
        MAY_CHAI,
        "le-hoi-duong-pho",
        (2025, 5, 12),
        "van-hoa-xa-hoi",
        "Đêm văn nghệ đường phố chào mừng ngày giải phóng thành phố",
        "Các câu lạc bộ văn nghệ của phường biểu diễn hát chèo, dân ca và múa.",
        ["Chương trình thu hút đông đảo người dân và du khách."],
    ),
    Article(
        MAY_CHAI,
        "dang-ky-tam-tru-truc-tuyen",
        (2025, 2, 26),
        "thong-bao",
        "Đăng ký tạm trú trực tuyến cho người thuê trọ",
        "Chủ nhà trọ có thể khai báo tạm trú cho người thuê qua ứng dụng của Bộ Công an.",
        ["Công an phường sẵn sàng hỗ trợ người chưa quen sử dụng ứng dụng."],
    ),
]

# The district's own items end before 1 July 2025, when the district level was dissolved; the
# site (an older install) still carries the city's notices for its area.
DISTRICT_ARTICLES = [
    Article(
        DISTRICT,
        "tra-cuu-ho-so-tren-cong-dich-vu-cong",
        (2026, 11, 20),
        "thong-bao",
        "Tra cứu tình trạng hồ sơ trên Cổng dịch vụ công quốc gia",
        "Người dân nhập mã hồ sơ ghi trên giấy tiếp nhận để biết hồ sơ đang ở bước nào.",
        [
            "Mã hồ sơ có trên giấy tiếp nhận và trong tin nhắn gửi về điện thoại.",
            "Khi hồ sơ có kết quả, người dân nhận thông báo qua tài khoản định danh điện tử.",
        ],
        english=English(
            "track-an-application-on-the-national-portal",
            "Tracking an application on the National Public Service Portal",
            "Residents enter the code on their receipt to see which step their application "
            "has reached.",
            [
                "The code is printed on the receipt and sent by text message.",
                "When the result is ready, residents are notified through their electronic "
                "identification account.",
            ],
        ),
    ),
    Article(
        DISTRICT,
        "ky-hop-hdnd-quan-giua-nam-2025",
        (2025, 6, 20),
        "tin-hoat-dong",
        "Kỳ họp giữa năm 2025 của Hội đồng nhân dân quận",
        "Đại biểu thảo luận kết quả 6 tháng đầu năm và việc bàn giao nhiệm vụ khi sắp xếp "
        "đơn vị hành chính.",
        ["Kỳ họp diễn ra trong một ngày và được truyền hình trực tiếp."],
        featured=True,
        picture="hall",
        english=English(
            "district-peoples-council-mid-year-session-2025",
            "Mid-year 2025 session of the District People's Council",
            "Delegates discussed the results of the first half of the year and the handover of "
            "duties as administrative units are reorganised.",
            ["The session lasted one day and was broadcast live."],
        ),
    ),
    Article(
        DISTRICT,
        "trien-khai-de-an-dao-tao-du-nguon",
        (2011, 10, 14),
        "hanh-chinh-cong",
        "Quận triển khai đề án đào tạo dự nguồn cán bộ phường",
        "Các phường lập danh sách giới thiệu cử nhân trẻ tham gia chương trình của thành phố.",
        ["Hồ sơ đăng ký nộp tại Phòng Nội vụ quận trước ngày 30 tháng 11."],
    ),
    Article(
        DISTRICT,
        "cong-bo-thu-tuc-cap-huyen",
        (2024, 5, 13),
        "hanh-chinh-cong",
        "Công bố Bộ thủ tục hành chính chung áp dụng tại cấp huyện và cấp xã",
        "Quận cập nhật các thủ tục mới về hộ tịch, đất đai và kinh doanh.",
        ["Bộ thủ tục được đăng trên cổng thông tin của quận và niêm yết tại các phường."],
        source=("Cổng dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ),
    Article(
        DISTRICT,
        "hoi-thao-chuyen-doi-so",
        (2025, 3, 18),
        "tin-hoat-dong",
        "Hội thảo chuyển đổi số trong cơ quan nhà nước",
        "Cán bộ các phường chia sẻ kinh nghiệm số hóa hồ sơ và trả kết quả trực tuyến.",
        ["Quận đặt mục tiêu 80% hồ sơ được nộp trực tuyến vào cuối năm."],
    ),
    Article(
        DISTRICT,
        "thong-bao-tuyen-dung-cong-chuc",
        (2024, 1, 8),
        "thong-bao",
        "Thông báo tuyển dụng công chức cấp xã năm 2024",
        "Quận tuyển 12 chỉ tiêu công chức cho các phường; hạn nộp hồ sơ là ngày 15 tháng 2.",
        ["Thí sinh xem điều kiện và mẫu hồ sơ tại website của quận."],
    ),
    Article(
        DISTRICT,
        "ngay-hoi-doc-sach",
        (2025, 4, 21),
        "van-hoa-xa-hoi",
        "Ngày hội đọc sách tại thư viện quận",
        "Thư viện quận tặng 2.000 cuốn sách cho tủ sách các tổ dân phố.",
        ["Học sinh được hướng dẫn tra cứu sách điện tử miễn phí."],
    ),
    Article(
        DISTRICT,
        "so-ket-quy-i-2025",
        (2025, 4, 2),
        "tin-hoat-dong",
        "Sơ kết quý I năm 2025 của UBND quận",
        "Thu ngân sách đạt 28% dự toán năm; các phường đẩy nhanh giải ngân đầu tư công.",
        ["Chủ tịch UBND quận yêu cầu các đơn vị hoàn thành kế hoạch quý II đúng tiến độ."],
    ),
    Article(
        DISTRICT,
        "le-hoi-hoa-phuong-do",
        (2025, 5, 10),
        "van-hoa-xa-hoi",
        "Quận tham gia Lễ hội Hoa Phượng Đỏ",
        "Đoàn diễu hành của quận mang hình ảnh các phường và di tích trên địa bàn.",
        ["Lễ hội là dịp quảng bá văn hóa và du lịch của thành phố."],
        picture="street",
    ),
    Article(
        DISTRICT,
        "thong-bao-nghi-tet-2025",
        (2024, 12, 20),
        "thong-bao",
        "Thông báo lịch nghỉ Tết Nguyên đán Ất Tỵ 2025",
        "Cán bộ, công chức được nghỉ 9 ngày; bộ phận một cửa trực vào các ngày cuối tuần.",
        ["Người dân cần giải quyết việc gấp liên hệ số điện thoại trực của quận."],
    ),
]

ARTICLES = [
    *REFERENCE_OTHER_NEWS,
    *REFERENCE_2015,
    *CURRENT_LAC_VIEN,
    *MAY_CHAI_ARTICLES,
    *DISTRICT_ARTICLES,
]
