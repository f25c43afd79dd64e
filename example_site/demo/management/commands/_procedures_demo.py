"""Demo content of the procedures family: Lạc Viên ward's administrative procedures.

The index page in Vietnamese and English, and the sample file shipped with the package
(``wagtail_ward/procedures/fixtures/procedures-vi.json`` and ``-en.json``, 23 commune-level
procedures) imported into each: the English procedures become the translations of the
Vietnamese ones with the same code. Idempotent: a second run reports "0 created, 0 updated".
"""

import json
from pathlib import Path

from django.db import transaction
from wagtail.models import Site

import wagtail_ward.procedures
from wagtail_ward.procedures.importers import import_procedures
from wagtail_ward.procedures.models import ProcedureIndexPage

from ._demo_content import EnglishTable

HOSTNAME = "lacvien.localhost"
FIXTURES = Path(wagtail_ward.procedures.__file__).parent / "fixtures"
ENGLISH = {
    "Thủ tục hành chính": "Administrative procedures",
    "thu-tuc-hanh-chinh": "administrative-procedures",
    "Bộ phận một cửa tiếp nhận hồ sơ từ thứ hai đến sáng thứ bảy; nhiều thủ tục nộp được trực "
    "tuyến.": "The one-stop desk receives dossiers from Monday to Saturday morning; many "
    "procedures can be submitted online.",
}


# The English of this module's strings (the procedures bring their own, in the sample file).
_english = EnglishTable(ENGLISH, strict=False)


# Lạc Viên carries the whole sample; every other site (the district, the other wards, the 2025
# profile's) its first few procedures, so that each site has the procedures Decree 42 asks for
# and the demo stays quick to load.
OTHER_SITES_PROCEDURES = 3


def load(command):
    for site in Site.objects.select_related("root_page").order_by("pk"):
        limit = None if site.hostname == HOSTNAME else OTHER_SITES_PROCEDURES
        _load_site(command, site, limit)


def _sample(language, limit):
    path = FIXTURES / f"procedures-{language}.json"
    if limit is None:
        return path.read_bytes()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["procedures"] = data["procedures"][:limit]
    return json.dumps(data, ensure_ascii=False).encode()


def _load_site(command, site, limit):
    home = site.root_page.specific
    with transaction.atomic():
        index = ProcedureIndexPage.objects.child_of(home).filter(slug="thu-tuc-hanh-chinh").first()
        if index is None:
            index = ProcedureIndexPage(
                title="Thủ tục hành chính",
                slug="thu-tuc-hanh-chinh",
                intro="<p>Bộ phận một cửa tiếp nhận hồ sơ từ thứ hai đến sáng thứ bảy; nhiều thủ "
                "tục nộp được trực tuyến.</p>",
                show_in_menus=True,
                locale=command.vi,
            )
            home.add_child(instance=index)
            index.save_revision(user=command.user).publish()
    with transaction.atomic():
        command._translate(index, _english)
    english_index = index.get_translation(command.en).specific
    for language, target in (("vi", index), ("en", english_index)):
        name = f"procedures-{language}.json"
        result = import_procedures(target, name, _sample(language, limit), user=command.user)
        command.stdout.write(f"Procedures ({language}): {target.url_path} {result.summary()}")
