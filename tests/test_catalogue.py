"""The Vietnamese catalogue: up to date with the code, fully translated, compiled, loaded.

The extraction check copies the package to a temporary directory and runs makemessages
there, exactly as `make messages` does, so the committed catalogue is never touched.

``django.po`` holds the package's own strings; the compiled ``django.mo`` holds them first and
then the admin's (``admin_locale/vi/``), ``djangojs.mo`` the admin's JavaScript strings
(``wagtail_ward.admin_locale``). Coverage of the installed Wagtail: tests/test_admin_catalogue.py.
"""

import os
import re
import shutil
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

import wagtail_ward
from wagtail_ward.admin_locale import catalogue as admin_catalogue

PACKAGE_DIR = Path(wagtail_ward.__file__).resolve().parent
LC_MESSAGES = PACKAGE_DIR / "locale" / "vi" / "LC_MESSAGES"
PO_PATH = LC_MESSAGES / "django.po"
MO_PATH = LC_MESSAGES / "django.mo"
JS_MO_PATH = LC_MESSAGES / "djangojs.mo"
ADMIN_SOURCES = [
    admin_catalogue.SOURCE_DIR / name
    for name in (*admin_catalogue.DJANGO_SOURCES, admin_catalogue.JS_SOURCE)
]

FIX = "Run `make messages`, translate the new entries in {po} and commit the .po and .mo."
COMPILE = "Run `make messages` (python -m wagtail_ward.admin_locale), never compilemessages alone."

# %(name)s, %s, %d ... as Python's %-formatting reads them; "%%" is a literal percent sign.
PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
TEMPLATE_PLACEHOLDER = re.compile(r"\{\{\s*[^{}]*?\s*\}\}")


def _key(entry):
    return (entry.msgctxt or None, entry.msgid)


def _show(keys):
    return "\n".join(
        f"  - {msgid!r}" + (f" (context {ctxt!r})" if ctxt else "")
        for ctxt, msgid in sorted(keys, key=str)
    )


@pytest.fixture(scope="module")
def committed():
    assert PO_PATH.is_file(), f"{PO_PATH} is missing. " + FIX.format(po=PO_PATH)
    return polib.pofile(str(PO_PATH))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogue makemessages builds from the current code, in a scratch copy of the package."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.fail(
            "gettext is not installed (apt-get install gettext): cannot check the catalogue"
        )
    copy = tmp_path_factory.mktemp("catalogue") / "wagtail_ward"
    shutil.copytree(
        PACKAGE_DIR,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.po", "*.mo"),
    )
    (copy / "locale" / "vi" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    previous = os.getcwd()
    os.chdir(copy)
    try:
        # No LOCALE_PATHS: makemessages must write into the copy's locale/ and nowhere else.
        with override_settings(LOCALE_PATHS=[]):
            call_command(
                "makemessages",
                locale=["vi"],
                no_obsolete=True,
                add_location="file",
                verbosity=0,
            )
    finally:
        os.chdir(previous)
    return polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))


@pytest.mark.slow
def test_catalogue_matches_the_code(committed, extracted):
    fresh = {_key(e): e for e in extracted if not e.obsolete}
    current = {_key(e): e for e in committed if not e.obsolete}
    missing = fresh.keys() - current.keys()
    obsolete = current.keys() - fresh.keys()
    problems = []
    if missing:
        problems.append(f"Strings in the code but not in the catalogue:\n{_show(missing)}")
    if obsolete:
        problems.append(f"Strings in the catalogue but no longer in the code:\n{_show(obsolete)}")
    plural_changed = {
        key
        for key in fresh.keys() & current.keys()
        if fresh[key].msgid_plural != current[key].msgid_plural
    }
    if plural_changed:
        problems.append(f"Strings whose plural form changed:\n{_show(plural_changed)}")
    assert not problems, (
        "The catalogue is out of date. " + "\n".join(problems) + "\n" + FIX.format(po=PO_PATH)
    )


def test_every_entry_is_translated(committed):
    assert not committed.metadata_is_fuzzy, f"The header of {PO_PATH} is marked fuzzy."
    assert committed.metadata.get("Language") == "vi"
    assert committed.metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=1;plural=0;"
    assert "charset=UTF-8" in committed.metadata.get("Content-Type", "")
    fuzzy = {_key(e) for e in committed.fuzzy_entries()}
    untranslated = {_key(e) for e in committed.untranslated_entries()}
    empty_plurals = {
        _key(e)
        for e in committed
        if e.msgid_plural and not e.obsolete and not e.msgstr_plural.get(0, "").strip()
    }
    blank = {_key(e) for e in committed.translated_entries() if not (e.msgstr or "x").strip()}
    problems = []
    if fuzzy:
        problems.append(f"Fuzzy entries (check them, then remove the fuzzy flag):\n{_show(fuzzy)}")
    if untranslated | empty_plurals | blank:
        problems.append(f"Untranslated entries:\n{_show(untranslated | empty_plurals | blank)}")
    assert not problems, "\n".join(problems) + "\n" + FIX.format(po=PO_PATH)


def _translations(entries):
    result = {}
    for entry in entries:
        if entry.msgid == "" or entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            value = tuple(sorted((int(n), s) for n, s in entry.msgstr_plural.items()))
        else:
            value = entry.msgstr
        result[_key(entry)] = (entry.msgid_plural or None, value)
    return result


def _compare_compiled(source_catalogue, mo_path):
    assert mo_path.is_file(), f"{mo_path} is missing. " + COMPILE
    compiled = polib.mofile(str(mo_path))
    source = {k: v for k, v in _translations(source_catalogue).items() if v[1]}
    binary = _translations(compiled)
    differ = {k for k in source.keys() & binary.keys() if source[k] != binary[k]}
    problems = []
    only_po, only_mo = source.keys() - binary.keys(), binary.keys() - source.keys()
    if only_po:
        problems.append(f"Missing from the .mo:\n{_show(only_po)}")
    if only_mo:
        problems.append(f"In the .mo but not translated in the .po files:\n{_show(only_mo)}")
    if differ:
        problems.append(f"Translated differently in the .mo:\n{_show(differ)}")
    assert not problems, (
        f"{mo_path.name} is out of sync with its .po files.\n"
        + "\n".join(problems)
        + "\n"
        + COMPILE
    )


def test_compiled_catalogue_matches_the_po(committed):
    # The package's own translations first, then the admin's (admin_locale/vi/*.po).
    merged = admin_catalogue.merge(admin_catalogue.django_sources(PO_PATH))
    assert {_key(e) for e in committed.translated_entries()} <= {_key(e) for e in merged}
    _compare_compiled(merged, MO_PATH)


def test_compiled_javascript_catalogue_matches_the_po():
    _compare_compiled(admin_catalogue.merge(admin_catalogue.js_sources()), JS_MO_PATH)


def test_package_and_admin_use_the_same_words(committed):
    """A msgid both the package and the admin translate reads the same (docs/glossary.md):
    the package's wins in the admin, so "Settings" must not become "Tùy chỉnh" there."""
    admin = admin_catalogue.merge(ADMIN_SOURCES[:-1]) or []
    theirs = {_key(e): e.msgstr for e in admin if not e.msgid_plural}
    differ = [
        f"  - {e.msgid!r}: {e.msgstr!r} here, {theirs[_key(e)]!r} in admin_locale/vi/"
        for e in committed.translated_entries()
        if _key(e) in theirs and theirs[_key(e)] != e.msgstr
    ]
    assert not differ, (
        "Translate these as the admin does, or give the package's msgid a context:\n"
        + "\n".join(differ)
    )


def _placeholders(text, python_format):
    found = Counter(re.sub(r"\s+", " ", m) for m in TEMPLATE_PLACEHOLDER.findall(text))
    if python_format:
        found.update(m for m in PERCENT_PLACEHOLDER.findall(text) if m != "%%")
    return found


def _same(source, translated):
    # A named placeholder may be used any number of times; positional ones must match in number.
    named_or_template = {p for p in source if "(" in p or p.startswith("{{")}
    named_or_template_t = {p for p in translated if "(" in p or p.startswith("{{")}
    positional = Counter({p: n for p, n in source.items() if p not in named_or_template})
    positional_t = Counter({p: n for p, n in translated.items() if p not in named_or_template_t})
    return named_or_template == named_or_template_t and positional == positional_t


@pytest.mark.parametrize("po_path", [PO_PATH, *ADMIN_SOURCES], ids=lambda path: path.name)
def test_placeholders_survive_translation(po_path):
    if not po_path.is_file():
        pytest.fail(f"{po_path} is missing")
    wrong = []
    for entry in polib.pofile(str(po_path)).translated_entries():
        python_format = "python-format" in entry.flags
        if entry.msgid_plural:
            pairs = [(entry.msgid_plural, s) for s in entry.msgstr_plural.values()]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, translated in pairs:
            expected = _placeholders(source, python_format)
            got = _placeholders(translated, python_format)
            if not _same(expected, got):
                wrong.append(
                    f"  - {source!r}: expected {sorted(expected)}, "
                    f"got {sorted(got)} in {translated!r}"
                )
    assert not wrong, "Placeholders lost or changed in translation:\n" + "\n".join(wrong)


def test_catalogue_is_loaded_at_runtime(committed):
    with translation.override("vi"):
        assert translation.gettext("Visitors") == "Số người truy cập"
        assert translation.pgettext("weekday", "Monday") == "Thứ hai"
        assert translation.pgettext("weekday", "Sunday") == "Chủ nhật"
        # Every translation of the package reaches Django (wagtail_ward wins over later apps).
        wrong = []
        for entry in committed.translated_entries():
            if entry.msgid_plural:
                if entry.msgctxt:
                    got = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
                else:
                    got = translation.ngettext(entry.msgid, entry.msgid_plural, 2)
                expected = entry.msgstr_plural[0]
            elif entry.msgctxt:
                got = translation.pgettext(entry.msgctxt, entry.msgid)
                expected = entry.msgstr
            else:
                got = translation.gettext(entry.msgid)
                expected = entry.msgstr
            if got != expected:
                wrong.append(f"  - {entry.msgid!r}: {got!r} instead of {expected!r}")
    assert not wrong, "Translations not served by Django:\n" + "\n".join(wrong)
