"""The citizens' questions page (“Hỏi đáp”): a public form, the questions an editor answers in
the admin, and the published questions and answers, with search and pagination.

What a citizen sends is stored in ``CitizenQuestion``: the question, and a name and e-mail only
if they give them, for the office's answer. None of these is ever published: an editor writes
the published wording of the question (without names or addresses) beside the answer, and the
asker's name and e-mail are erased when the question is published or closed. The client address
is never stored; the rate limit hashes it into a cache key.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..conf import ward_setting
from ..dates import ward_today
from ..params import BadParameter, bad_request, positive_int, search_text
from ..question_form import QuestionForm
from ..ratelimit import retry_after, too_many_requests


class QuestionStatus(models.TextChoices):
    NEW = "new", _("new")
    PUBLISHED = "published", _("answered and published")
    CLOSED = "closed", _("closed without publishing")


class PublishedQuestionSerializer(serializers.Serializer):
    def to_representation(self, question):
        return {
            "question": question.published_question,
            "answer": question.answer,
            "answered_on": question.answered_on.isoformat() if question.answered_on else None,
        }


class CitizenQuestionsPageMixin(models.Model):
    """Fields and behaviour of the citizens' questions page."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What citizens may ask here and how soon the office answers."),
    )
    thanks = models.CharField(
        _("thank-you message"),
        max_length=500,
        blank=True,
        help_text=_("Shown after a question is sent. Empty: a standard message."),
    )
    per_page = models.PositiveSmallIntegerField(
        _("questions per page"), default=10, help_text=_("How many answers each page lists.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("thanks"),
        FieldPanel("per_page"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    def published_questions(self):
        return CitizenQuestion.objects.filter(
            page_id=self.pk, status=QuestionStatus.PUBLISHED
        ).order_by("-answered_on", "-pk")

    def latest_published_questions(self):
        return self.published_questions()[: self.per_page]

    def serve(self, request, *args, **kwargs):
        try:
            query = search_text(request.GET, "q", max_length=200)
            number = positive_int(request.GET, "page", default=1)
        except BadParameter as error:
            return bad_request(error, json=False)
        status = 200
        sent = False
        if request.method == "POST":
            form = QuestionForm(request.POST)
            rate = ward_setting("QUESTION_RATE")
            if too_many_requests(request, "wagtail_ward.questions", rate):
                seconds = retry_after(rate)
                form.add_error(
                    None,
                    gettext(
                        "Too many questions from your connection. Please try again in "
                        "%(seconds)s seconds."
                    )
                    % {"seconds": seconds},
                )
                status = 429
            elif form.is_valid():
                with transaction.atomic():
                    CitizenQuestion.objects.create(
                        page_id=self.pk,
                        question=form.cleaned_data["question"],
                        asker_name=form.cleaned_data["name"],
                        asker_email=form.cleaned_data["email"],
                    )
                sent = True
                form = QuestionForm()
            else:
                status = 400
        else:
            form = QuestionForm()
        questions = self.published_questions()
        if query:
            questions = questions.filter(
                Q(published_question__icontains=query) | Q(answer__icontains=query)
            )
        paginator = Paginator(questions, self.per_page)
        context = self.get_context(request, *args, **kwargs)
        context.update(
            {
                "form": form,
                "sent": sent,
                "questions": paginator.get_page(number),
                "paginator": paginator,
                "search_query": query,
            }
        )
        response = render(request, self.get_template(request), context, status=status)
        if status == 429:
            response["Retry-After"] = str(retry_after(ward_setting("QUESTION_RATE")))
        return response


class CitizenQuestionsPage(CitizenQuestionsPageMixin, Page):  # noqa: DJ008 (Page has __str__)
    template = "wagtail_ward/questions/questions_page.html"
    subpage_types = []

    api_fields = [
        APIField("intro"),
        APIField("per_page"),
        APIField(
            "published_questions",
            serializer=PublishedQuestionSerializer(many=True, source="latest_published_questions"),
        ),
    ]

    class Meta:
        verbose_name = _("citizens' questions page")
        verbose_name_plural = _("citizens' questions pages")


class CitizenQuestion(models.Model):
    """A question sent through a questions page, answered (and perhaps published) by an editor."""

    page = models.ForeignKey(
        "wagtail_ward.CitizenQuestionsPage",
        verbose_name=_("questions page"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    submitted_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    question = models.TextField(
        _("question as sent"), help_text=_("What the citizen wrote. Never published.")
    )
    asker_name = models.CharField(
        _("name of the asker"),
        max_length=100,
        blank=True,
        help_text=_("Erased when the question is published or closed. Never published."),
    )
    asker_email = models.EmailField(
        _("e-mail of the asker"),
        blank=True,
        help_text=_(
            "For the office's answer. Erased when the question is published or closed. "
            "Never published."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=QuestionStatus.choices,
        default=QuestionStatus.NEW,
        db_index=True,
        help_text=_(
            "“Answered and published” shows the question and answer on the website. "
            "Publishing or closing erases the asker's name and e-mail."
        ),
    )
    published_question = models.TextField(
        _("question as published"),
        blank=True,
        help_text=_(
            "The question as the website shows it: remove names, addresses, phone numbers "
            "and anything else that identifies a person."
        ),
    )
    answer = RichTextField(_("answer"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    answered_on = models.DateField(
        _("answered on"), null=True, blank=True, help_text=_("Shown beside the answer.")
    )

    panels = [
        FieldPanel("question", read_only=True),
        FieldPanel("asker_name", read_only=True),
        FieldPanel("asker_email", read_only=True),
        FieldPanel("published_question"),
        FieldPanel("answer"),
        FieldPanel("answered_on"),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("citizen's question")
        verbose_name_plural = _("citizens' questions")
        ordering = ["-submitted_at"]

    def __str__(self):
        text = self.published_question or self.question
        return text if len(text) <= 80 else text[:79] + "…"

    def save(self, *args, **kwargs):
        if self.status != QuestionStatus.NEW:
            self.asker_name = ""
            self.asker_email = ""
        if self.status == QuestionStatus.PUBLISHED and self.answered_on is None:
            self.answered_on = ward_today()
        super().save(*args, **kwargs)

    def clean(self):
        if self.status == QuestionStatus.PUBLISHED:
            errors = {}
            if not self.published_question.strip():
                errors["published_question"] = _("Write the question as it will be published.")
            if not self.answer.strip():
                errors["answer"] = _("A published question needs its answer.")
            if errors:
                raise ValidationError(errors)
