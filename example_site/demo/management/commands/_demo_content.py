"""Text of the demo district, written for this demo.

ENGLISH gives the English of each whole string (titles, addresses, slugs, paragraphs) as
wagtail-localize offers it for translation; nothing is translated word by word.
"""

DISTRICT_URL = "http://127.0.0.1:8000/"

SITES = [
    {
        "hostname": "127.0.0.1",
        "default": True,
        "slug": "quan-ngo-quyen",
        "phone": "0225 3846 279",
        "email": "ubnd.ngoquyen@example.gov.vn",
        "profile": {
            "name": "Quận Ngô Quyền",
            "governing_body": "Ủy ban nhân dân quận Ngô Quyền",
            "parent_unit_name": "Thành phố Hải Phòng",
            "address": "Số 1 Đà Nẵng, quận Ngô Quyền, thành phố Hải Phòng",
            "office_hours": "Thứ hai – Thứ sáu, 7:30 – 17:00",
        },
        "home": {
            "title": "Cổng thông tin điện tử quận Ngô Quyền",
            "intro": "<p>Thông tin chính thức của Ủy ban nhân dân quận Ngô Quyền "
            "dành cho người dân và doanh nghiệp.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>Website của các phường: "
                    '<a href="http://lacvien.localhost:8000/">Phường Lạc Viên</a>, '
                    '<a href="http://maychai.localhost:8000/">Phường Máy Chai</a>.</p>',
                )
            ],
        },
        "pages": [
            {
                "title": "Giới thiệu",
                "slug": "gioi-thieu",
                "menu": True,
                "intro": "Quận Ngô Quyền nằm ở trung tâm thành phố Hải Phòng.",
                "paragraphs": [
                    "Quận Ngô Quyền có các phường trực thuộc, mỗi phường có website riêng "
                    "trên cùng hệ thống.",
                ],
                "children": [
                    {
                        "title": "Các phường trực thuộc",
                        "slug": "cac-phuong",
                        "intro": "Danh sách các phường của quận và địa chỉ website.",
                        "paragraphs": [
                            "Phường Lạc Viên và phường Máy Chai có website trên hệ thống này."
                        ],
                    }
                ],
            },
            {
                "title": "Liên hệ",
                "slug": "lien-he",
                "menu": True,
                "intro": "Địa chỉ, điện thoại và giờ tiếp công dân của Ủy ban nhân dân quận.",
                "paragraphs": ["Tiếp công dân vào sáng thứ năm hằng tuần tại trụ sở Ủy ban."],
            },
        ],
    },
    {
        "hostname": "lacvien.localhost",
        "slug": "phuong-lac-vien",
        "parent_unit_url": DISTRICT_URL,
        "phone": "0225 3551 206",
        "email": "ubnd.lacvien@example.gov.vn",
        "profile": {
            "name": "Phường Lạc Viên",
            "governing_body": "Ủy ban nhân dân phường Lạc Viên",
            "parent_unit_name": "Quận Ngô Quyền",
            "address": "Số 2 Lạch Tray, phường Lạc Viên, quận Ngô Quyền, Hải Phòng",
            "office_hours": "Thứ hai – Thứ sáu, 7:30 – 17:00",
        },
        "home": {
            "title": "Trang thông tin điện tử phường Lạc Viên",
            "intro": "<p>Tin tức, lịch công tác và thủ tục hành chính của phường Lạc Viên.</p>",
        },
        "pages": [
            {
                "title": "Giới thiệu",
                "slug": "gioi-thieu",
                "menu": True,
                "intro": "Phường Lạc Viên thuộc quận Ngô Quyền, thành phố Hải Phòng.",
                "paragraphs": ["Phường có các tổ dân phố và bộ phận một cửa tiếp nhận hồ sơ."],
                "children": [
                    {
                        "title": "Cơ cấu tổ chức",
                        "slug": "co-cau-to-chuc",
                        "intro": "Lãnh đạo Ủy ban nhân dân phường và các bộ phận chuyên môn.",
                        "paragraphs": [
                            "Ủy ban nhân dân phường gồm Chủ tịch, các Phó Chủ tịch và "
                            "các công chức chuyên môn.",
                        ],
                    },
                    {
                        "title": "Bộ phận một cửa",
                        "slug": "bo-phan-mot-cua",
                        "intro": "Nơi tiếp nhận và trả kết quả hồ sơ thủ tục hành chính.",
                        "paragraphs": ["Bộ phận một cửa làm việc các ngày trong tuần."],
                    },
                ],
            },
            {
                "title": "Liên hệ",
                "slug": "lien-he",
                "menu": True,
                "intro": "Địa chỉ và điện thoại của Ủy ban nhân dân phường.",
                "paragraphs": ["Người dân có thể gửi góp ý qua điện thoại hoặc thư điện tử."],
            },
        ],
    },
    {
        "hostname": "maychai.localhost",
        "slug": "phuong-may-chai",
        "parent_unit_url": DISTRICT_URL,
        "phone": "0225 3765 432",
        "email": "ubnd.maychai@example.gov.vn",
        "profile": {
            "name": "Phường Máy Chai",
            "governing_body": "Ủy ban nhân dân phường Máy Chai",
            "parent_unit_name": "Quận Ngô Quyền",
            "address": "Phường Máy Chai, quận Ngô Quyền, Hải Phòng",
            "office_hours": "Thứ hai – Thứ sáu, 7:30 – 17:00",
        },
        "home": {
            "title": "Trang thông tin điện tử phường Máy Chai",
            "intro": "<p>Tin tức và thông báo của phường Máy Chai.</p>",
        },
        "pages": [
            {
                "title": "Giới thiệu",
                "slug": "gioi-thieu",
                "menu": True,
                "intro": "Phường Máy Chai thuộc quận Ngô Quyền, thành phố Hải Phòng.",
                "paragraphs": ["Phường nằm bên bờ sông Cấm."],
            },
        ],
    },
]

ENGLISH = {
    # unit profiles
    "Quận Ngô Quyền": "Ngô Quyền District",
    "Ủy ban nhân dân quận Ngô Quyền": "People's Committee of Ngô Quyền District",
    "Thành phố Hải Phòng": "Hải Phòng City",
    "Số 1 Đà Nẵng, quận Ngô Quyền, thành phố Hải Phòng": "1 Đà Nẵng Street, Ngô Quyền District, Hải Phòng",
    "Thứ hai – Thứ sáu, 7:30 – 17:00": "Monday – Friday, 7:30 – 17:00",
    "Phường Lạc Viên": "Lạc Viên Ward",
    "Ủy ban nhân dân phường Lạc Viên": "People's Committee of Lạc Viên Ward",
    "Số 2 Lạch Tray, phường Lạc Viên, quận Ngô Quyền, Hải Phòng": "2 Lạch Tray Street, Lạc Viên Ward, Ngô Quyền District, Hải Phòng",
    "Phường Máy Chai": "Máy Chai Ward",
    "Ủy ban nhân dân phường Máy Chai": "People's Committee of Máy Chai Ward",
    "Phường Máy Chai, quận Ngô Quyền, Hải Phòng": "Máy Chai Ward, Ngô Quyền District, Hải Phòng",
    # home pages
    "Cổng thông tin điện tử quận Ngô Quyền": "Ngô Quyền District portal",
    "Thông tin chính thức của Ủy ban nhân dân quận Ngô Quyền dành cho người dân và doanh nghiệp.": "Official information from the People's Committee of Ngô Quyền District for citizens and businesses.",
    'Website của các phường: <a id="a1">Phường Lạc Viên</a>, <a id="a2">Phường Máy Chai</a>.': (
        'Ward websites: <a id="a1">Lạc Viên Ward</a>, <a id="a2">Máy Chai Ward</a>.'
    ),
    "Trang thông tin điện tử phường Lạc Viên": "Lạc Viên Ward website",
    "Tin tức, lịch công tác và thủ tục hành chính của phường Lạc Viên.": "News, work schedules and administrative procedures of Lạc Viên Ward.",
    "Trang thông tin điện tử phường Máy Chai": "Máy Chai Ward website",
    "Tin tức và thông báo của phường Máy Chai.": "News and announcements of Máy Chai Ward.",
    # slugs
    "quan-ngo-quyen": "ngo-quyen-district",
    "phuong-lac-vien": "lac-vien-ward",
    "phuong-may-chai": "may-chai-ward",
    "gioi-thieu": "about",
    "cac-phuong": "wards",
    "lien-he": "contact",
    "co-cau-to-chuc": "organisation",
    "bo-phan-mot-cua": "one-stop-desk",
    "so-do-site": "site-map",
    # content pages
    "Sơ đồ site": "Site map",
    "Giới thiệu": "About",
    "Quận Ngô Quyền nằm ở trung tâm thành phố Hải Phòng.": "Ngô Quyền District lies in the centre of Hải Phòng.",
    "Quận Ngô Quyền có các phường trực thuộc, mỗi phường có website riêng trên cùng hệ thống.": "Ngô Quyền District has wards under it, each with its own website on the same system.",
    "Các phường trực thuộc": "Wards of the district",
    "Danh sách các phường của quận và địa chỉ website.": "The wards of the district and their websites.",
    "Phường Lạc Viên và phường Máy Chai có website trên hệ thống này.": "Lạc Viên Ward and Máy Chai Ward have their websites on this system.",
    "Liên hệ": "Contact",
    "Địa chỉ, điện thoại và giờ tiếp công dân của Ủy ban nhân dân quận.": "Address, telephone and citizen reception hours of the district People's Committee.",
    "Tiếp công dân vào sáng thứ năm hằng tuần tại trụ sở Ủy ban.": "Citizens are received every Thursday morning at the Committee's office.",
    "Phường Lạc Viên thuộc quận Ngô Quyền, thành phố Hải Phòng.": "Lạc Viên Ward belongs to Ngô Quyền District, Hải Phòng City.",
    "Phường có các tổ dân phố và bộ phận một cửa tiếp nhận hồ sơ.": "The ward has residential groups and a one-stop desk that receives dossiers.",
    "Cơ cấu tổ chức": "Organisation",
    "Lãnh đạo Ủy ban nhân dân phường và các bộ phận chuyên môn.": "The leaders of the ward People's Committee and its specialist staff.",
    "Ủy ban nhân dân phường gồm Chủ tịch, các Phó Chủ tịch và các công chức chuyên môn.": "The ward People's Committee has a Chair, Vice-Chairs and specialist civil servants.",
    "Bộ phận một cửa": "One-stop desk",
    "Nơi tiếp nhận và trả kết quả hồ sơ thủ tục hành chính.": "Where dossiers for administrative procedures are received and results returned.",
    "Bộ phận một cửa làm việc các ngày trong tuần.": "The one-stop desk is open on weekdays.",
    "Địa chỉ và điện thoại của Ủy ban nhân dân phường.": "Address and telephone of the ward People's Committee.",
    "Người dân có thể gửi góp ý qua điện thoại hoặc thư điện tử.": "Citizens can send feedback by telephone or e-mail.",
    "Phường Máy Chai thuộc quận Ngô Quyền, thành phố Hải Phòng.": "Máy Chai Ward belongs to Ngô Quyền District, Hải Phòng City.",
    "Phường nằm bên bờ sông Cấm.": "The ward lies on the bank of the Cấm River.",
    "Biểu trưng Quận Ngô Quyền": "Emblem of Ngô Quyền District",
}


class EnglishTable:
    """The table ``load_ward_demo``'s ``_translate`` reads (``text in table``, ``table[text]``),
    over one or more dictionaries, the first that has the text winning; rich text is looked up
    without its ``<p>`` tags too.

    ``strict=True``: a string without English is missing from the table (``_translate`` then
    leaves the whole object untranslated), never copied in Vietnamese: the articles and the
    training programme. ``strict=False``: a string without English stays as it is: the Decree
    42 data and the 2025 profile are mostly names, posts, numbers and addresses.
    tests/test_demo.py checks that no Vietnamese sentence reaches an English page.
    """

    def __init__(self, *tables, strict=True):
        self.tables = tables
        self.strict = strict

    def lookup(self, text):
        """The English of ``text``, or None."""
        stripped = text.removeprefix("<p>").removesuffix("</p>")
        for table in self.tables:
            if text in table:
                return table[text]
            if stripped in table:
                return table[stripped]
        return None

    def __contains__(self, text):
        return not self.strict or self.lookup(text) is not None

    def __getitem__(self, text):
        found = self.lookup(text)
        if found is not None:
            return found
        if self.strict:
            raise KeyError(text)
        return text
