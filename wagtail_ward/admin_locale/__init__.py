"""The Vietnamese admin: Wagtail's and wagtail-localize's strings, translated by wagtail-ward.

``vi/*.po`` hold every msgid of the Wagtail admin, its contrib apps and wagtail-localize
(Wagtail 7.0 and 8.x together), translated with the terms of ``docs/glossary.md``. They are
sources, not catalogues Django reads: ``python -m wagtail_ward.admin_locale`` (run by
``make messages``) folds them into the package's compiled catalogues,

- ``locale/vi/LC_MESSAGES/django.mo``: the package's own ``django.po`` first, then
  ``wagtail-admin.po``, ``wagtail-core.po``, ``wagtail-localize.po`` and ``django-core.po``
  (Django's own strings the admin shows, such as "5 phút"). Django merges the
  catalogues of every installed app and the app listed first wins, so with ``wagtail_ward``
  before the Wagtail apps (as the installation asks) these translations win over Wagtail's
  partial ones;
- ``locale/vi/LC_MESSAGES/djangojs.mo``: ``djangojs.po``, served to the admin's JavaScript by
  ``wagtail_ward.admin_i18n`` after Wagtail's own JavaScript catalogue.

``makemessages --no-obsolete`` keeps ``django.po`` to the package's own strings, so nothing
here is lost when the package's catalogue is refreshed.
"""
