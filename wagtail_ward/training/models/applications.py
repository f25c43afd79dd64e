"""Applications to a programme, sent through the public form and reviewed in the admin.

Personal data (name, date of birth, contact, post, documents) is kept only while reviewers
need it: ``manage.py purge_training_applications`` removes it a set time after the programme
closes and keeps the status, the degree grade and the flags, so the counts stay. The client
address is never stored (the rate limit hashes it in the cache); duplicates are recognised by
a keyed hash of the name and date of birth, not by the data itself.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..eligibility import age_on
from ..storage import document_path, private_storage


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ELIGIBLE = "eligible", _("Eligible")
    SELECTED = "selected", _("Selected")
    REJECTED = "rejected", pgettext_lazy("application status", "Rejected")


class DegreeGrade(models.TextChoices):
    EXCELLENT = "excellent", _("Excellent")
    VERY_GOOD = "very_good", _("Very good")
    GOOD = "good", _("Good")
    AVERAGE = "average", _("Average")


def new_receipt_number():
    """E.g. "DT-7F3A9C2B": short enough to read out on the phone, never guessed in sequence."""
    return "DT-" + secrets.token_hex(4).upper()


def applicant_hash(programme_key, full_name, birth_date):
    """Keyed hash of an applicant for one programme, to refuse a second application."""
    message = f"{programme_key}|{' '.join(full_name.split()).casefold()}|{birth_date}".encode()
    key = hashlib.sha256(b"wagtail_ward.training:" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


class TrainingApplication(models.Model):
    """One application. ``programme_key`` is the programme's translation key, so the
    applications of its Vietnamese and English pages count together."""

    programme = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme"),
        # A deleted programme leaves its applications (and their counts) to the purge.
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    programme_key = models.UUIDField(_("programme key"), db_index=True, editable=False)
    receipt_number = models.CharField(
        _("receipt number"), max_length=16, unique=True, default=new_receipt_number, editable=False
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=ApplicationStatus.choices, default="received"
    )
    reviewer_note = models.TextField(_("reviewer's note"), blank=True)
    # Personal data, removed by the purge.
    full_name = models.CharField(_("full name"), max_length=255, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    degree = models.CharField(_("degree"), max_length=255, blank=True)
    current_post = models.CharField(_("current post"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    cv = models.FileField(
        _("curriculum vitae"), storage=private_storage, upload_to=document_path, blank=True
    )
    degree_copy = models.FileField(
        _("copy of the degree"), storage=private_storage, upload_to=document_path, blank=True
    )
    applicant_hash = models.CharField(max_length=64, blank=True, editable=False)
    # What stays after the purge: enough to count.
    degree_grade = models.CharField(_("degree grade"), max_length=16, choices=DegreeGrade.choices)
    is_civil_servant = models.BooleanField(_("civil servant"), default=False)
    is_party_member = models.BooleanField(_("party member"), default=False)
    age = models.PositiveSmallIntegerField(_("age when applying"), null=True, editable=False)
    purged_at = models.DateTimeField(_("personal data removed at"), null=True, editable=False)

    class Meta:
        verbose_name = _("training application")
        verbose_name_plural = _("training applications")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme_key", "applicant_hash"],
                condition=~models.Q(applicant_hash=""),
                name="wagtail_ward_training_one_application_each",
            )
        ]

    def __str__(self):
        return self.receipt_number

    DOCUMENT_FIELDS = ("cv", "degree_copy")

    def documents(self):
        """(field name, label) of the documents this application holds."""
        return [
            (name, self._meta.get_field(name).verbose_name)
            for name in self.DOCUMENT_FIELDS
            if getattr(self, name)
        ]

    def purge_personal_data(self):
        """Delete the documents and blank every personal field; the counts stay."""
        for name in self.DOCUMENT_FIELDS:
            field = getattr(self, name)
            if field:
                field.delete(save=False)
        self.full_name = self.degree = self.current_post = self.phone = self.email = ""
        self.reviewer_note = ""
        self.birth_date = None
        self.applicant_hash = ""
        self.purged_at = timezone.now()
        self.save()


def save_application(programme, data, today):
    """The application made from the public form's ``data`` to ``programme`` and saved with its
    documents, or None when this applicant has applied to the programme already (nothing is
    kept then)."""
    model = programme.application_model()
    application = model(
        programme=programme,
        programme_key=programme.translation_key,
        status=ApplicationStatus.RECEIVED,
        full_name=" ".join(data["full_name"].split()),
        birth_date=data["birth_date"],
        degree=data["degree"],
        degree_grade=data["degree_grade"],
        current_post=data["current_post"],
        is_civil_servant=data["is_civil_servant"],
        is_party_member=data["is_party_member"],
        phone=data["phone"],
        email=data["email"],
        age=age_on(data["birth_date"], today),
        applicant_hash=applicant_hash(
            programme.translation_key, data["full_name"], data["birth_date"]
        ),
    )
    try:
        with transaction.atomic():
            for name in model.DOCUMENT_FIELDS:
                if data.get(name):
                    getattr(application, name).save(data[name].name, data[name], save=False)
            application.save()
    except IntegrityError:
        for name in model.DOCUMENT_FIELDS:
            if getattr(application, name):
                getattr(application, name).delete(save=False)
        return None
    return application
