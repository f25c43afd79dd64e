"""Load the demo district: Quận Ngô Quyền with the wards Lạc Viên and Máy Chai.

Idempotent: what exists already is left as it is, so running the command twice changes nothing.
Every piece of text is written for this demo from public facts about the district.
"""

import io
import math
import os
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from wagtail_ward.models import ContentPage, SitemapPage, UnitProfile, WardHomePage, WardSettings

from . import (
    _news_demo,
    _polls_demo,
    _portal_demo,
    _procedures_demo,
    _profile_2025,
    _schedule_demo,
    _training_demo,
)
from ._demo_content import ENGLISH, SITES
from ._demo_indexing import deferred_index_updates

# Each page family loads its own demo content after the sites exist; each loader is idempotent
# and receives the command (its .vi, .en, .user, ._translate(instance) and .stdout).
FEATURE_LOADERS = [
    _news_demo.load,
    _schedule_demo.load,
    _procedures_demo.load,
    _polls_demo.load,
    _training_demo.load,
    _portal_demo.load,
]

# --profile: the sites, the English of their text, and the loaders that follow them.
PROFILES = {
    "default": (SITES, None, FEATURE_LOADERS),
    "2025": (
        _profile_2025.SITES,
        _profile_2025.english,
        [_profile_2025.load, _procedures_demo.load, _portal_demo.load],
    ),
}

PORT = 8000
ADMIN_USERNAME = "admin"
DEFAULT_ADMIN_PASSWORD = "ward-demo-2026"  # noqa: S105  (a local demo; override with the env)


@contextmanager
def _unsynced_sqlite():
    """On SQLite, the load's hundreds of commits are not each flushed to disk (a quarter of
    its time on a slow disk); a load cut short is loaded again, as the loader is idempotent."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        (previous,) = cursor.fetchone()
        cursor.execute("PRAGMA synchronous=OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous={int(previous)}")


class Command(BaseCommand):
    help = "Create the demo district and ward sites with their content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--profile",
            choices=sorted(PROFILES),
            default="default",
            help="default: a district with its wards (before July 2025); "
            "2025: a city with two merged wards.",
        )

    def handle(self, *args, **options):
        with _unsynced_sqlite(), deferred_index_updates() as self._index:
            self._load(options.get("profile") or "default")

    def _load(self, profile):
        sites, english_of, loaders = PROFILES[profile]
        with transaction.atomic():
            self.vi, _ = Locale.objects.get_or_create(language_code="vi")
            self.en, _ = Locale.objects.get_or_create(language_code="en")
            self.user = self._admin_user()
            self._remove_wagtail_welcome_page()
        root = Page.get_first_root_node()
        for spec in sites:
            with transaction.atomic():
                site, translatables = self._site(root, spec)
            # One transaction per translation: a publish delayed past the creation of the page's
            # translated children (wagtail-localize's own publishes wait for the commit) would
            # write a stale child count into the tree.
            for instance in translatables:
                with transaction.atomic():
                    self._translate(instance, english_of)
            self._index()
        for load in loaders:
            load(self)
            self._index()
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD)
        self.stdout.write(self.style.SUCCESS("The demo district is ready."))
        for spec in sites:
            self.stdout.write(f"  {spec['profile']['name']}: http://{spec['hostname']}:{PORT}/")
        self.stdout.write(
            f"  Admin: http://127.0.0.1:{PORT}/admin/  user “{ADMIN_USERNAME}”, "
            f"password “{password}”"
        )

    def _admin_user(self):
        User = get_user_model()
        user = User.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            user = User.objects.create_superuser(
                ADMIN_USERNAME,
                "admin@example.com",
                os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_ADMIN_PASSWORD),
            )
        return user

    def _remove_wagtail_welcome_page(self):
        """The page and site that Wagtail's first migration creates, if still untouched."""
        welcome = Page.objects.filter(depth=2, slug="home", content_type__model="page").first()
        if welcome is not None:
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()

    def _site(self, root, spec):
        site = Site.objects.filter(hostname=spec["hostname"], port=PORT).first()
        if site is not None:
            # Created by an earlier run; translate whatever that run did not get to.
            profile = WardSettings.for_site(site).profile
            # Only the pages this loader makes: each feature loader translates its own.
            pages = (
                site.root_page.get_descendants(inclusive=True)
                .filter(locale=self.vi)
                .type(WardHomePage, ContentPage, SitemapPage)
            )
            return site, [profile, *pages.order_by("path")]
        home = WardHomePage(
            title=spec["home"]["title"],
            slug=spec["slug"],
            intro=spec["home"]["intro"],
            body=spec["home"].get("body", []),
            locale=self.vi,
        )
        root.add_child(instance=home)
        home.save_revision(user=self.user).publish(user=self.user)
        site = Site.objects.create(
            hostname=spec["hostname"],
            port=PORT,
            site_name=spec["profile"]["name"],
            root_page=home,
            is_default_site=spec.get("default", False),
        )
        pages = [home]
        for page_spec in spec["pages"]:
            pages += self._content_page(home, page_spec)
        sitemap = SitemapPage(
            title="Sơ đồ site", slug="so-do-site", intro="", show_in_menus=False, locale=self.vi
        )
        home.add_child(instance=sitemap)
        sitemap.save_revision(user=self.user).publish(user=self.user)
        pages.append(sitemap)

        profile = UnitProfile.objects.create(locale=self.vi, **spec["profile"])
        settings = WardSettings.for_site(site)
        settings.profile = profile
        settings.sitemap_page = sitemap
        settings.parent_unit_url = spec.get("parent_unit_url", "")
        settings.phone = spec["phone"]
        settings.email = spec["email"]
        settings.logo = self._logo(spec)
        settings.save()

        return site, [profile, *pages]

    def _content_page(self, parent, spec):
        page = ContentPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec.get("intro", ""),
            body=[("paragraph", f"<p>{text}</p>") for text in spec.get("paragraphs", [])],
            show_in_menus=spec.get("menu", False),
            locale=self.vi,
        )
        parent.add_child(instance=page)
        page.save_revision(user=self.user).publish(user=self.user)
        created = [page]
        for child in spec.get("children", []):
            created += self._content_page(page, child)
        return created

    def _logo(self, spec):
        size = 240
        picture = PILImage.new("RGB", (size, size), "#ffffff")
        draw = ImageDraw.Draw(picture)
        draw.ellipse((8, 8, size - 8, size - 8), fill="#b3140c", outline="#f2c230", width=10)
        # A five-pointed star, as on the state emblem.
        points = []
        for i in range(10):
            radius = 80 if i % 2 == 0 else 32
            angle = math.pi / 2 + i * math.pi / 5
            points.append(
                (size / 2 + radius * math.cos(angle), size / 2 - radius * math.sin(angle))
            )
        draw.polygon(points, fill="#f2c230")
        buffer = io.BytesIO()
        picture.save(buffer, "PNG")
        Image = get_image_model()
        return Image.objects.create(
            title=f"Biểu trưng {spec['profile']['name']}",
            file=ImageFile(buffer, name=f"logo-{spec['slug']}.png"),
        )

    def _translate(self, instance, english=None):
        """Translate ``instance`` into English with wagtail-localize.

        ``english`` maps each source string (title, slug, text ...) to its English: by default
        the foundation's ENGLISH table; feature loaders pass their own. The English is written
        into the translation's strings, so wagtail-localize's "Sync translated pages" keeps it.
        A string without English stops the loader: nothing is left half in Vietnamese.
        """
        english = ENGLISH if english is None else english
        instance = instance.specific if isinstance(instance, Page) else instance
        if instance is None or instance.get_translation_or_none(self.en) is not None:
            return
        translate_object(instance, [self.en], user=self.user)
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        translation = Translation.objects.get(source=source, target_locale=self.en)
        po = translation.export_po()
        missing = [entry.msgid for entry in po if entry.msgid not in english]
        if missing:
            raise CommandError(
                f"No English for {len(missing)} string(s) of “{instance}”: "
                + "; ".join(f"“{text}”" for text in missing)
            )
        for entry in po:
            entry.msgstr = english[entry.msgid]
        translation.import_po(po, user=self.user)
        translation.save_target(user=self.user, publish=True)
        if isinstance(instance, Page):
            # wagtail-localize publishes the translation when the transaction commits, without
            # a user (the admin's reports would say "None"): the demo's administrator it is.
            page = instance.get_translation(self.en)
            transaction.on_commit(lambda: self._published_by_admin(page))

    def _published_by_admin(self, page):
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=None).update(
            user=self.user
        )
