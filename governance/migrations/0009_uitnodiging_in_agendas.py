"""The calendar entry of a meeting: a stable uid, the volgnummer (SEQUENCE) and when the
invitation went out. The uid comes in three steps (0009 adds it empty, 0010 fills it, 0011
makes it unique), so that every existing meeting gets its own."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0008_e_mailadressen'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalvergadering',
            name='uid',
            field=models.UUIDField(editable=False, null=True, verbose_name="kenmerk in agenda's"),
        ),
        migrations.AddField(
            model_name='historicalvergadering',
            name='uitnodiging_verzonden_op',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='uitnodiging verzonden op'),
        ),
        migrations.AddField(
            model_name='historicalvergadering',
            name='volgnummer',
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name='volgnummer van de uitnodiging'),
        ),
        migrations.AddField(
            model_name='vergadering',
            name='uid',
            field=models.UUIDField(editable=False, null=True, verbose_name="kenmerk in agenda's"),
        ),
        migrations.AddField(
            model_name='vergadering',
            name='uitnodiging_verzonden_op',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='uitnodiging verzonden op'),
        ),
        migrations.AddField(
            model_name='vergadering',
            name='volgnummer',
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name='volgnummer van de uitnodiging'),
        ),
        migrations.AlterField(
            model_name='historicalvergadering',
            name='status',
            field=models.CharField(choices=[('gepland', 'Gepland'), ('agenda_verzonden', 'Agenda verzonden'), ('gehouden', 'Gehouden'), ('verslag_vastgesteld', 'Verslag vastgesteld'), ('geannuleerd', 'Geannuleerd')], default='gepland', max_length=30, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='vergadering',
            name='status',
            field=models.CharField(choices=[('gepland', 'Gepland'), ('agenda_verzonden', 'Agenda verzonden'), ('gehouden', 'Gehouden'), ('verslag_vastgesteld', 'Verslag vastgesteld'), ('geannuleerd', 'Geannuleerd')], default='gepland', max_length=30, verbose_name='status'),
        ),
    ]
