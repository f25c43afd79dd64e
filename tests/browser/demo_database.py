"""The browser session's demo database: migrated and loaded once, kept in build/test-demo/.

Loading the demo costs about a minute of CPU. `make test` starts this module
(``python -m tests.browser.demo_database``) in the background while lint, the migration
checks and the docs build keep one core busy, and the browser session finds the file ready
(or waits on its lock while it is being made). Run alone, the browser session makes it itself.

The file is named by a digest of what the demo is made from: the installed distributions, the
package's and the demo project's files (those git tracks, or would), and the demo
administrator's password. Any change there loads a new demo; the demo's images stay in
``example_site/media/``, as ``make demo``'s do.
"""

import os
import subprocess
import sys
from pathlib import Path

from tests.once import installed_digest, once, run_or_raise

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_SITE = ROOT / "example_site"
FOLDER = ROOT / "build" / "test-demo"
SETTINGS = "district_site.settings.dev"


def _sources():
    """The package's and the demo project's files that git tracks or would track (what the
    demo writes, its images and databases, git ignores)."""
    listing = subprocess.run(  # noqa: S603 (fixed arguments)
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]  # noqa: S607
        + ["wagtail_ward", "example_site"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    names = sorted(name for name in listing.stdout.decode().split("\0") if name)
    return [ROOT / name for name in names if (ROOT / name).is_file()]


def _digest():
    digest = installed_digest()
    digest.update(os.environ.get("DEMO_ADMIN_PASSWORD", "").encode())
    for path in _sources():
        digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:20]


def demo_database():
    """The loaded demo's SQLite file, made unless a current one is there: never edit it, copy
    it (each server of the browser session serves a copy of its own)."""
    name = f"demo-{_digest()}.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}

    def load(partial):
        for stale in FOLDER.glob("demo-*.sqlite3*"):
            if not stale.name.startswith(name):
                stale.unlink()
        for command in (["migrate", "--noinput"], ["load_ward_demo"]):
            run_or_raise(
                [sys.executable, "manage.py", *command],
                f"manage.py {' '.join(command)}",
                cwd=EXAMPLE_SITE,
                env={**env, "DATABASE_URL": f"sqlite:///{partial}"},
            )

    return once(FOLDER, name, load)


if __name__ == "__main__":
    print(demo_database())
