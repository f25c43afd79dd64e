"""The reviewers' group gets its Vietnamese name, the one the ward's administrators read in the
admin ("Người duyệt hồ sơ đào tạo"). A site where the group was renamed already, or where a
group of that name exists, keeps its groups as they are."""

from django.db import migrations

OLD_NAME = "Training reviewers"
NEW_NAME = "Người duyệt hồ sơ đào tạo"


def _rename(apps, old, new):
    Group = apps.get_model("auth", "Group")
    if Group.objects.filter(name=new).exists():
        return
    Group.objects.filter(name=old).update(name=new)


def to_vietnamese(apps, schema_editor):
    _rename(apps, OLD_NAME, NEW_NAME)


def to_english(apps, schema_editor):
    _rename(apps, NEW_NAME, OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_ward_training", "0002_reviewers_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(to_vietnamese, to_english)]
