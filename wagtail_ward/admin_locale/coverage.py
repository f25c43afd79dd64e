"""Which strings of the installed Wagtail and wagtail-localize have no Vietnamese.

The msgids come from the English catalogues (``locale/en/LC_MESSAGES/*.po``) that Wagtail and
wagtail-localize ship with every release, for each of their apps in ``INSTALLED_APPS``; a
msgid counts as translated when the catalogue Django serves has it, from upstream or from this
package. After an upgrade, ``python manage.py ward_admin_messages`` (``make admin-messages``)
lists what is new; translate it in ``admin_locale/vi/`` and run ``make messages``.
"""

from pathlib import Path

import polib
from django.apps import apps
from django.utils.translation import trans_real

# The apps whose strings the admin shows: Wagtail's own and wagtail-localize's.
COVERED_PACKAGES = ("wagtail", "wagtail_localize")


def covered_apps():
    """The installed apps of Wagtail and wagtail-localize that ship an English catalogue."""
    found = []
    for app in apps.get_app_configs():
        if app.name.split(".")[0] not in COVERED_PACKAGES:
            continue
        if (Path(app.path) / "locale" / "en" / "LC_MESSAGES").is_dir():
            found.append(app)
    return found


def _msgids(po_path):
    if not po_path.is_file():
        return []
    return [entry for entry in polib.pofile(str(po_path)) if entry.msgid and not entry.obsolete]


def _served(catalog, entry):
    key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    if entry.msgid_plural:
        return bool(catalog.get((key, 0)))
    return bool(catalog.get(key))


def _js_translation(language, localedirs):
    return trans_real.DjangoTranslation(language, domain="djangojs", localedirs=localedirs)


def missing(language="vi"):
    """``{(app label, domain): [msgid, ...]}`` of every covered msgid without a translation.

    The ``django`` domain is checked against the catalogue Django merges from every installed
    app; ``djangojs`` against the catalogues the admin's pages load: Wagtail's, the app's own
    and this package's (``wagtail_ward.admin_i18n``).
    """
    django_catalog = trans_real.translation(language)._catalog
    ours = Path(apps.get_app_config("wagtail_ward").path) / "locale"
    admin = Path(apps.get_app_config("wagtailadmin").path) / "locale"
    result = {}
    for app in covered_apps():
        english = Path(app.path) / "locale" / "en" / "LC_MESSAGES"
        lacking = [e for e in _msgids(english / "django.po") if not _served(django_catalog, e)]
        if lacking:
            result[(app.label, "django")] = lacking
        js_entries = _msgids(english / "djangojs.po")
        if js_entries:
            localedirs = [str(admin), str(Path(app.path) / "locale"), str(ours)]
            js_catalog = _js_translation(language, localedirs)._catalog
            lacking = [e for e in js_entries if not _served(js_catalog, e)]
            if lacking:
                result[(app.label, "djangojs")] = lacking
    return result


def counts(language="vi"):
    """``{(app label, domain): number of msgids}`` of the covered catalogues."""
    result = {}
    for app in covered_apps():
        english = Path(app.path) / "locale" / "en" / "LC_MESSAGES"
        for domain in ("django", "djangojs"):
            entries = _msgids(english / f"{domain}.po")
            if entries:
                result[(app.label, domain)] = len(entries)
    return result
