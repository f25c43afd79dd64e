"""Forms of the training family: the programme's admin form and the public application form.

Neither imports the family's models: the admin form checks the page it is given, the public
form checks the criteria it is given (``eligibility.py``).
"""

import os

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from ..params import MAX_YEAR, MIN_YEAR
from .conf import training_setting
from .eligibility import eligibility_errors

# The first bytes of each accepted file type: an extension alone proves nothing.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}


def programme_problems(cleaned, courses):
    """{field: message} of a programme's inconsistent numbers and dates.

    ``cleaned``: the page's values; ``courses``: the courses' (start, end) dates.
    """
    errors = {}
    target, selected = cleaned.get("target_trainees"), cleaned.get("selected_count")
    if target is not None and selected is not None and selected > target:
        errors["selected_count"] = _(
            "The number selected (%(selected)s) cannot be above the target (%(target)s)."
        ) % {"selected": selected, "target": target}
    opens, closes = cleaned.get("applications_open"), cleaned.get("applications_close")
    if opens and closes and closes < opens:
        errors["applications_close"] = _(
            "Applications cannot close (%(closes)s) before they open (%(opens)s)."
        ) % {"closes": closes.strftime("%d/%m/%Y"), "opens": opens.strftime("%d/%m/%Y")}
    return errors


def duration_difference_message(total, durations):
    """A warning when the courses' months do not add up to the total, saying by how much."""
    if total is None or not durations:
        return ""
    difference = sum(durations) - total
    if difference == 0:
        return ""
    if difference > 0:
        return _(
            "The courses add up to %(sum)s months, %(diff)s more than the total of %(total)s."
        ) % {"sum": sum(durations), "diff": difference, "total": total}
    return _(
        "The courses add up to %(sum)s months, %(diff)s fewer than the total of %(total)s."
    ) % {"sum": sum(durations), "diff": -difference, "total": total}


class TrainingProgrammeForm(WagtailAdminPageForm):
    """Refuses a course that ends before it starts, on the course."""

    def clean(self):
        # The page's own numbers and dates are checked by the model's clean(), on this form too.
        cleaned = super().clean()
        courses = self.formsets.get("courses")
        # The page's form is cleaned before its formsets: clean the courses now (Django keeps
        # the result), so that their dates can be read and an error added to them counts.
        if courses is not None and courses.is_bound:
            courses.is_valid()
            for form in courses.forms:
                if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                    continue
                start, end = form.cleaned_data.get("start_date"), form.cleaned_data.get("end_date")
                if start and end and end < start:
                    form.add_error("end_date", _("A course cannot end before it starts."))
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"


def check_upload(upload):
    """The uploaded file when its type and size are accepted; a ValidationError naming the
    limit otherwise."""
    if upload is None:
        return upload
    extensions = training_setting("TRAINING_UPLOAD_EXTENSIONS")
    limit = training_setting("TRAINING_UPLOAD_MAX_BYTES")
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension not in extensions:
        raise forms.ValidationError(
            _("Only these file types are accepted: %(types)s.")
            % {"types": ", ".join(e.upper() for e in extensions)}
        )
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large: at most %(mb)s MB.") % {"mb": round(limit / 1048576, 1)}
        )
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(SIGNATURES.get(extension, (b"",))):
        raise forms.ValidationError(
            _("The file is not a real %(type)s file.") % {"type": extension.upper()}
        )
    return upload


class ApplicationForm(forms.Form):
    """The public application form, built from the programme's eligibility criteria."""

    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=255)
    birth_date = forms.DateField(label=gettext_lazy("Date of birth"), widget=DateInput)
    degree = forms.CharField(
        label=gettext_lazy("University degree"),
        max_length=255,
        help_text=gettext_lazy(
            "Field of study and university, e.g. “Cử nhân Luật, Đại học Luật Hà Nội”."
        ),
    )
    degree_grade = forms.ChoiceField(label=gettext_lazy("Degree grade"))
    current_post = forms.CharField(
        label=gettext_lazy("Current post"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Leave empty if you are not working yet."),
    )
    is_civil_servant = forms.BooleanField(
        label=gettext_lazy("I am a civil servant"), required=False
    )
    is_party_member = forms.BooleanField(
        label=gettext_lazy("I am a member of the Communist Party of Viet Nam"), required=False
    )
    phone = forms.RegexField(
        label=gettext_lazy("Phone"),
        regex=r"^[0-9+ .()-]{8,20}$",
        error_messages={"invalid": gettext_lazy("Enter a phone number of 8 to 20 digits.")},
    )
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    cv = forms.FileField(label=gettext_lazy("Curriculum vitae (PDF, JPG or PNG)"))
    degree_copy = forms.FileField(
        label=gettext_lazy("Copy of the degree (PDF, JPG or PNG)"), required=False
    )

    def __init__(self, *args, grades, today, age_limit, civil_servant_age_limit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["degree_grade"].choices = [("", "---------"), *grades]
        self.today = today
        self.age_limit = age_limit
        self.civil_servant_age_limit = civil_servant_age_limit

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if not MIN_YEAR <= value.year <= MAX_YEAR or value > self.today:
            raise forms.ValidationError(_("Enter a date of birth in the past."))
        return value

    def clean_cv(self):
        return check_upload(self.cleaned_data.get("cv"))

    def clean_degree_copy(self):
        return check_upload(self.cleaned_data.get("degree_copy"))

    def clean(self):
        cleaned = super().clean()
        birth_date = cleaned.get("birth_date")
        if birth_date:
            for message in eligibility_errors(
                birth_date=birth_date,
                is_civil_servant=cleaned.get("is_civil_servant", False),
                day=self.today,
                age_limit=self.age_limit,
                civil_servant_age_limit=self.civil_servant_age_limit,
            ):
                self.add_error("birth_date", message)
        return cleaned
