"""``meta.translations`` of every page in the ward API: the page in the other languages.

``{"en": {"id", "detail_url", "html_url"}}`` for each other language the page exists in, live
and public (from the endpoint's own base queryset, so a draft, private or unpublished
translation is never named); ``{}`` when there is none. A listing loads the translations of
all its pages in one query (``load_translations``, called by ``WardPagesAPIViewSet``).
"""

from django.urls import NoReverseMatch
from rest_framework.fields import Field
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import get_object_detail_url

# The attribute of a page where its loaded translations wait for the serializer.
ATTRIBUTE = "_ward_translations"


def load_translations(pages, base_queryset):
    """Attach to each of ``pages`` the live, public translations in ``base_queryset``
    (one query for all of them)."""
    pages = [page for page in pages if getattr(page, "translation_key", None)]
    if not pages:
        return
    found = {}
    rows = (
        base_queryset.filter(translation_key__in={page.translation_key for page in pages})
        .select_related("locale")
        .order_by("locale__language_code", "pk")
    )
    for row in rows:
        found.setdefault(row.translation_key, []).append(row)
    for page in pages:
        others = [
            row
            for row in found.get(page.translation_key, ())
            if row.pk != page.pk and row.locale_id != page.locale_id
        ]
        setattr(page, ATTRIBUTE, others)


class PageTranslationsField(Field):
    """Serializes ``meta.translations``: ``{language code: {"id", "detail_url", "html_url"}}``."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if not hasattr(page, ATTRIBUTE):
            # A page serialized outside the viewset's bulk loading (one page: one query).
            view = self.context["view"]
            load_translations([page], view.get_base_queryset())
        router = self.context["router"]
        request = self.context["request"]
        answer = {}
        for translation in getattr(page, ATTRIBUTE):
            try:
                html_url = translation.full_url
            except NoReverseMatch:
                html_url = None
            answer[translation.locale.language_code] = {
                "id": translation.pk,
                "detail_url": get_object_detail_url(router, request, type(page), translation.pk),
                "html_url": html_url,
            }
        return answer


class WardPageSerializer(PageSerializer):
    """Wagtail's page serializer with ``meta.translations``."""

    translations = PageTranslationsField(read_only=True)
