"""Admin forms of the procedures: the page form and the import upload.

They work on what they are given and import none of the family's models.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# A larger file is refused before it is read (the sample of 2,000 procedures is about 3 MB).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
UPLOAD_SUFFIXES = (".json", ".xlsx")


class ProcedurePageForm(WagtailAdminPageForm):
    """The code must be unique among the procedures of the website and language."""

    def clean(self):
        cleaned_data = super().clean()
        code = cleaned_data.get("code")
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if code and parent is not None and self.instance.code_taken(code, parent):
            self.add_error(
                "code",
                _("Another procedure of this website already has the code “%(code)s”.")
                % {"code": code},
            )
        return cleaned_data


class ProcedureImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A .json or .xlsx file in the format of the export (see the documentation). "
            "Procedures are matched by their code."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Only show what would change (dry run)"), required=False, initial=True
    )
    publish = forms.BooleanField(
        label=_("Publish created and changed procedures"),
        required=False,
        initial=True,
        help_text=_("Untick to save them as drafts for review."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": MAX_UPLOAD_BYTES // 2**20}
            )
        if not upload.name.lower().endswith(UPLOAD_SUFFIXES):
            raise forms.ValidationError(_("Upload a .json or .xlsx file."))
        return upload
