"""The organisation page (“Cơ cấu tổ chức”): structure, functions and tasks, the leaders with
their photo, post and office contact, and the departments, as Decree 42/2022/NĐ-CP asks a state
agency's website to publish."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class OrganisationPageMixin(models.Model):
    """Fields and behaviour of the organisation page."""

    intro = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in search results."),
    )
    structure = RichTextField(
        _("structure"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("How the unit is organised: the People's Council, the People's Committee, …"),
    )
    functions = RichTextField(
        _("functions and tasks"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("What the unit is responsible for, as its founding decision says."),
    )
    chart = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("organisation chart"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional picture of the organisation chart."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("structure"),
        FieldPanel("chart"),
        FieldPanel("functions"),
        InlinePanel("leaders", heading=_("Leaders"), label=_("leader")),
        InlinePanel("departments", heading=_("Departments"), label=_("department")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("structure"),
        index.SearchField("functions"),
    ]

    class Meta:
        abstract = True

    def leader_list(self):
        """The leaders in their order, with their photos and renditions, in two queries."""
        return (
            self.leaders.select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("sort_order")
        )

    def department_list(self):
        return self.departments.order_by("sort_order")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["leaders"] = list(self.leader_list())
        context["departments"] = list(self.department_list())
        return context


class LeaderSerializer(serializers.Serializer):
    """A leader in the API: the post and the office contact, the photo as a small rendition."""

    def to_representation(self, leader):
        return leader_data(leader, self.context.get("request"))


def leader_data(leader, request=None):
    photo = None
    if leader.photo is not None:
        rendition = leader.photo.get_rendition("fill-240x300")
        url = rendition.url
        photo = {
            "url": request.build_absolute_uri(url) if request is not None else url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": leader.name,
        }
    return {
        "name": leader.name,
        "post": leader.post,
        "phone": leader.phone,
        "email": leader.email,
        "tasks": leader.tasks,
        "photo": photo,
    }


class OrganisationPage(OrganisationPageMixin, Page):  # noqa: DJ008 (Page has __str__)
    template = "wagtail_ward/organisation/organisation_page.html"
    subpage_types = []

    api_fields = [
        APIField("intro"),
        APIField("structure"),
        APIField("functions"),
        APIField("leaders", serializer=LeaderSerializer(many=True, source="leader_list")),
        APIField("departments"),
    ]

    class Meta:
        verbose_name = _("organisation page")
        verbose_name_plural = _("organisation pages")


class OrganisationLeader(TranslatableMixin, Orderable):
    """A leader of the unit: name, post, photo and the office phone and e-mail of the post."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="leaders")
    name = models.CharField(_("full name"), max_length=255)
    post = models.CharField(
        _("post"), max_length=255, help_text=_("e.g. “Chủ tịch Ủy ban nhân dân phường”.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait, at least 240×300 pixels."),
    )
    phone = models.CharField(
        _("office phone"),
        max_length=50,
        blank=True,
        help_text=_("The phone number of the post at the office, published on the website."),
    )
    email = models.EmailField(
        _("official e-mail"),
        blank=True,
        help_text=_("The official e-mail of the post, published on the website."),
    )
    tasks = models.TextField(
        pgettext_lazy("duties of a leader or department", "tasks"),
        blank=True,
        help_text=_("The fields this leader is in charge of."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("post"),
        FieldPanel("photo"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("tasks"),
    ]
    api_fields = [
        APIField("name"),
        APIField("post"),
        APIField("phone"),
        APIField("email"),
        APIField("tasks"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self):
        return f"{self.name} – {self.post}"


class OrganisationDepartment(TranslatableMixin, Orderable):
    """A department or office of the unit, with its head and contact."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(_("name"), max_length=255)
    head = models.CharField(
        _("head"), max_length=255, blank=True, help_text=_("Name and post of the head.")
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    description = models.TextField(
        pgettext_lazy("duties of a leader or department", "tasks"),
        blank=True,
        help_text=_("What citizens can ask this department for."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("head"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("description"),
    ]
    api_fields = [
        APIField("name"),
        APIField("head"),
        APIField("phone"),
        APIField("email"),
        APIField("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self):
        return self.name
