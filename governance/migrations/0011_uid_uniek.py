"""Step 3 of 3: the uid is required and unique; a new meeting draws its own."""

import uuid

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0010_uid_vullen'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalvergadering',
            name='uid',
            field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False, verbose_name="kenmerk in agenda's"),
        ),
        migrations.AlterField(
            model_name='vergadering',
            name='uid',
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="kenmerk in agenda's"),
        ),
    ]
