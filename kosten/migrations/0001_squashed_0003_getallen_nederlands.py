"""The migrations 0001-0003 of kosten in one (Regiekamer as released before the
partijen app): a new database is made in seconds instead of replaying each step; a database
that has applied only some of them goes on with the originals."""

import django.core.validators
import django.db.models.deletion
import regiekamer.fields
import simple_history.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("kosten", "0001_initial"),
        ("kosten", "0002_versie"),
        ("kosten", "0003_getallen_nederlands"),
    ]

    dependencies = [
        ("convenant", "0001_squashed_0009_getallen_nederlands"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalBudget",
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
                ("jaar", models.PositiveSmallIntegerField(verbose_name="jaar")),
                (
                    "bedrag",
                    regiekamer.fields.BedragField(
                        decimal_places=2,
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="bedrag",
                    ),
                ),
                (
                    "omschrijving",
                    models.CharField(blank=True, max_length=300, verbose_name="omschrijving"),
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
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="gemeente",
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
                "verbose_name": "historical budget",
                "verbose_name_plural": "historical budgetten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalVerdeelsleutel",
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
                ("vanaf_jaar", models.PositiveSmallIntegerField(verbose_name="vanaf jaar")),
                (
                    "tot_en_met_jaar",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="tot en met jaar"
                    ),
                ),
                (
                    "methode",
                    models.CharField(
                        choices=[
                            ("vastgesteld", "Vastgestelde percentages"),
                            ("inwonertal", "Naar inwonertal op een peildatum"),
                        ],
                        max_length=20,
                        verbose_name="methode",
                    ),
                ),
                (
                    "peildatum",
                    models.DateField(
                        blank=True,
                        help_text="Alleen bij verdeling naar inwonertal.",
                        null=True,
                        verbose_name="peildatum inwonertallen",
                    ),
                ),
                ("bron", models.CharField(blank=True, max_length=300, verbose_name="bron")),
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
                "verbose_name": "historical verdeelsleutel",
                "verbose_name_plural": "historical verdeelsleutels",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Verdeelsleutel",
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
                ("vanaf_jaar", models.PositiveSmallIntegerField(verbose_name="vanaf jaar")),
                (
                    "tot_en_met_jaar",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="tot en met jaar"
                    ),
                ),
                (
                    "methode",
                    models.CharField(
                        choices=[
                            ("vastgesteld", "Vastgestelde percentages"),
                            ("inwonertal", "Naar inwonertal op een peildatum"),
                        ],
                        max_length=20,
                        verbose_name="methode",
                    ),
                ),
                (
                    "peildatum",
                    models.DateField(
                        blank=True,
                        help_text="Alleen bij verdeling naar inwonertal.",
                        null=True,
                        verbose_name="peildatum inwonertallen",
                    ),
                ),
                ("bron", models.CharField(blank=True, max_length=300, verbose_name="bron")),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="verdeelsleutels",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "verdeelsleutel",
                "verbose_name_plural": "verdeelsleutels",
                "ordering": ["samenwerkingsverband", "vanaf_jaar"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalVerdeelsleutelaandeel",
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
                    "percentage",
                    regiekamer.fields.PercentageField(
                        decimal_places=2,
                        max_digits=5,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("0")),
                            django.core.validators.MaxValueValidator(Decimal("100")),
                        ],
                        verbose_name="percentage",
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
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="gemeente",
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
                    "verdeelsleutel",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="kosten.verdeelsleutel",
                        verbose_name="verdeelsleutel",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical aandeel in de verdeelsleutel",
                "verbose_name_plural": "historical aandelen in de verdeelsleutel",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Verdeelsleutelaandeel",
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
                    "percentage",
                    regiekamer.fields.PercentageField(
                        decimal_places=2,
                        max_digits=5,
                        validators=[
                            django.core.validators.MinValueValidator(Decimal("0")),
                            django.core.validators.MaxValueValidator(Decimal("100")),
                        ],
                        verbose_name="percentage",
                    ),
                ),
                (
                    "gemeente",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="gemeente",
                    ),
                ),
                (
                    "verdeelsleutel",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aandelen",
                        to="kosten.verdeelsleutel",
                        verbose_name="verdeelsleutel",
                    ),
                ),
            ],
            options={
                "verbose_name": "aandeel in de verdeelsleutel",
                "verbose_name_plural": "aandelen in de verdeelsleutel",
                "ordering": ["verdeelsleutel", "gemeente__naam"],
            },
        ),
        migrations.CreateModel(
            name="Budget",
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
                ("jaar", models.PositiveSmallIntegerField(verbose_name="jaar")),
                (
                    "bedrag",
                    regiekamer.fields.BedragField(
                        decimal_places=2,
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="bedrag",
                    ),
                ),
                (
                    "omschrijving",
                    models.CharField(blank=True, max_length=300, verbose_name="omschrijving"),
                ),
                (
                    "gemeente",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="budgetten",
                        to="convenant.gemeente",
                        verbose_name="gemeente",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="budgetten",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "budget",
                "verbose_name_plural": "budgetten",
                "ordering": ["samenwerkingsverband", "gemeente__naam", "jaar"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("samenwerkingsverband", "gemeente", "jaar"),
                        name="uniek_budget_per_jaar",
                        violation_error_message="Deze gemeente heeft voor dit jaar al een budget.",
                    )
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="verdeelsleutel",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("tot_en_met_jaar__isnull", True),
                    ("tot_en_met_jaar__gte", models.F("vanaf_jaar")),
                    _connector="OR",
                ),
                name="verdeelsleutel_periode",
                violation_error_message="Het eindjaar ligt vóór het beginjaar.",
            ),
        ),
        migrations.AddConstraint(
            model_name="verdeelsleutel",
            constraint=models.UniqueConstraint(
                fields=("samenwerkingsverband", "vanaf_jaar"),
                name="unieke_verdeelsleutel_per_jaar",
                violation_error_message="Er is al een verdeelsleutel vanaf dit jaar.",
            ),
        ),
        migrations.AddConstraint(
            model_name="verdeelsleutelaandeel",
            constraint=models.UniqueConstraint(
                fields=("verdeelsleutel", "gemeente"),
                name="uniek_aandeel_per_gemeente",
                violation_error_message="Deze gemeente heeft al een aandeel in deze sleutel.",
            ),
        ),
    ]
