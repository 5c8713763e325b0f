from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_byline_story_anchors"),
    ]

    operations = [
        migrations.CreateModel(
            name="LoginAttempts",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=64, unique=True)),
                ("count", models.PositiveIntegerField(default=0)),
                (
                    "started",
                    models.FloatField(help_text="When the current window began (Unix time)."),
                ),
            ],
            options={
                "verbose_name_plural": "login attempts",
            },
        ),
    ]
