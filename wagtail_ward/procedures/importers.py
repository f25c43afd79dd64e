"""Import and export of procedures: an upsert keyed by code, all or nothing by default.

``import_procedures(index, name, data)`` reads a JSON or .xlsx file (see ``formats.py``),
checks every record (``cleaning.py``) and then, unless any record failed or ``dry_run`` is set,
in one transaction creates the new procedures under ``index``, saves a new revision of each
changed one and leaves the unchanged ones alone. Procedures are matched by code among the
procedures of the index's website and language. ``export_procedures(index)`` writes the same
format back.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from .cleaning import clean_record
from .formats import ProcedureFileError, read_file, write_json, write_xlsx
from .models import Agency, ProcedureSector, apply_record, fold, home_path, procedure_record
from .models.records import LIST_FIELDS, RECORD_KEYS


class ProcedureImportError(Exception):
    """Nothing was imported; ``errors`` lists every problem, each naming record and field."""

    def __init__(self, errors, result=None):
        super().__init__("; ".join(errors))
        self.errors = errors
        self.result = result


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    failed: list = field(default_factory=list)  # messages
    dry_run: bool = False

    def summary(self):
        return _(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(failed)s failed."
        ) % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "failed": len({message.split(",")[0] for message in self.failed}),
        }


def site_procedures(index):
    """The procedures of ``index``'s website and language, rows loaded, by code."""
    model = index.procedure_model()
    queryset = model.objects.filter(locale_id=index.locale_id)
    queryset = queryset.filter(path__startswith=home_path(index))
    dossier_model = model._meta.get_field("dossier").related_model
    return {
        page.code: page
        for page in queryset.select_related("sector", "agency").prefetch_related(
            "steps",
            "methods",
            Prefetch("dossier", queryset=dossier_model.objects.select_related("template")),
            "legal_basis",
        )
    }


def _current_record(page):
    if page.has_unpublished_changes:
        page = page.get_latest_revision_as_object()
    return procedure_record(page)


def import_procedures(index, name, data, *, user=None, dry_run=False, publish=True, partial=False):
    """Import a file into ``index``; returns an ``ImportResult``.

    Raises ``ProcedureImportError`` (nothing written) when the file cannot be read, or when a
    record fails and ``partial`` is not set.
    """
    try:
        content = read_file(name, data)
    except ProcedureFileError as error:
        raise ProcedureImportError(error.errors) from None
    locale_id = index.locale_id
    sectors = {fold(s.name): s for s in ProcedureSector.objects.filter(locale_id=locale_id)}
    agencies = {fold(a.name): a for a in Agency.objects.filter(locale_id=locale_id)}
    new_sectors, new_agencies, errors = [], [], []
    for item, known, model, collected in (
        *((s, sectors, ProcedureSector, new_sectors) for s in content["sectors"]),
        *((a, agencies, Agency, new_agencies) for a in content["agencies"]),
    ):
        name_ = str(item.get("name") or "").strip()
        if not name_ or "\x00" in name_ or len(name_) > 255:
            errors.append(_("%(where)s, field “name”: is required.") % {"where": item.where})
            continue
        if fold(name_) not in known:
            extra = {}
            if model is ProcedureSector:
                extra = {
                    "slug": slugify(fold(item.get("slug") or name_))[:255] or "sector",
                    "sort_order": int(item.get("sort_order") or 0),
                }
            else:
                extra = {
                    "address": str(item.get("address") or "")[:255],
                    "phone": str(item.get("phone") or "")[:64],
                }
            obj = model(name=name_, locale_id=locale_id, **extra)
            known[fold(name_)] = obj
            collected.append(obj)
    templates = {title: doc for doc in get_document_model().objects.all() for title in [doc.title]}
    existing = site_procedures(index)
    result = ImportResult(dry_run=dry_run)
    result.failed.extend(errors)
    plan, seen = [], set()
    sector_names = {key: obj.name for key, obj in sectors.items()}
    agency_names = {key: obj.name for key, obj in agencies.items()}
    model = index.procedure_model()
    for record in content["procedures"]:
        cleaned, messages = clean_record(record, sector_names, agency_names, templates, model)
        code = cleaned["code"]
        if code and code in seen:
            messages.append(
                _("%(where)s (%(code)s), field “code”: the code appears twice in the file.")
                % {"where": record.where, "code": code}
            )
        seen.add(code)
        if messages:
            result.failed.extend(messages)
            continue
        page = existing.get(code)
        if page is None:
            result.created.append(code)
            plan.append((None, cleaned))
        elif _current_record(page) == cleaned:
            result.unchanged.append(code)
        else:
            result.updated.append(code)
            plan.append((page, cleaned))
    if result.failed and not partial:
        raise ProcedureImportError(result.failed, result)
    if dry_run:
        return result
    twins = translation_keys(index)
    with transaction.atomic():
        for obj in [*new_sectors, *new_agencies]:
            obj.save()
        for page, record in plan:
            refs = {
                "sector": sectors[fold(record["sector"])],
                "agency": agencies.get(fold(record["agency"])) if record["agency"] else None,
                "templates": templates,
            }
            _write(index, page, record, refs, user, publish, twins.get(record["code"]))
    return result


def translation_keys(index):
    """``{code: translation_key}`` of the procedures under the translations of ``index``: a
    procedure imported in another language becomes the translation of the one with its code."""
    model = index.procedure_model()
    taken = set(
        model.objects.filter(locale_id=index.locale_id).values_list("translation_key", flat=True)
    )
    keys = {}
    for other in index.get_translations():
        for code, key in model.objects.child_of(other).values_list("code", "translation_key"):
            if key not in taken:
                keys.setdefault(code, key)
    return keys


def _write(index, page, record, refs, user, publish, translation_key=None):
    if page is None:
        page = index.procedure_model()(locale_id=index.locale_id, owner=user, live=False)
        if translation_key is not None:
            page.translation_key = translation_key
        apply_record(page, record, refs)
        page.slug = _free_slug(index, slugify(fold(f"{record['code']} {record['title']}")))
        index.add_child(instance=page)
    else:
        page = page.get_latest_revision_as_object()
        apply_record(page, record, refs)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)


def _free_slug(index, slug):
    slug = slug[:200] or "procedure"
    taken = set(index.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def export_content(index):
    """The procedures of ``index`` (latest revisions), its sectors and agencies, as data."""
    pages = [page for page in site_procedures(index).values() if page.path.startswith(index.path)]
    pages.sort(key=lambda page: page.path)
    records = [_current_record(page) for page in pages]
    sectors = ProcedureSector.objects.filter(locale_id=index.locale_id)
    agencies = Agency.objects.filter(locale_id=index.locale_id)
    return {
        "language": index.locale.language_code,
        "sectors": [{"name": s.name, "slug": s.slug, "sort_order": s.sort_order} for s in sectors],
        "agencies": [{"name": a.name, "address": a.address, "phone": a.phone} for a in agencies],
        "procedures": records,
    }


def export_procedures(index, file_format="json"):
    """The export file of ``index`` as bytes, in ``"json"`` or ``"xlsx"``."""
    content = export_content(index)
    if file_format == "xlsx":
        columns = [key for key in RECORD_KEYS if key not in LIST_FIELDS]
        return write_xlsx(content, columns)
    return write_json(content)
