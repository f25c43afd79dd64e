from django.db import migrations


class Migration(migrations.Migration):
    """``NewsIndexPage.page_size`` becomes ``per_page``, the name every family uses; the
    column is renamed, the values kept."""

    dependencies = [
        ("wagtail_ward_news", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(
            model_name="newsindexpage",
            old_name="page_size",
            new_name="per_page",
        ),
    ]
