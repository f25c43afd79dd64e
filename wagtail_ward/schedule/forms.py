"""The editor form of a weekly schedule.

It works on the page it is given (``self.instance``) and imports none of the family's models:
the title, the address and the checks of the entries come from the page's own methods.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class WeeklyScheduleForm(WagtailAdminPageForm):
    """The title may stay empty (it is generated) and every entry is checked against the
    schedule's dates, with messages that name the row. The end date before the start date is
    the model's own check (``clean()``), shown on the end date field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "slug"):
            if name in self.fields:
                self.fields[name].required = False
        if "title" in self.fields:
            self.fields["title"].help_text = _(
                "Leave empty to use the standard title, e.g. “Lịch công tác tuần 1 tháng 8 "
                "(từ 03/8/2015 đến 09/8/2015)”."
            )

    def clean(self):
        cleaned_data = super().clean()
        page = self.instance
        start, end = cleaned_data.get("start_date"), cleaned_data.get("end_date")
        slug = None
        if start and end:
            title, slug = page.title_and_slug(start, end)
            if not cleaned_data.get("title"):
                cleaned_data["title"] = title
                page.title_is_generated = True
            else:
                # A title that is still the generated one (for the old or the new dates) stays
                # generated and follows the dates; anything else is the editor's own title.
                generated = {title}
                if page.start_date and page.end_date:
                    generated.add(page.title_and_slug(page.start_date, page.end_date)[0])
                page.title_is_generated = cleaned_data["title"] in generated
        if not cleaned_data.get("slug") and slug:
            cleaned_data["slug"] = slug
            if self.parent_page is not None and not type(page)._slug_is_available(
                slug, self.parent_page, page
            ):
                self.add_error(
                    "slug",
                    _("The address “%(slug)s” is already used by another schedule.")
                    % {"slug": slug},
                )
        entries = self.formsets.get("entries")
        if entries is not None and start and end:
            # The inline forms are validated after this form: validate them now to check them.
            entries.is_valid()
            rows = [
                form
                for form in entries.forms
                if getattr(form, "cleaned_data", None)
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("date")
            ]
            for row, field, message in page.entry_problems(
                start, end, [form.cleaned_data for form in rows]
            ):
                rows[row - 1].add_error(field, message)
                self.add_error(None, message)
        return cleaned_data
