"""Blocks of the training programme page: the items of its structured lists."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ListItemBlock(blocks.TextBlock):
    """One item of a list (a criterion, a benefit, an obligation): plain text, translatable."""

    class Meta:
        icon = "list-ul"
        label = _("Item")
        template = "wagtail_ward/training/blocks/list_item.html"
        preview_value = "Tuổi đời dưới 30 (công chức không quá 35 tuổi)."
        description = _("One line of the list, e.g. one criterion or one benefit.")


class ProgrammeListBlock(blocks.StreamBlock):
    """A list of plain-text items, in the order the editor gives."""

    item = ListItemBlock()

    class Meta:
        label = _("List")

    def get_api_representation(self, value, context=None):
        # The items as a list of strings: the order is the meaning.
        return [child.value for child in value]
