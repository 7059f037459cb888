import django.utils.timezone
from django.db import migrations, models

HELP = (
    "Last change of the case or of what its page shows beside it (timeline.page_changes): "
    "the version its cached head is kept under."
)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_company_alias"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="updated",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, help_text=HELP),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcase",
            name="updated",
            field=models.DateTimeField(blank=True, default=django.utils.timezone.now, editable=False, help_text=HELP),
            preserve_default=False,
        ),
    ]
