"""The migrations 0001-0004 of programma in one (Regiekamer as released before the
partijen app): a new database is made in seconds instead of replaying each step; a database
that has applied only some of them goes on with the originals."""

import django.db.models.deletion
import regiekamer.fields
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("programma", "0001_initial"),
        ("programma", "0002_versie"),
        ("programma", "0003_verzender_blijft"),
        ("programma", "0004_getallen_nederlands"),
    ]

    dependencies = [
        ("convenant", "0001_squashed_0009_getallen_nederlands"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Budgetpost",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("nummer", models.PositiveSmallIntegerField(verbose_name="nummer")),
                ("omschrijving", models.CharField(max_length=200, verbose_name="omschrijving")),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                (
                    "bedrag",
                    regiekamer.fields.BedragField(
                        blank=True,
                        decimal_places=2,
                        max_digits=12,
                        null=True,
                        verbose_name="bedrag (€)",
                    ),
                ),
                ("pm", models.BooleanField(default=False, verbose_name="PM (pro memorie)")),
                (
                    "verplicht",
                    regiekamer.fields.BedragField(
                        decimal_places=2,
                        default=0,
                        help_text="Aangegane verplichtingen die nog niet zijn betaald.",
                        max_digits=12,
                        verbose_name="verplicht (€)",
                    ),
                ),
                (
                    "besteed",
                    regiekamer.fields.BedragField(
                        decimal_places=2, default=0, max_digits=12, verbose_name="besteed (€)"
                    ),
                ),
            ],
            options={
                "verbose_name": "budgetpost",
                "verbose_name_plural": "budgetposten",
                "ordering": ["plan", "nummer"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalBudgetpost",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("nummer", models.PositiveSmallIntegerField(verbose_name="nummer")),
                ("omschrijving", models.CharField(max_length=200, verbose_name="omschrijving")),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                (
                    "bedrag",
                    regiekamer.fields.BedragField(
                        blank=True,
                        decimal_places=2,
                        max_digits=12,
                        null=True,
                        verbose_name="bedrag (€)",
                    ),
                ),
                ("pm", models.BooleanField(default=False, verbose_name="PM (pro memorie)")),
                (
                    "verplicht",
                    regiekamer.fields.BedragField(
                        decimal_places=2,
                        default=0,
                        help_text="Aangegane verplichtingen die nog niet zijn betaald.",
                        max_digits=12,
                        verbose_name="verplicht (€)",
                    ),
                ),
                (
                    "besteed",
                    regiekamer.fields.BedragField(
                        decimal_places=2, default=0, max_digits=12, verbose_name="besteed (€)"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical budgetpost",
                "verbose_name_plural": "historical budgetposten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOpdracht",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                (
                    "nummer",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Leeg als het thema één opdracht zonder nummer heeft.",
                        null=True,
                        verbose_name="nummer binnen het thema",
                    ),
                ),
                (
                    "stap",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="stap"),
                ),
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                (
                    "omschrijving",
                    models.TextField(blank=True, verbose_name="omschrijving opdracht"),
                ),
                ("kaders", models.TextField(blank=True, verbose_name="kaders en uitgangspunten")),
                (
                    "beschikbare_documentatie",
                    models.TextField(blank=True, verbose_name="beschikbare documentatie"),
                ),
                ("financiering", models.TextField(blank=True, verbose_name="financiële middelen")),
                (
                    "bedrag",
                    regiekamer.fields.BedragField(
                        blank=True,
                        decimal_places=2,
                        max_digits=12,
                        null=True,
                        verbose_name="bedrag (€)",
                    ),
                ),
                (
                    "pm",
                    models.BooleanField(default=False, verbose_name="PM (bedrag nog niet bekend)"),
                ),
                (
                    "verantwoordelijk_uitvoerder",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="verantwoordelijk uitvoerder"
                    ),
                ),
                (
                    "samenstelling_uitvoerders",
                    models.TextField(blank=True, verbose_name="samenstelling uitvoerders"),
                ),
                (
                    "personele_capaciteit",
                    models.TextField(blank=True, verbose_name="personele capaciteit"),
                ),
                (
                    "relatie_toelichting",
                    models.TextField(
                        blank=True, verbose_name="relatie met andere projecten/opdrachten"
                    ),
                ),
                (
                    "bedrijfsvoeringsaspecten",
                    models.TextField(blank=True, verbose_name="bedrijfsvoeringsaspecten"),
                ),
                ("start", models.DateField(blank=True, null=True, verbose_name="start")),
                ("eind", models.DateField(blank=True, null=True, verbose_name="einde")),
                ("risicos", models.TextField(blank=True, verbose_name="risico's")),
                (
                    "planningsvolgorde",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="regel in de planning"
                    ),
                ),
                (
                    "te_controleren",
                    models.BooleanField(
                        default=False,
                        help_text="Bij de invoer viel iets op dat een mens moet nakijken (zie opmerking).",
                        verbose_name="controleren",
                    ),
                ),
                (
                    "controle_opmerking",
                    models.TextField(blank=True, verbose_name="opmerking bij controle"),
                ),
                (
                    "startbijeenkomst_op",
                    models.DateField(
                        blank=True, null=True, verbose_name="startbijeenkomst gehouden op"
                    ),
                ),
                (
                    "geaccordeerd_op",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="resultaat startbijeenkomst geaccordeerd door de stuurgroep op",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical opdracht",
                "verbose_name_plural": "historical opdrachten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProgrammaplan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                ("jaar_van", models.PositiveSmallIntegerField(verbose_name="van jaar")),
                ("jaar_tot", models.PositiveSmallIntegerField(verbose_name="tot en met jaar")),
                ("versie", models.PositiveSmallIntegerField(default=1, verbose_name="versie")),
                ("datum", models.DateField(blank=True, null=True, verbose_name="datum")),
                ("van", models.CharField(blank=True, max_length=200, verbose_name="van")),
                ("voor", models.CharField(blank=True, max_length=200, verbose_name="voor")),
                (
                    "aanleiding",
                    models.TextField(blank=True, verbose_name="aanleiding en achtergrond"),
                ),
                (
                    "programmamanager",
                    models.CharField(
                        blank=True,
                        help_text="Leeg: nog niet aangesteld.",
                        max_length=200,
                        verbose_name="programmamanager",
                    ),
                ),
                (
                    "kwartiermaker",
                    models.CharField(blank=True, max_length=200, verbose_name="kwartiermaker"),
                ),
                (
                    "rapportage_interval_maanden",
                    models.PositiveSmallIntegerField(
                        default=2,
                        help_text="De programmamanager rapporteert zo vaak aan de stuurgroep.",
                        verbose_name="rapportage elke … maanden",
                    ),
                ),
                ("bron", models.TextField(blank=True, verbose_name="bron")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical programmaplan",
                "verbose_name_plural": "historical programmaplannen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Opdracht",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                (
                    "nummer",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Leeg als het thema één opdracht zonder nummer heeft.",
                        null=True,
                        verbose_name="nummer binnen het thema",
                    ),
                ),
                (
                    "stap",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="stap"),
                ),
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                (
                    "omschrijving",
                    models.TextField(blank=True, verbose_name="omschrijving opdracht"),
                ),
                ("kaders", models.TextField(blank=True, verbose_name="kaders en uitgangspunten")),
                (
                    "beschikbare_documentatie",
                    models.TextField(blank=True, verbose_name="beschikbare documentatie"),
                ),
                ("financiering", models.TextField(blank=True, verbose_name="financiële middelen")),
                (
                    "bedrag",
                    regiekamer.fields.BedragField(
                        blank=True,
                        decimal_places=2,
                        max_digits=12,
                        null=True,
                        verbose_name="bedrag (€)",
                    ),
                ),
                (
                    "pm",
                    models.BooleanField(default=False, verbose_name="PM (bedrag nog niet bekend)"),
                ),
                (
                    "verantwoordelijk_uitvoerder",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="verantwoordelijk uitvoerder"
                    ),
                ),
                (
                    "samenstelling_uitvoerders",
                    models.TextField(blank=True, verbose_name="samenstelling uitvoerders"),
                ),
                (
                    "personele_capaciteit",
                    models.TextField(blank=True, verbose_name="personele capaciteit"),
                ),
                (
                    "relatie_toelichting",
                    models.TextField(
                        blank=True, verbose_name="relatie met andere projecten/opdrachten"
                    ),
                ),
                (
                    "bedrijfsvoeringsaspecten",
                    models.TextField(blank=True, verbose_name="bedrijfsvoeringsaspecten"),
                ),
                ("start", models.DateField(blank=True, null=True, verbose_name="start")),
                ("eind", models.DateField(blank=True, null=True, verbose_name="einde")),
                ("risicos", models.TextField(blank=True, verbose_name="risico's")),
                (
                    "planningsvolgorde",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="regel in de planning"
                    ),
                ),
                (
                    "te_controleren",
                    models.BooleanField(
                        default=False,
                        help_text="Bij de invoer viel iets op dat een mens moet nakijken (zie opmerking).",
                        verbose_name="controleren",
                    ),
                ),
                (
                    "controle_opmerking",
                    models.TextField(blank=True, verbose_name="opmerking bij controle"),
                ),
                (
                    "startbijeenkomst_op",
                    models.DateField(
                        blank=True, null=True, verbose_name="startbijeenkomst gehouden op"
                    ),
                ),
                (
                    "geaccordeerd_op",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="resultaat startbijeenkomst geaccordeerd door de stuurgroep op",
                    ),
                ),
                (
                    "hoofdopdracht",
                    models.ForeignKey(
                        blank=True,
                        help_text="Alleen bij een stap van een opdracht.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="stappen",
                        to="programma.opdracht",
                        verbose_name="hoofdopdracht",
                    ),
                ),
                (
                    "relaties",
                    models.ManyToManyField(
                        blank=True,
                        to="programma.opdracht",
                        verbose_name="relaties met andere opdrachten",
                    ),
                ),
            ],
            options={
                "verbose_name": "opdracht",
                "verbose_name_plural": "opdrachten",
                "ordering": [
                    "thema__plan",
                    "thema__nummer",
                    models.OrderBy(models.F("nummer"), nulls_first=True),
                    models.OrderBy(models.F("stap"), nulls_first=True),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalResultaat",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("volgorde", models.PositiveSmallIntegerField(default=1, verbose_name="volgorde")),
                ("tekst", models.TextField(verbose_name="resultaat")),
                ("geleverd", models.BooleanField(default=False, verbose_name="geleverd")),
                (
                    "geleverd_op",
                    models.DateField(blank=True, null=True, verbose_name="geleverd op"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "opdracht",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.opdracht",
                        verbose_name="opdracht",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical resultaat",
                "verbose_name_plural": "historical resultaten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOpdracht_relaties",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="programma.historicalopdracht",
                    ),
                ),
                (
                    "from_opdracht",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.opdracht",
                    ),
                ),
                (
                    "to_opdracht",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.opdracht",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalOpdracht_relaties",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalopdracht",
            name="hoofdopdracht",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Alleen bij een stap van een opdracht.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programma.opdracht",
                verbose_name="hoofdopdracht",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalBudgetpost_opdrachten",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "budgetpost",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.budgetpost",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="programma.historicalbudgetpost",
                    ),
                ),
                (
                    "opdracht",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.opdracht",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalBudgetpost_opdrachten",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="budgetpost",
            name="opdrachten",
            field=models.ManyToManyField(
                blank=True,
                related_name="budgetposten",
                to="programma.opdracht",
                verbose_name="opdrachten",
            ),
        ),
        migrations.CreateModel(
            name="Programmaplan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                ("jaar_van", models.PositiveSmallIntegerField(verbose_name="van jaar")),
                ("jaar_tot", models.PositiveSmallIntegerField(verbose_name="tot en met jaar")),
                ("versie", models.PositiveSmallIntegerField(default=1, verbose_name="versie")),
                ("datum", models.DateField(blank=True, null=True, verbose_name="datum")),
                ("van", models.CharField(blank=True, max_length=200, verbose_name="van")),
                ("voor", models.CharField(blank=True, max_length=200, verbose_name="voor")),
                (
                    "aanleiding",
                    models.TextField(blank=True, verbose_name="aanleiding en achtergrond"),
                ),
                (
                    "programmamanager",
                    models.CharField(
                        blank=True,
                        help_text="Leeg: nog niet aangesteld.",
                        max_length=200,
                        verbose_name="programmamanager",
                    ),
                ),
                (
                    "kwartiermaker",
                    models.CharField(blank=True, max_length=200, verbose_name="kwartiermaker"),
                ),
                (
                    "rapportage_interval_maanden",
                    models.PositiveSmallIntegerField(
                        default=2,
                        help_text="De programmamanager rapporteert zo vaak aan de stuurgroep.",
                        verbose_name="rapportage elke … maanden",
                    ),
                ),
                ("bron", models.TextField(blank=True, verbose_name="bron")),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="programmaplannen",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "programmaplan",
                "verbose_name_plural": "programmaplannen",
                "ordering": ["samenwerkingsverband", "-jaar_van", "titel"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalThema",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("nummer", models.PositiveSmallIntegerField(verbose_name="nummer")),
                ("naam", models.CharField(max_length=200, verbose_name="naam")),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.programmaplan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical thema",
                "verbose_name_plural": "historical thema's",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStartvraag",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("nummer", models.PositiveSmallIntegerField(verbose_name="nummer")),
                ("tekst", models.TextField(verbose_name="vraag")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.programmaplan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical vraag voor de startbijeenkomst",
                "verbose_name_plural": "historical vragen voor de startbijeenkomst",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDoel",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("nummer", models.PositiveSmallIntegerField(verbose_name="nummer")),
                ("tekst", models.TextField(verbose_name="doel")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.programmaplan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical doel",
                "verbose_name_plural": "historical doelen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalbudgetpost",
            name="plan",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programma.programmaplan",
                verbose_name="plan",
            ),
        ),
        migrations.CreateModel(
            name="Doel",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("nummer", models.PositiveSmallIntegerField(verbose_name="nummer")),
                ("tekst", models.TextField(verbose_name="doel")),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="doelen",
                        to="programma.programmaplan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "doel",
                "verbose_name_plural": "doelen",
                "ordering": ["plan", "nummer"],
            },
        ),
        migrations.AddField(
            model_name="budgetpost",
            name="plan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="budgetposten",
                to="programma.programmaplan",
                verbose_name="plan",
            ),
        ),
        migrations.CreateModel(
            name="Resultaat",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("volgorde", models.PositiveSmallIntegerField(default=1, verbose_name="volgorde")),
                ("tekst", models.TextField(verbose_name="resultaat")),
                ("geleverd", models.BooleanField(default=False, verbose_name="geleverd")),
                (
                    "geleverd_op",
                    models.DateField(blank=True, null=True, verbose_name="geleverd op"),
                ),
                (
                    "opdracht",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="resultaten",
                        to="programma.opdracht",
                        verbose_name="opdracht",
                    ),
                ),
            ],
            options={
                "verbose_name": "resultaat",
                "verbose_name_plural": "resultaten",
                "ordering": ["opdracht", "volgorde", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Startvraag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("nummer", models.PositiveSmallIntegerField(verbose_name="nummer")),
                ("tekst", models.TextField(verbose_name="vraag")),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="startvragen",
                        to="programma.programmaplan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "vraag voor de startbijeenkomst",
                "verbose_name_plural": "vragen voor de startbijeenkomst",
                "ordering": ["plan", "nummer"],
            },
        ),
        migrations.CreateModel(
            name="Startantwoord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("antwoord", models.TextField(blank=True, verbose_name="antwoord")),
                (
                    "opdracht",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="startantwoorden",
                        to="programma.opdracht",
                        verbose_name="opdracht",
                    ),
                ),
                (
                    "vraag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="antwoorden",
                        to="programma.startvraag",
                        verbose_name="vraag",
                    ),
                ),
            ],
            options={
                "verbose_name": "antwoord startbijeenkomst",
                "verbose_name_plural": "antwoorden startbijeenkomst",
                "ordering": ["opdracht", "vraag__nummer"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalStartantwoord",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("antwoord", models.TextField(blank=True, verbose_name="antwoord")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "opdracht",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.opdracht",
                        verbose_name="opdracht",
                    ),
                ),
                (
                    "vraag",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.startvraag",
                        verbose_name="vraag",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical antwoord startbijeenkomst",
                "verbose_name_plural": "historical antwoorden startbijeenkomst",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Thema",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("nummer", models.PositiveSmallIntegerField(verbose_name="nummer")),
                ("naam", models.CharField(max_length=200, verbose_name="naam")),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="themas",
                        to="programma.programmaplan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "thema",
                "verbose_name_plural": "thema's",
                "ordering": ["plan", "nummer"],
            },
        ),
        migrations.AddField(
            model_name="opdracht",
            name="thema",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="opdrachten",
                to="programma.thema",
                verbose_name="thema",
            ),
        ),
        migrations.AddField(
            model_name="historicalopdracht",
            name="thema",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programma.thema",
                verbose_name="thema",
            ),
        ),
        migrations.CreateModel(
            name="Voortgangsrapportage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("peildatum", models.DateField(verbose_name="peildatum")),
                (
                    "periode",
                    models.CharField(
                        help_text="Bijv. juli–augustus 2022.",
                        max_length=100,
                        verbose_name="periode",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("concept", "Concept"),
                            ("vastgesteld", "Verzonden aan de stuurgroep"),
                        ],
                        default="concept",
                        editable=False,
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("samenvatting", models.TextField(blank=True, verbose_name="samenvatting")),
                (
                    "vastgesteld_op",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="verzonden op"
                    ),
                ),
                (
                    "voorbeeld",
                    models.BooleanField(
                        default=False,
                        help_text="Een voorbeeld, geen echte voortgang.",
                        verbose_name="voorbeeld",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rapportages",
                        to="programma.programmaplan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "vastgesteld_door",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="verzonden door",
                    ),
                ),
                (
                    "vorige",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="volgende",
                        to="programma.voortgangsrapportage",
                        verbose_name="vorige rapportage",
                    ),
                ),
            ],
            options={
                "verbose_name": "voortgangsrapportage",
                "verbose_name_plural": "voortgangsrapportages",
                "ordering": ["plan", "-peildatum"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalVoortgangsregel",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                (
                    "uitvoering",
                    models.CharField(
                        choices=[
                            ("niet_gestart", "Nog niet gestart"),
                            ("lopend", "Loopt"),
                            ("afgerond", "Afgerond"),
                        ],
                        default="niet_gestart",
                        max_length=20,
                        verbose_name="uitvoering",
                    ),
                ),
                ("startdatum", models.DateField(blank=True, null=True, verbose_name="startdatum")),
                (
                    "realisatiedatum",
                    models.DateField(blank=True, null=True, verbose_name="realisatiedatum"),
                ),
                (
                    "bijgestelde_datum",
                    models.DateField(
                        blank=True,
                        help_text="Alleen als de realisatiedatum niet wordt gehaald.",
                        null=True,
                        verbose_name="bijgestelde datum",
                    ),
                ),
                (
                    "kleurstatus",
                    models.CharField(
                        blank=True,
                        choices=[("goed", "Goed"), ("risico", "Risico"), ("probleem", "Probleem")],
                        max_length=10,
                        verbose_name="kleurstatus",
                    ),
                ),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "opdracht",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.opdracht",
                        verbose_name="opdracht",
                    ),
                ),
                (
                    "rapportage",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.voortgangsrapportage",
                        verbose_name="rapportage",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical voortgangsregel",
                "verbose_name_plural": "historical voortgangsregels",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalVoortgangsrapportage",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                ("peildatum", models.DateField(verbose_name="peildatum")),
                (
                    "periode",
                    models.CharField(
                        help_text="Bijv. juli–augustus 2022.",
                        max_length=100,
                        verbose_name="periode",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("concept", "Concept"),
                            ("vastgesteld", "Verzonden aan de stuurgroep"),
                        ],
                        default="concept",
                        editable=False,
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("samenvatting", models.TextField(blank=True, verbose_name="samenvatting")),
                (
                    "vastgesteld_op",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="verzonden op"
                    ),
                ),
                (
                    "voorbeeld",
                    models.BooleanField(
                        default=False,
                        help_text="Een voorbeeld, geen echte voortgang.",
                        verbose_name="voorbeeld",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "vastgesteld_door",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="verzonden door",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.programmaplan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "vorige",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programma.voortgangsrapportage",
                        verbose_name="vorige rapportage",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical voortgangsrapportage",
                "verbose_name_plural": "historical voortgangsrapportages",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Voortgangsregel",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="versie"),
                ),
                (
                    "uitvoering",
                    models.CharField(
                        choices=[
                            ("niet_gestart", "Nog niet gestart"),
                            ("lopend", "Loopt"),
                            ("afgerond", "Afgerond"),
                        ],
                        default="niet_gestart",
                        max_length=20,
                        verbose_name="uitvoering",
                    ),
                ),
                ("startdatum", models.DateField(blank=True, null=True, verbose_name="startdatum")),
                (
                    "realisatiedatum",
                    models.DateField(blank=True, null=True, verbose_name="realisatiedatum"),
                ),
                (
                    "bijgestelde_datum",
                    models.DateField(
                        blank=True,
                        help_text="Alleen als de realisatiedatum niet wordt gehaald.",
                        null=True,
                        verbose_name="bijgestelde datum",
                    ),
                ),
                (
                    "kleurstatus",
                    models.CharField(
                        blank=True,
                        choices=[("goed", "Goed"), ("risico", "Risico"), ("probleem", "Probleem")],
                        max_length=10,
                        verbose_name="kleurstatus",
                    ),
                ),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                (
                    "opdracht",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="voortgang",
                        to="programma.opdracht",
                        verbose_name="opdracht",
                    ),
                ),
                (
                    "rapportage",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="regels",
                        to="programma.voortgangsrapportage",
                        verbose_name="rapportage",
                    ),
                ),
            ],
            options={
                "verbose_name": "voortgangsregel",
                "verbose_name_plural": "voortgangsregels",
                "ordering": [
                    "rapportage",
                    "opdracht__thema__nummer",
                    models.OrderBy(models.F("opdracht__nummer"), nulls_first=True),
                    models.OrderBy(models.F("opdracht__stap"), nulls_first=True),
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="programmaplan",
            constraint=models.CheckConstraint(
                condition=models.Q(("jaar_tot__gte", models.F("jaar_van"))),
                name="programmaplan_periode",
                violation_error_message="Het laatste jaar ligt vóór het eerste jaar.",
            ),
        ),
        migrations.AddConstraint(
            model_name="programmaplan",
            constraint=models.CheckConstraint(
                condition=models.Q(("rapportage_interval_maanden__gte", 1)),
                name="programmaplan_interval",
                violation_error_message="Rapporteer minstens eens per zoveel maanden (1 of meer).",
            ),
        ),
        migrations.AddConstraint(
            model_name="doel",
            constraint=models.UniqueConstraint(
                fields=("plan", "nummer"),
                name="uniek_doelnummer",
                violation_error_message="Dit plan heeft al een doel met dit nummer.",
            ),
        ),
        migrations.AddConstraint(
            model_name="budgetpost",
            constraint=models.UniqueConstraint(
                fields=("plan", "nummer"),
                name="uniek_budgetpostnummer",
                violation_error_message="Dit plan heeft al een budgetpost met dit nummer.",
            ),
        ),
        migrations.AddConstraint(
            model_name="budgetpost",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("bedrag__isnull", True), ("pm", True)),
                    models.Q(("bedrag__isnull", False), ("pm", False)),
                    _connector="OR",
                ),
                name="budgetpost_bedrag_of_pm",
                violation_error_message="Vul een bedrag in, of kies PM zonder bedrag.",
            ),
        ),
        migrations.AddConstraint(
            model_name="budgetpost",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("verplicht__gte", 0), ("besteed__gte", 0), ("bedrag__gte", 0)),
                    models.Q(("verplicht__gte", 0), ("besteed__gte", 0), ("bedrag__isnull", True)),
                    _connector="OR",
                ),
                name="budgetpost_niet_negatief",
                violation_error_message="Bedragen zijn niet negatief.",
            ),
        ),
        migrations.AddConstraint(
            model_name="startvraag",
            constraint=models.UniqueConstraint(
                fields=("plan", "nummer"),
                name="uniek_startvraagnummer",
                violation_error_message="Dit plan heeft al een vraag met dit nummer.",
            ),
        ),
        migrations.AddConstraint(
            model_name="startantwoord",
            constraint=models.UniqueConstraint(
                fields=("opdracht", "vraag"),
                name="uniek_startantwoord",
                violation_error_message="Deze vraag is voor deze opdracht al beantwoord.",
            ),
        ),
        migrations.AddConstraint(
            model_name="thema",
            constraint=models.UniqueConstraint(
                fields=("plan", "nummer"),
                name="uniek_themanummer",
                violation_error_message="Dit plan heeft al een thema met dit nummer.",
            ),
        ),
        migrations.AddConstraint(
            model_name="opdracht",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("eind__isnull", True),
                    ("start__isnull", True),
                    ("eind__gte", models.F("start")),
                    _connector="OR",
                ),
                name="opdracht_eind_na_start",
                violation_error_message="De einddatum ligt vóór de startdatum.",
            ),
        ),
        migrations.AddConstraint(
            model_name="opdracht",
            constraint=models.CheckConstraint(
                condition=models.Q(("pm", False), ("bedrag__isnull", True), _connector="OR"),
                name="opdracht_bedrag_of_pm",
                violation_error_message="Vul een bedrag in of kies PM, niet allebei.",
            ),
        ),
        migrations.AddConstraint(
            model_name="opdracht",
            constraint=models.CheckConstraint(
                condition=models.Q(("bedrag__isnull", True), ("bedrag__gte", 0), _connector="OR"),
                name="opdracht_bedrag_positief",
                violation_error_message="Een bedrag is niet negatief.",
            ),
        ),
        migrations.AddConstraint(
            model_name="voortgangsrapportage",
            constraint=models.UniqueConstraint(
                fields=("plan", "peildatum"),
                name="uniek_rapportage_peildatum",
                violation_error_message="Er is al een rapportage met deze peildatum.",
            ),
        ),
        migrations.AddConstraint(
            model_name="voortgangsregel",
            constraint=models.UniqueConstraint(
                fields=("rapportage", "opdracht"),
                name="uniek_voortgangsregel",
                violation_error_message="Deze opdracht staat al in de rapportage.",
            ),
        ),
    ]
