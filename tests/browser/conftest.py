"""Everything in this folder drives a browser (fixtures ``demo_server`` and
``browser_type_launch_args`` live in tests/conftest.py)."""

from pathlib import Path

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in Path(str(item.fspath)).as_posix():
            item.add_marker(pytest.mark.browser)
