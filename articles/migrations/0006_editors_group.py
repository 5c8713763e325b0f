"""The "Editors" group: exactly the permissions tag curation needs."""
from django.db import migrations

EDITOR_PERMISSIONS = {
    "article": ["view", "change"],
    "reviewqueue": ["view", "change"],
    "articleperson": ["view", "add", "change", "delete"],
    "articlecountry": ["view", "add", "change", "delete"],
    "articletopic": ["view", "add", "change", "delete"],
    "person": ["view", "change"],
    "country": ["view", "change"],
    "topic": ["view", "change"],
    "rejectedname": ["view", "add", "delete"],
    "tagchange": ["view"],
    "entitymerge": ["view", "change"],  # undo merges
}


def create_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the group needs them now.
    config = apps.get_app_config("articles")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    group.permissions.set(Permission.objects.filter(content_type__app_label="articles", codename__in=codenames))


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_entity_merges"), ("auth", "0012_alter_user_first_name_max_length"),
                    ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(create_editors, remove_editors)]
