"""Work that a pytest session does once, however many pytest-xdist workers ask for it.

The first worker to ask makes the thing under a file lock while the others wait, then every
worker uses it: the packaging test's archives (``tests/test_packaging.py``), the browser
session's demo database (``tests/browser/conftest.py``).
"""

import fcntl
import hashlib
import shutil
import subprocess
from importlib.metadata import distributions
from pathlib import Path


def session_folder(tmp_path_factory, worker_id):
    """The folder every worker of this session shares (each worker's own temporary folder is
    one level below it under pytest-xdist)."""
    folder = tmp_path_factory.getbasetemp()
    return folder if worker_id == "master" else folder.parent


def once(folder, name, make):
    """``folder / name``, made by ``make(partial)`` unless it is there already.

    ``make`` writes a file or a folder at ``partial``, a path next to the result; it is renamed
    into place only once ``make`` returned, so a failed build leaves nothing that looks whole.
    Concurrent callers, in any process, wait on ``folder / (name + ".lock")`` for the first.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    made = folder / name
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            partial = folder / f"{name}.partial"
            if partial.is_dir():
                shutil.rmtree(partial)
            else:
                partial.unlink(missing_ok=True)
            make(partial)
            partial.replace(made)
    return made


def installed_digest():
    """A sha256 begun with the installed distributions and their versions, for a made thing's
    name: another Wagtail (or anything else installed) makes it afresh."""
    # A set: a build leaves wagtail_ward.egg-info in the checkout, a second copy of the package.
    installed = sorted({f"{d.metadata['Name']}=={d.version}" for d in distributions()})
    return hashlib.sha256(" ".join(installed).encode())


def run_or_raise(command, what, **options):
    """Run ``command`` (``subprocess.run`` options), raising with its stderr if it fails."""
    done = subprocess.run(command, capture_output=True, text=True, check=False, **options)  # noqa: S603
    if done.returncode:
        raise RuntimeError(f"{what} failed:\n{done.stderr[-3000:]}")
