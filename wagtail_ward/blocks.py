"""The shared body blocks: what any page body of a ward site may contain.

Built from Wagtail's standard blocks so that wagtail-localize offers every text for translation.
Blocks that point at an object (an image, a document) return the object in the API, not an id.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_("Use Heading 2 for a main section and Heading 3 for a part of it."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "wagtail_ward/blocks/heading.html"
        description = _("A section heading inside the text.")
        preview_value = {"text": "Thành phần hồ sơ", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "Describe the picture for readers who cannot see it. "
            "Leave empty to use the image title."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "wagtail_ward/blocks/image.html"
        description = _("A picture with an optional caption below it.")

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        result = {
            "alt_text": value.get("alt_text") or (image.title if image else ""),
            "caption": value.get("caption", ""),
            "image": None,
        }
        if image:
            rendition = image.get_rendition("max-1200x1200|format-webp")
            result["image"] = {
                "id": image.pk,
                "title": image.title,
                "url": rendition.url,
                "width": rendition.width,
                "height": rendition.height,
            }
        return result


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Said by"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "wagtail_ward/blocks/quote.html"
        description = _("Words quoted from a person or a document.")
        preview_value = {
            "text": "Hồ sơ được giải quyết đúng hẹn là thước đo của một chính quyền phục vụ.",
            "attribution": "Chủ tịch UBND phường",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the document title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "wagtail_ward/blocks/document.html"
        description = _("A link to download a document, with its type and size.")

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        if document is None:
            return {"title": value.get("title", ""), "document": None}
        return {
            "title": value.get("title") or document.title,
            "document": {
                "id": document.pk,
                "title": document.title,
                "url": document.url,
                "file_extension": document.file_extension,
                "file_size": document.get_file_size(),
            },
        }


class PollBlock(blocks.StructBlock):
    """An opinion poll inside the page: the question, the answers and, when public, the results.

    wagtail-localize points the English page at the poll's English translation.
    """

    # What it renders depends on the visitor (the form, "you have voted") and on the votes:
    # a body that holds one is never kept as rendered text (``body_keeps``).
    renders_per_visitor = True

    poll = SnippetChooserBlock(
        "wagtail_ward.Poll",
        label=_("Poll"),
        help_text=_("Choose a poll from Snippets → Polls, or create one there first."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Opinion poll")
        template = "wagtail_ward/polls/poll_block.html"
        description = _("A question citizens answer by choosing one answer; shows the results.")

    def get_api_representation(self, value, context=None):
        poll = value.get("poll") if value else None
        if poll is None:
            return {"poll": None}
        request = (context or {}).get("request")
        # Only what anyone may see: results are included when they are public to everyone.
        return {"poll": poll.api_representation(request)}


def _per_visitor(block):
    """Whether ``block`` (or a block inside it) renders differently per visitor."""
    if getattr(block, "renders_per_visitor", False):
        return True
    children = list(getattr(block, "child_blocks", {}).values())
    if getattr(block, "child_block", None) is not None:  # a list
        children.append(block.child_block)
    return any(_per_visitor(child) for child in children)


def body_keeps(stream_value):
    """Whether the rendered ``stream_value`` (a page's body) may be kept and served to every
    visitor (``{% ward_page_cache ... when=... %}``): none of its blocks renders per visitor.
    Reads the stored block types only: no query, no block is built."""
    stream_block = stream_value.stream_block
    per_visitor = stream_block.__dict__.get("_ward_per_visitor")
    if per_visitor is None:
        per_visitor = stream_block.__dict__["_ward_per_visitor"] = frozenset(
            name for name, child in stream_block.child_blocks.items() if _per_visitor(child)
        )
    if not per_visitor:
        return True
    return not any(item["type"] in per_visitor for item in stream_value.raw_data)


class WardBodyBlock(blocks.StreamBlock):
    """The body of a ward page. Page families extend it by subclassing."""

    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"],
        template="wagtail_ward/blocks/paragraph.html",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    table = TableBlock(
        label=_("Table"),
        template="wagtail_ward/blocks/table.html",
        table_options={"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False},
    )
    embed = EmbedBlock(label=_("Video or embedded content"), max_width=800)
    poll = PollBlock()

    class Meta:
        label = _("Body")
