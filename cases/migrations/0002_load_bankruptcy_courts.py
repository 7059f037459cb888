from django.db import migrations


def load(apps, schema_editor):
    from cases.reference import load_bankruptcy_courts

    load_bankruptcy_courts(apps.get_model("cases", "Court"))


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
