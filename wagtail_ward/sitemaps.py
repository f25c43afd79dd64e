"""The XML sitemap: every live, public page of the site in every language, with alternates.

``sitemap_view`` serves ``/sitemap.xml`` (and its pages, ``?p=``) from the cache, kept under the
content token of the request's site (``wagtail_ward.feeds.kept_answer``): a publish, an
unpublish, a move or a view restriction in the site replaces the token and the next request
builds the sitemap afresh; until then it costs no query of the page tree.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Locale

from .feeds import kept_answer
from .public import public_q


class WardSitemap(Sitemap):
    """Wagtail's sitemap, extended to the translations of the site's home page.

    Each URL lists the page's translations as ``<xhtml:link rel="alternate" hreflang=…>``, plus an
    ``x-default`` pointing at the default-language page.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        # The model that holds the locale field is the project's page model (swappable in 8).
        page_model = root.get_translation_model()
        tree = Q()
        for translated_root in root.get_translations(inclusive=True).only("path"):
            tree |= Q(path__startswith=translated_root.path)
        return (
            page_model.objects.filter(tree)
            .live()
            .filter(public_q(self.request))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates(pages)
        urls = []
        last_mods = set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                links = alternates.get(item.translation_key, [])
                if len(links) > 2:  # at least two languages besides x-default
                    url_info["alternates"] = links
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates(self, pages):
        """Translation links for ``pages`` in one query: {translation_key: [links]}."""
        if not pages:
            return {}
        translations = (
            pages[0]
            .get_translation_model()
            .objects.filter(translation_key__in={item.translation_key for item in pages})
            .live()
            .filter(public_q(self.request))
            .select_related("locale")
            .order_by("locale__language_code")
        )
        default_locale_id = Locale.get_default().pk
        links = defaultdict(list)
        defaults = {}
        for translation in translations:
            location = translation.get_full_url(self.request)
            if location is None:
                continue
            links[translation.translation_key].append(
                {"location": location, "lang_code": translation.locale.language_code}
            )
            if translation.locale_id == default_locale_id:
                defaults[translation.translation_key] = location
        for key, location in defaults.items():
            links[key].append({"location": location, "lang_code": "x-default"})
        return links


def sitemap_view(request, **kwargs):
    """``/sitemap.xml``: Wagtail's sitemap view, kept until the next change of the site."""
    number = request.GET.get("p", "1")
    # A page number that is not one is answered 404 by the view, and never kept.
    vary = [str(int(number))] if number.isascii() and number.isdigit() else [number]

    def build():
        return sitemap(request, sitemaps={"pages": WardSitemap}, **kwargs)

    return kept_answer(request, "sitemap", build, vary)
