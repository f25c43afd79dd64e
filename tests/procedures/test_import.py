"""Import and export: the sample file, re-imports, one changed record, round trips."""

import copy
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import PageLogEntry, Revision

from tests.families import ProcedurePage
from wagtail_ward.procedures.cleaning import clean_record
from wagtail_ward.procedures.formats import read_file
from wagtail_ward.procedures.importers import (
    ProcedureImportError,
    export_content,
    export_procedures,
    import_procedures,
)
from wagtail_ward.procedures.models import Agency, ProcedureSector, fold, procedure_record

from .builders import make_procedure_index, sample, sample_bytes, to_bytes

pytestmark = pytest.mark.django_db


def state():
    """Everything an import may write, to show that a refused import wrote nothing."""
    return (
        ProcedurePage.objects.count(),
        Revision.objects.count(),
        ProcedureSector.objects.count(),
        Agency.objects.count(),
        PageLogEntry.objects.count(),
    )


def test_sample_imports_then_reimports_unchanged(sample_index):
    # The module's fixture imported the sample into the empty site.
    assert ProcedurePage.objects.live().count() == len(sample()["procedures"]) >= 20
    birth = ProcedurePage.objects.get(code="1.001193")
    assert birth.live and birth.title == "Đăng ký khai sinh"
    assert [m.channel for m in birth.methods.all()] == ["in_person", "online", "post"]
    assert birth.sector.name == "Hộ tịch"
    revisions = Revision.objects.count()

    again = import_procedures(sample_index, "procedures-vi.json", sample_bytes())
    with translation.override("en"):
        assert again.summary() == "0 created, 0 updated, 23 unchanged, 0 failed."
    assert Revision.objects.count() == revisions


def test_one_changed_record_updates_exactly_that_page(sample_index):
    content = sample()
    content["procedures"][2]["fees"] = "Miễn lệ phí (đã sửa)"
    content["procedures"][2]["steps"].append("Bước thêm")
    before = {p.code: p.latest_revision_id for p in ProcedurePage.objects.all()}

    result = import_procedures(sample_index, "changed.json", to_bytes(content))

    code = content["procedures"][2]["code"]
    assert (result.created, result.updated) == ([], [code])
    after = {p.code: p.latest_revision_id for p in ProcedurePage.objects.all()}
    assert [c for c in after if after[c] != before[c]] == [code]
    page = ProcedurePage.objects.get(code=code)
    assert page.fees == "Miễn lệ phí (đã sửa)"
    assert page.steps.last().text == "Bước thêm"


def test_dry_run_reports_and_writes_nothing(sample_index):
    content = sample()
    content["procedures"][1]["result"] = "Trích lục khai tử (bản chính và bản sao)"
    content["procedures"].append({**content["procedures"][0], "code": "1.999999"})
    before = state()
    result = import_procedures(sample_index, "x.json", to_bytes(content), dry_run=True)
    assert (result.created, result.updated, len(result.unchanged)) == (
        ["1.999999"],
        ["1.000656"],
        22,
    )
    assert state() == before


def invalid(change):
    content = sample()
    change(content["procedures"][4])
    return to_bytes(content)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: r.pop("code"), "record 5, field “code”: is required."),
        (lambda r: r.update(sector="Đất đai"), "field “sector”: “Đất đai” is not known"),
        (lambda r: r.update(processing_days=-3), "(1.001022), field “processing_days”: must be"),
        (lambda r: r.update(colour="red"), "(1.001022), field “colour”: is not a field"),
        (lambda r: r.update(level="quan"), "(1.001022), field “level”: “quan” is not one of"),
        (lambda r: r["dossier"][0].pop("name"), "field “dossier[1].name”: is required."),
        (lambda r: r.update(title="Đăng ký\x00"), "field “title”: contains a NUL character."),
    ],
)
def test_one_invalid_record_refuses_the_file(procedure_index, change, expected):
    before = state()
    with translation.override("en"), pytest.raises(ProcedureImportError) as error:
        import_procedures(procedure_index, "bad.json", invalid(change))
    assert any(expected in message for message in error.value.errors), error.value.errors
    assert state() == before


def test_broken_json_and_nul_bytes_are_refused(procedure_index):
    before = state()
    with translation.override("en"):
        with pytest.raises(ProcedureImportError) as error:
            import_procedures(procedure_index, "bad.json", b'{"procedures": [')
        assert "The JSON is broken at line 1" in error.value.errors[0]
        with pytest.raises(ProcedureImportError) as error:
            import_procedures(procedure_index, "bad.json", b'{"procedures": []}\x00')
        assert "NUL" in error.value.errors[0]
    assert state() == before


def test_messages_in_vietnamese(procedure_index):
    with translation.override("vi"), pytest.raises(ProcedureImportError) as error:
        import_procedures(procedure_index, "bad.json", invalid(lambda r: r.pop("code")))
    assert "bản ghi 5, trường “code”: bắt buộc phải có." in error.value.errors


def test_partial_imports_the_valid_records(sample_index):
    content = sample()
    content["procedures"][4]["level"] = "quan"
    content["procedures"][5]["fees"] = "Miễn lệ phí (từ 01/7/2025)"
    result = import_procedures(sample_index, "bad.json", to_bytes(content), partial=True)
    assert (result.updated, len(result.failed)) == (["1.000689"], 1)
    assert ProcedurePage.objects.get(code="1.000689").fees == "Miễn lệ phí (từ 01/7/2025)"
    assert ProcedurePage.objects.get(code="1.001022").level == "xa"


def records(index):
    content = export_content(index)
    return content["sectors"], content["agencies"], content["procedures"]


def test_export_then_import_into_an_empty_site_is_field_for_field(sample_index, home):
    data = export_procedures(sample_index, "json")
    exported = records(sample_index)
    assert len(exported[2]) == 23
    # An empty site: the sample's pages, sectors and agencies removed.
    ProcedurePage.objects.all().delete()
    ProcedureSector.objects.all().delete()
    Agency.objects.all().delete()
    target = make_procedure_index(home, title="Thủ tục (2)", slug="thu-tuc-2")

    result = import_procedures(target, "export.json", data)

    assert len(result.created) == 23
    assert records(target) == exported


def test_xlsx_export_reads_back_field_for_field(sample_index):
    """The spreadsheet holds the same records as the JSON: re-importing it changes nothing,
    and its records read back equal to the export's."""
    data = export_procedures(sample_index, "xlsx")
    result = import_procedures(sample_index, "export.xlsx", data, dry_run=True)
    assert (len(result.unchanged), result.created, result.updated) == (23, [], [])
    content = read_file("export.xlsx", data)
    sectors = {fold(s.name): s.name for s in ProcedureSector.objects.all()}
    agencies = {fold(a.name): a.name for a in Agency.objects.all()}
    cleaned = [
        clean_record(r, sectors, agencies, {}, ProcedurePage)[0] for r in content["procedures"]
    ]
    assert cleaned == records(sample_index)[2]


def test_xlsx_formulas_and_macros_are_refused(sample_index):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(export_procedures(sample_index, "xlsx")))
    workbook["procedures"]["C3"] = "=1+1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = state()
    with translation.override("en"), pytest.raises(ProcedureImportError) as error:
        import_procedures(sample_index, "formula.xlsx", buffer.getvalue())
    assert error.value.errors == [
        "sheet “procedures”, row 3, column “decision”: formulas are not accepted."
    ]
    with translation.override("en"), pytest.raises(ProcedureImportError) as error:
        import_procedures(sample_index, "macro.xlsm", buffer.getvalue())
    assert "macros" in error.value.errors[0]
    assert state() == before


def test_xlsx_wrong_column_names_sheet_row_and_column(sample_index):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(export_procedures(sample_index, "xlsx")))
    workbook["procedures"]["B1"] = "tieu de"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with translation.override("en"), pytest.raises(ProcedureImportError) as error:
        import_procedures(sample_index, "wrong.xlsx", buffer.getvalue())
    assert (
        "sheet “procedures”, row 2 (1.001193), field “tieu de”: is not a field of the format."
        in error.value.errors
    )


def test_commands_import_and_export(sample_index, tmp_path):
    path = tmp_path / "sample.json"
    path.write_bytes(sample_bytes())
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_procedures", sample_index.pk, str(path), "--dry-run", stdout=out)
        assert out.getvalue().strip() == "Dry run: 0 created, 0 updated, 23 unchanged, 0 failed."
        call_command("export_procedures", sample_index.pk, str(tmp_path / "out.xlsx"), stdout=out)
        out = io.StringIO()
        call_command("import_procedures", sample_index.pk, str(tmp_path / "out.xlsx"), stdout=out)
        assert out.getvalue().strip() == "0 created, 0 updated, 23 unchanged, 0 failed."
        bad = tmp_path / "bad.json"
        bad.write_bytes(invalid(lambda r: r.update(processing_days=-1)))
        err = io.StringIO()
        with pytest.raises(CommandError, match="Nothing was imported: 1 problems."):
            call_command("import_procedures", sample_index.pk, str(bad), stderr=err)
    assert "(1.001022), field “processing_days”" in err.getvalue()


def test_record_matches_the_sample_field_for_field(sample_index):
    birth = ProcedurePage.objects.get(code="1.001193")
    expected = copy.deepcopy(sample()["procedures"][0])
    assert procedure_record(birth) == expected
