"""Migrations run on every supported Wagtail (7.0 and 8.0): they name ``wagtailcore.page``
(Wagtail 7.0 has no ``WAGTAIL_PAGE_MODEL`` setting), import nothing from django-modelsearch,
and depend on no wagtailcore migration newer
than the one Wagtail 7.0 ships last. makemigrations on Wagtail 8 writes both; this catches it
before the matrix does."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEWEST_ON_WAGTAIL_70 = 94  # wagtailcore.0094_alter_page_locale
MIGRATIONS = sorted(
    path
    for folder in ("wagtail_ward", "tests")
    for path in (ROOT / folder).rglob("migrations/0*.py")
)


@pytest.mark.parametrize("path", MIGRATIONS, ids=lambda path: str(path.relative_to(ROOT)))
def test_migration_runs_on_every_supported_wagtail(path):
    text = path.read_text(encoding="utf-8")
    assert "WAGTAIL_PAGE_MODEL" not in text, "name 'wagtailcore.page' instead"
    # Wagtail 8's search lives in django-modelsearch, which Wagtail 7.0 does not install.
    assert "modelsearch" not in text, "name wagtail.search.index.Indexed instead"
    for number in re.findall(r"\(\s*['\"]wagtailcore['\"],\s*['\"](\d{4})_", text):
        assert int(number) <= NEWEST_ON_WAGTAIL_70, f"depends on wagtailcore {number}"


def test_there_are_migrations_to_check():
    assert len(MIGRATIONS) > 10
