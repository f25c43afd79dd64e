"""Build the compiled Vietnamese catalogues from the package's and the admin's .po files."""

import subprocess
import tempfile
from pathlib import Path

import polib

PACKAGE_DIR = Path(__file__).resolve().parent.parent
SOURCE_DIR = Path(__file__).resolve().parent / "vi"
LC_MESSAGES = PACKAGE_DIR / "locale" / "vi" / "LC_MESSAGES"
OWN_PO = LC_MESSAGES / "django.po"

# The Django-domain sources, in order of precedence after the package's own django.po:
# Wagtail's and wagtail-localize's strings, then Django's own that the admin shows and
# Django's Vietnamese catalogue lacks (django-core.po).
DJANGO_SOURCES = ("wagtail-admin.po", "wagtail-core.po", "wagtail-localize.po", "django-core.po")
JS_SOURCE = "djangojs.po"


def _key(entry):
    return (entry.msgctxt or None, entry.msgid)


def _translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(
            value.strip() for value in entry.msgstr_plural.values()
        )
    return bool(entry.msgstr.strip())


def merge(paths):
    """One catalogue from ``paths``: the header of the first, each msgid from the first that
    translates it. Missing files are skipped (the admin sources may not exist yet)."""
    merged = None
    seen = set()
    for path in paths:
        if not Path(path).is_file():
            continue
        catalogue = polib.pofile(str(path), wrapwidth=0)
        if merged is None:
            merged = polib.POFile(wrapwidth=0)
            merged.metadata = dict(catalogue.metadata)
        for entry in catalogue:
            if _translated(entry) and _key(entry) not in seen:
                seen.add(_key(entry))
                merged.append(entry)
    return merged


def django_sources(own=OWN_PO, source_dir=SOURCE_DIR):
    return [Path(own), *(Path(source_dir) / name for name in DJANGO_SOURCES)]


def js_sources(source_dir=SOURCE_DIR):
    return [Path(source_dir) / JS_SOURCE]


def compile_catalogue(paths, mo_path):
    """Merge ``paths`` and compile them with ``msgfmt --check`` into ``mo_path``."""
    merged = merge(paths)
    if merged is None:
        return None
    with tempfile.TemporaryDirectory() as scratch:
        po_path = Path(scratch) / "merged.po"
        merged.save(str(po_path))
        subprocess.run(  # noqa: S603 - fixed arguments, gettext's own compiler
            ["msgfmt", "--check", "-o", str(mo_path), str(po_path)],  # noqa: S607
            check=True,
        )
    return merged


def build(lc_messages=LC_MESSAGES, source_dir=SOURCE_DIR):
    """Compile django.mo (package + admin) and djangojs.mo (admin JavaScript)."""
    lc_messages = Path(lc_messages)
    django = compile_catalogue(
        django_sources(lc_messages / "django.po", source_dir), lc_messages / "django.mo"
    )
    js = compile_catalogue(js_sources(source_dir), lc_messages / "djangojs.mo")
    return django, js
