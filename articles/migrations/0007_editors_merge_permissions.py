from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("articles")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="articles", codename__in=["view_entitymerge", "change_entitymerge"]
    ))


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_entity_merges")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
