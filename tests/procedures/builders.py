"""Builders of the procedure tests and the benchmark: the sample file, a site, many pages."""

import json
import uuid
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from tests.factories import SitemapPageFactory, UnitProfileFactory, WardHomePageFactory
from tests.families import ProcedureIndexPage, ProcedurePage
from wagtail_ward.models import WardSettings
from wagtail_ward.procedures.models import ProcedureSector, fold

FIXTURES = Path(__file__).resolve().parents[2] / "wagtail_ward" / "procedures" / "fixtures"


def sample_bytes(language="vi"):
    return (FIXTURES / f"procedures-{language}.json").read_bytes()


def sample(language="vi"):
    return json.loads(sample_bytes(language))


def to_bytes(content):
    return json.dumps(content, ensure_ascii=False).encode()


def make_procedure_index(parent, **fields):
    fields = {"title": "Thủ tục hành chính", "slug": "thu-tuc-hanh-chinh", **fields}
    index = ProcedureIndexPage(**fields)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def build_site():
    """A ward site at http://testserver/ (as the ``ward_site`` fixture makes one)."""
    Locale.objects.get_or_create(language_code="vi")
    Locale.objects.get_or_create(language_code="en")
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    home = WardHomePageFactory(parent=Page.get_first_root_node(), slug="phuong-lac-vien")
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Lạc Viên"
    )
    settings = WardSettings.for_site(site)
    settings.profile = UnitProfileFactory()
    settings.sitemap_page = SitemapPageFactory(parent=home)
    settings.save()
    return Page.objects.get(pk=home.pk).specific


def add_many(index, count, sector=None):
    """``count`` live procedures under ``index``, written in bulk (no revisions, no rows).

    Only for query counts and the benchmark's listing: the importer is what makes real pages.
    """
    sector = sector or ProcedureSector.objects.filter(locale_id=index.locale_id).first()
    content_type = ContentType.objects.get_for_model(ProcedurePage)
    index = Page.objects.get(pk=index.pk)
    start = index.numchild
    pages = []
    for n in range(start, start + count):
        title = f"Thủ tục số {n + 1} về đăng ký hộ tịch"
        slug = f"thu-tuc-{n + 1}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(index.path, index.depth + 1, n + 1),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                locale_id=index.locale_id,
                live=True,
                translation_key=uuid.uuid4(),
            )
        )
    with transaction.atomic():
        created = Page.objects.bulk_create(pages)
        for n, page in enumerate(created, start):
            procedure = ProcedurePage(
                page_ptr_id=page.pk,
                code=f"9.{page.pk:06d}",
                sector=sector,
                level="xa",
                # By position, not by id: ids on PostgreSQL depend on the tests run before.
                online_level="full" if n % 2 else "none",
                search_title=fold(page.title),
                dossier_sets=1,
            )
            procedure.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=index.pk).update(numchild=start + count)
    return created
