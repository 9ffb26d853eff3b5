"""Step 2 of 3: every existing meeting its own uid; its history rows the same one."""

import uuid

from django.db import migrations


def fill_uids(apps, schema_editor):
    Vergadering = apps.get_model("governance", "Vergadering")
    Historical = apps.get_model("governance", "HistoricalVergadering")
    for vergadering in Vergadering.objects.filter(uid__isnull=True).only("pk"):
        vergadering.uid = uuid.uuid4()
        vergadering.save(update_fields=["uid"])
        Historical.objects.filter(id=vergadering.pk).update(uid=vergadering.uid)
    # History of meetings deleted since: any uid, each its own.
    for row in Historical.objects.filter(uid__isnull=True).only("history_id"):
        Historical.objects.filter(history_id=row.history_id).update(uid=uuid.uuid4())



class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0009_uitnodiging_in_agendas'),
    ]

    operations = [
        migrations.RunPython(fill_uids, migrations.RunPython.noop, elidable=True),
    ]
