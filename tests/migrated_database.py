"""The main sessions' migrated SQLite test database: migrated once, kept in build/test-db/.

Migrating the test database costs half a minute of CPU. `make test` starts this module
(``python -m tests.migrated_database``) in the background while lint, the migration checks and
the docs run; every test process of every session then starts from a copy of the file
(``django_db_keepdb`` in tests/conftest.py), waiting on its lock while it is being made, or
making it itself (in a process of its own) when it is missing.

The file is named by a digest of the project's migrations and the installed distributions
(which bring theirs): a new or changed migration, or another Wagtail, migrates afresh. On
PostgreSQL (``DATABASE_URL=postgres://...``) there is no such file: pytest-django migrates.
"""

import os
import sys
from pathlib import Path

from tests.once import installed_digest, once, run_or_raise

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "build" / "test-db"
SETTINGS = "tests.settings"


def template_name():
    """The file's name in FOLDER for the current migrations and installed versions."""
    digest = installed_digest()
    for path in sorted(ROOT.glob("wagtail_ward/**/migrations/*.py")) + sorted(
        ROOT.glob("tests/**/migrations/*.py")
    ):
        digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return f"{digest.hexdigest()[:20]}.sqlite3"


def _migrate(partial):
    """Make the test database at ``partial`` as pytest-django makes it (Django's
    ``create_test_db``: migrate, then the cache table)."""
    import django
    from django.conf import settings
    from django.db import connection

    django.setup()
    settings.DATABASES["default"]["TEST"]["NAME"] = str(partial)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    connection.close()


def migrated_database():
    """The migrated test database's file, made unless a current one is there: never edit it,
    copy it. SQLite only (the caller checks)."""
    name = template_name()

    def make(partial):
        # In a process of its own: the caller's connection stays on its own database.
        run_or_raise(
            [sys.executable, "-m", "tests.migrated_database", "--migrate", str(partial)],
            "migrating the test database",
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS},
        )

    return once(FOLDER, name, make)


def on_sqlite():
    """Whether the tests run on SQLite (``DATABASE_URL``, read by tests/settings.py)."""
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


if __name__ == "__main__":
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    if sys.argv[1:2] == ["--migrate"]:
        _migrate(Path(sys.argv[2]))
    elif on_sqlite():
        print(migrated_database())
