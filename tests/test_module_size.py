"""No module of wagtail_ward/ grows past about 400 lines: split it by responsibility instead."""

from pathlib import Path

LIMIT = 400
ROOT = Path(__file__).resolve().parent.parent / "wagtail_ward"


def test_no_module_over_400_lines():
    too_long = []
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.relative_to(ROOT).parts:
            continue
        lines = len(path.read_text().splitlines())
        if lines > LIMIT:
            too_long.append(f"{path.relative_to(ROOT.parent)}: {lines} lines")
    assert not too_long, f"Modules over {LIMIT} lines:\n" + "\n".join(too_long)
