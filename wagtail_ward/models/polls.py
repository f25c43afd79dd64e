"""Opinion polls (thăm dò ý kiến): the poll snippet, its choices and the votes.

Votes live in their own table, one row per vote. They are tied to the poll's translation group
(``translation_key``), so a vote cast on the English page counts in the same totals as one cast on
the Vietnamese page, and to the choice's stable ``key``, which every translation shares. One vote
per voter per poll is enforced by a unique constraint in the database, never by a check before
the insert, so no race can count a voter twice.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, When
from django.db.models.functions import Cast, Length, Substr
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    Orderable,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..polls.serializers import poll_representation
from .poll_totals import PollTotal
from .settings import WardSettings

CHOICE_KEY_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def choice_key_from_label(label):
    """A stable key from a Vietnamese label: "Trễ hẹn một ít" → "tre-hen-mot-it"."""
    folded = (label or "").replace("đ", "d").replace("Đ", "D")
    return slugify(folded)[:50].strip("-")


def validate_choice_key(value):
    if not CHOICE_KEY_RE.match(value or ""):
        raise ValidationError(
            _(
                "The key may contain only lower-case letters without accents, digits and "
                "hyphens, for example “tre-hen-mot-it”."
            ),
            code="invalid_key",
        )


class PollAdminForm(WagtailAdminModelForm):
    """The poll editor: two answers may not share a key."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("choices")
        if formset is None:
            return cleaned_data
        seen = set()
        for form in formset.forms:
            if not form.is_valid() or formset._should_delete_form(form):
                continue
            key = form.instance.key or choice_key_from_label(form.cleaned_data.get("label"))
            if key in seen:
                form.add_error(
                    "key",
                    _("Another answer already has the key “%(key)s”. Give each answer its own.")
                    % {"key": key},
                )
            seen.add(key)
        return cleaned_data


class ResultsVisibility(models.TextChoices):
    ALWAYS = "always", _("Always: anyone can see the results")
    AFTER_VOTE = "after_vote", _("After voting: visitors see the results once they have voted")
    AFTER_CLOSE = "after_close", _("After closing: the results are public once the poll closes")
    NEVER = "never", _("Never: only staff see the results, in the admin")


class DuplicateVotePolicy(models.TextChoices):
    BROWSER = "browser", _("One vote per browser (recommended)")
    ADDRESS = "address", _("One vote per internet address (stricter: one per office or family)")


class PollStatus(models.TextChoices):
    NOT_OPEN = "not_open", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


def _shown_pages(now):
    """Pages anyone can read now: live, not expired, no view restriction on them or above."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return (
        Page.objects.filter(live=True, expired=False)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .exclude(Exists(restricted))
    )


class PollQuerySet(models.QuerySet):
    def public(self, now=None):
        """The polls a visitor may read and vote in: those shown somewhere public.

        A poll is public when one of its translations (they share the totals) is on a page
        anyone can read now, or is the side-column poll of a site, or is marked public for
        headless use. Pages are found through Wagtail's reference index, which records every
        poll block in a page's published content. One query, however many pages and votes.
        """
        now = now or timezone.now()
        group = self.model.objects.filter(translation_key=OuterRef(OuterRef("translation_key")))
        from_a_page = Q(
            base_content_type__app_label=Page._meta.app_label,
            base_content_type__model=Page._meta.model_name,
        )
        on_a_page = (
            ReferenceIndex.objects.filter(
                from_a_page,
                to_content_type__app_label=self.model._meta.app_label,
                to_content_type__model=self.model._meta.model_name,
                to_object_id__in=group.values_list(Cast("pk", models.CharField()), flat=True),
            )
            # The source's id as a page id, read only where the source is a page: a reference
            # from another model may have an id that is not a number.
            .annotate(
                page_id=Case(When(from_a_page, then=Cast("object_id", models.IntegerField())))
            )
            .filter(Exists(_shown_pages(now).filter(pk=OuterRef("page_id"))))
        )
        in_a_side_column = WardSettings.objects.filter(
            side_poll__translation_key=OuterRef("translation_key")
        )
        headless = self.model.objects.filter(
            translation_key=OuterRef("translation_key"), public_for_headless=True
        )
        return self.filter(Exists(headless) | Exists(in_a_side_column) | Exists(on_a_page))


class PollMixin(models.Model):
    """Fields and behaviour of a poll; ``Poll`` is the concrete snippet."""

    question = models.CharField(
        _("question"),
        max_length=255,
        help_text=_(
            "The question as citizens will read it, for example “Hồ sơ của quý vị được giải "
            "quyết tại phường:”."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Optional: a sentence under the question that explains why you ask."),
    )
    opens_at = models.DateTimeField(
        _("opens at"),
        null=True,
        blank=True,
        help_text=_("Votes are accepted from this time. Leave empty to open the poll at once."),
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_("No vote is accepted after this time. Leave empty to keep the poll open."),
    )
    results_visibility = models.CharField(
        _("results are public"),
        max_length=20,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.AFTER_VOTE,
        help_text=_("When visitors may see the counts. Staff always see them in the admin."),
    )
    duplicate_policy = models.CharField(
        _("one vote per"),
        max_length=20,
        choices=DuplicateVotePolicy.choices,
        default=DuplicateVotePolicy.BROWSER,
        help_text=_(
            "How a second vote is recognised. “Per internet address” also stops two people "
            "voting from the same office or home network."
        ),
    )
    public_for_headless = models.BooleanField(
        _("public for other websites and apps"),
        default=False,
        help_text=_(
            "Tick this only when another website or a mobile app shows this poll through the "
            "data interface (API). Otherwise the poll can be read and voted in only where "
            "this website shows it: on a published page that everyone may read, or in the "
            "side column."
        ),
    )

    panels = [
        FieldPanel("question"),
        FieldPanel("description"),
        InlinePanel(
            "choices",
            label=_("Answers"),
            min_num=2,
            help_text=_("The answers citizens can pick, in the order they are shown."),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("results_visibility"), FieldPanel("duplicate_policy")],
            heading=_("Results and votes"),
        ),
        FieldPanel("public_for_headless"),
    ]
    search_fields = [index.SearchField("question"), index.AutocompleteField("question")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.question

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The closing time must be later than the opening time.")}
            )

    def status(self, now=None):
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return PollStatus.NOT_OPEN
        if self.closes_at and now >= self.closes_at:
            return PollStatus.CLOSED
        return PollStatus.OPEN

    def is_open(self, now=None):
        return self.status(now) == PollStatus.OPEN

    def results_are_public(self, has_voted=False, now=None):
        """Whether a visitor (who has voted or not) may see the counts now."""
        visibility = self.results_visibility
        if visibility == ResultsVisibility.ALWAYS:
            return True
        if visibility == ResultsVisibility.AFTER_VOTE:
            return has_voted or self.status(now) == PollStatus.CLOSED
        if visibility == ResultsVisibility.AFTER_CLOSE:
            return self.status(now) == PollStatus.CLOSED
        return False

    def votes(self):
        """The votes of every translation of this poll."""
        return PollVote.objects.filter(poll_key=self.translation_key)

    def totals(self):
        """The per-answer totals of every translation of this poll (kept by each vote)."""
        return PollTotal.objects.filter(poll_key=self.translation_key)

    def api_representation(self, request=None, **kwargs):
        """The poll as the API shows it (``wagtail_ward.polls.serializers``)."""
        return poll_representation(self, request, **kwargs)


class Poll(TranslatableMixin, PollMixin, ClusterableModel):
    base_form_class = PollAdminForm

    # Shared by every translation: a vote must meet the same dates and policy in every language.
    shared_fields = (
        "opens_at",
        "closes_at",
        "results_visibility",
        "duplicate_policy",
        "public_for_headless",
    )

    objects = PollQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    # The dates and policies are copied to every translation; only the text is translated.
    translatable_fields = [
        TranslatableField("question"),
        TranslatableField("description"),
        TranslatableField("choices"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("results_visibility"),
        SynchronizedField("duplicate_policy"),
        SynchronizedField("public_for_headless"),
    ]

    def save(self, *args, **kwargs):
        """Save, and give the translations the same dates and policies at once (without
        waiting for the translation to be synchronised)."""
        super().save(*args, **kwargs)
        Poll.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(
            **{name: getattr(self, name) for name in self.shared_fields}
        )


class PollChoice(TranslatableMixin, Orderable):
    """One answer of a poll. ``key`` is shared by all translations and never translated."""

    poll = ParentalKey(
        "wagtail_ward.Poll",
        verbose_name=_("poll"),
        on_delete=models.CASCADE,
        related_name="choices",
    )
    label = models.CharField(
        _("answer"), max_length=255, help_text=_("The answer as citizens will read it.")
    )
    key = models.CharField(
        _("key"),
        max_length=50,
        blank=True,
        validators=[validate_choice_key],
        help_text=_(
            "A short code that identifies this answer in every language and in the results "
            "file. Leave empty to make it from the answer. Do not change it once votes are cast."
        ),
    )

    panels = [FieldPanel("label"), FieldPanel("key")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return self.label

    # The key is copied to every translation as it is: wagtail-localize never offers it.
    translatable_fields = [TranslatableField("label"), SynchronizedField("key")]

    def clean(self):
        super().clean()
        if not self.key:
            self.key = choice_key_from_label(self.label)
            if not self.key:
                raise ValidationError(
                    {"key": _("Write a key for this answer: it could not be made from the text.")}
                )

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = choice_key_from_label(self.label)
        super().save(*args, **kwargs)


class PollVote(models.Model):
    """One vote. Neither the visitor's address nor their voter token is stored: only salted
    HMAC-SHA256 hashes of them, and the address hash can be purged after a while
    (``manage.py purge_poll_ip_hashes``)."""

    poll_key = models.UUIDField(
        _("poll"),
        help_text=_("The translation group of the poll: all its languages count together."),
    )
    choice_key = models.CharField(_("answer"), max_length=50)
    voter_hash = models.CharField(_("voter hash"), max_length=64)
    ip_hash = models.CharField(_("address hash"), max_length=64, null=True, blank=True)
    created_at = models.DateTimeField(_("cast at"), default=timezone.now)

    class Meta:
        verbose_name = _("poll vote")
        verbose_name_plural = _("poll votes")
        constraints = [
            models.UniqueConstraint(
                fields=["poll_key", "voter_hash"], name="wagtail_ward_one_vote_per_voter"
            )
        ]
        indexes = [
            models.Index(fields=["poll_key", "choice_key"], name="wagtail_ward_vote_choice"),
            models.Index(fields=["poll_key", "created_at"], name="wagtail_ward_vote_time"),
        ]

    def __str__(self):
        return f"{self.poll_key} {self.choice_key} {self.created_at:%Y-%m-%d %H:%M}"
