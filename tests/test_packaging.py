"""What a user installs: the built wheel and sdist, compared with the files git tracks.

The suite itself runs on an editable install, which reads templates and catalogues straight from
the checkout: a file left out of the wheel would go unnoticed here and answer 500 on every site
that installs the package. So this test builds both archives the way a release does (the sdist,
then the wheel from the sdist) and compares them with ``git ls-files``.
"""

import fcntl
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.once import once, session_folder

pytestmark = pytest.mark.slow


ROOT = Path(__file__).resolve().parent.parent
NOT_SHIPPED = ("tests/", "example_site/", "bench/", ".ci/")


def _git_files(*paths):
    listing = subprocess.run(  # noqa: S603 (fixed arguments)
        # Tracked files, and new ones not yet added that git does not ignore.
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", *paths],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return {name for name in listing.stdout.decode().split("\0") if name}


@pytest.fixture(scope="module")
def archives(tmp_path_factory, worker_id):
    """Built once per session: a build assembles the sdist in a folder of the checkout, so two
    pytest-xdist workers building at once remove each other's files (the tests of this module
    may run on both). Two sessions on the same checkout (the version matrix runs its legs in
    parallel) take turns on a lock in the checkout's ``build/`` folder for the same reason."""

    def build(partial):
        (ROOT / "build").mkdir(exist_ok=True)
        with open(ROOT / "build" / "archives.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            result = subprocess.run(  # noqa: S603 (fixed arguments)
                [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(partial)]
                + [str(ROOT)],
                capture_output=True,
                text=True,
                check=False,
            )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    out = once(session_folder(tmp_path_factory, worker_id), "dist", build)
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as archive:
        wheel_files = {name for name in archive.namelist() if not name.endswith("/")}
    with tarfile.open(sdist) as archive:
        prefix = archive.getnames()[0].split("/")[0] + "/"
        sdist_files = {
            member.name.removeprefix(prefix) for member in archive.getmembers() if member.isfile()
        }
    return wheel_files, sdist_files


def test_the_wheel_holds_exactly_the_package_files_git_tracks(archives):
    wheel_files, _sdist = archives
    tracked = _git_files("wagtail_ward")
    package_files = {name for name in wheel_files if not name.startswith("wagtail_ward-")}
    assert tracked - package_files == set(), "tracked files missing from the wheel"
    assert package_files - tracked == set(), "files in the wheel that git does not track"
    # What an installed site cannot run without, family by family.
    for kind in ("/templates/", "/static/", "/migrations/", "/locale/vi/LC_MESSAGES/django.mo"):
        assert any(kind in name for name in package_files), kind
    for family in ("news", "schedule"):
        assert any(name.startswith(f"wagtail_ward/{family}/templates/") for name in package_files)


def test_the_sdist_holds_the_source_docs_and_deploy_files_but_no_tests(archives):
    _wheel, sdist_files = archives
    needed = _git_files("wagtail_ward", "docs", "deploy") | {
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "pyproject.toml",
        "mkdocs.yml",
    }
    assert needed - sdist_files == set(), "files missing from the sdist"
    shipped_by_mistake = sorted(name for name in sdist_files if name.startswith(NOT_SHIPPED))
    assert shipped_by_mistake == []
