"""The migrations 0001-0005 of formatie in one (Regiekamer as released before the
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
        ("formatie", "0001_initial"),
        ("formatie", "0002_versie"),
        ("formatie", "0003_rol_boven_subtotaal"),
        ("formatie", "0004_jaarbedragen_uurtarief"),
        ("formatie", "0005_getallen_nederlands"),
    ]

    dependencies = [
        ("convenant", "0001_squashed_0009_getallen_nederlands"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Fase",
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
                ("naam", models.CharField(max_length=100, verbose_name="naam")),
                (
                    "begin",
                    models.DateField(
                        help_text="De eerste dag van een maand.", verbose_name="begin"
                    ),
                ),
                (
                    "eind",
                    models.DateField(
                        help_text="De laatste dag van een maand.", verbose_name="eind"
                    ),
                ),
                (
                    "convenant",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="fasen",
                        to="convenant.convenant",
                        verbose_name="convenant",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="fasen",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "fase",
                "verbose_name_plural": "fasen",
                "ordering": ["samenwerkingsverband", "begin"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalFase",
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
                ("naam", models.CharField(max_length=100, verbose_name="naam")),
                (
                    "begin",
                    models.DateField(
                        help_text="De eerste dag van een maand.", verbose_name="begin"
                    ),
                ),
                (
                    "eind",
                    models.DateField(
                        help_text="De laatste dag van een maand.", verbose_name="eind"
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
                    "convenant",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.convenant",
                        verbose_name="convenant",
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
                "verbose_name": "historical fase",
                "verbose_name_plural": "historical fasen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRol",
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
                ("naam", models.CharField(max_length=200, verbose_name="naam")),
                ("volgorde", models.PositiveSmallIntegerField(default=0, verbose_name="volgorde")),
                (
                    "omschrijving",
                    models.TextField(blank=True, verbose_name="omschrijving / profiel"),
                ),
                (
                    "structureel",
                    models.BooleanField(
                        default=True,
                        help_text="Telt mee in de regel Subtotaal van het bezettingsoverzicht (in Bijlage 1 de eerste vijf rollen). De structurele formatie is de basisformatie, ook van rollen eronder.",
                        verbose_name="boven het subtotaal",
                    ),
                ),
                (
                    "opmerking",
                    models.CharField(blank=True, max_length=500, verbose_name="opmerking"),
                ),
                (
                    "kostensoort",
                    models.CharField(
                        choices=[
                            ("schaal", "Salarisschaal (integrale jaarkosten per fte)"),
                            ("uur", "Inhuur (uurtarief × uren)"),
                            ("vast", "Vast bedrag per fase"),
                        ],
                        max_length=10,
                        verbose_name="kostensoort",
                    ),
                ),
                (
                    "schaal",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="salarisschaal"
                    ),
                ),
                (
                    "uurtarief",
                    regiekamer.fields.BedragField(
                        blank=True,
                        decimal_places=2,
                        max_digits=8,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="uurtarief",
                    ),
                ),
                (
                    "uren_per_fte_per_maand",
                    regiekamer.fields.UrenField(
                        decimal_places=2,
                        default=Decimal("156"),
                        max_digits=6,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="uren per fte per maand",
                    ),
                ),
                (
                    "basisformatie",
                    regiekamer.fields.FteField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="basisformatie (fte)",
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
                    "leverende_gemeente",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="leverende gemeente",
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
                "verbose_name": "historical rol",
                "verbose_name_plural": "historical rollen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSalarisschaal",
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
                ("jaar", models.PositiveSmallIntegerField(verbose_name="vanaf begrotingsjaar")),
                (
                    "indexatie",
                    regiekamer.fields.PercentageField(
                        blank=True,
                        decimal_places=3,
                        max_digits=6,
                        null=True,
                        verbose_name="indexatie (%)",
                    ),
                ),
                ("bron", models.CharField(blank=True, max_length=200, verbose_name="bron")),
                ("schaal", models.PositiveSmallIntegerField(verbose_name="schaal")),
                (
                    "jaarkosten_per_fte",
                    regiekamer.fields.BedragField(
                        decimal_places=2,
                        max_digits=10,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="integrale jaarkosten per fte",
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
                "verbose_name": "historical salarisschaal",
                "verbose_name_plural": "historical salarisschalen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalWerkgroep",
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
                ("naam", models.CharField(max_length=200, verbose_name="naam")),
                (
                    "soort",
                    models.CharField(
                        choices=[("structureel", "Structureel"), ("thematisch", "Thematisch")],
                        max_length=20,
                        verbose_name="soort",
                    ),
                ),
                (
                    "uren_per_week_per_gemeente",
                    regiekamer.fields.UrenField(
                        blank=True,
                        decimal_places=1,
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="uren per week per gemeente",
                    ),
                ),
                ("omschrijving", models.TextField(blank=True, verbose_name="omschrijving")),
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
                "verbose_name": "historical werkgroep",
                "verbose_name_plural": "historical werkgroepen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Rol",
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
                ("naam", models.CharField(max_length=200, verbose_name="naam")),
                ("volgorde", models.PositiveSmallIntegerField(default=0, verbose_name="volgorde")),
                (
                    "omschrijving",
                    models.TextField(blank=True, verbose_name="omschrijving / profiel"),
                ),
                (
                    "structureel",
                    models.BooleanField(
                        default=True,
                        help_text="Telt mee in de regel Subtotaal van het bezettingsoverzicht (in Bijlage 1 de eerste vijf rollen). De structurele formatie is de basisformatie, ook van rollen eronder.",
                        verbose_name="boven het subtotaal",
                    ),
                ),
                (
                    "opmerking",
                    models.CharField(blank=True, max_length=500, verbose_name="opmerking"),
                ),
                (
                    "kostensoort",
                    models.CharField(
                        choices=[
                            ("schaal", "Salarisschaal (integrale jaarkosten per fte)"),
                            ("uur", "Inhuur (uurtarief × uren)"),
                            ("vast", "Vast bedrag per fase"),
                        ],
                        max_length=10,
                        verbose_name="kostensoort",
                    ),
                ),
                (
                    "schaal",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="salarisschaal"
                    ),
                ),
                (
                    "uurtarief",
                    regiekamer.fields.BedragField(
                        blank=True,
                        decimal_places=2,
                        max_digits=8,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="uurtarief",
                    ),
                ),
                (
                    "uren_per_fte_per_maand",
                    regiekamer.fields.UrenField(
                        decimal_places=2,
                        default=Decimal("156"),
                        max_digits=6,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="uren per fte per maand",
                    ),
                ),
                (
                    "basisformatie",
                    regiekamer.fields.FteField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="basisformatie (fte)",
                    ),
                ),
                (
                    "leverende_gemeente",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="geleverde_rollen",
                        to="convenant.gemeente",
                        verbose_name="leverende gemeente",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rollen",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "rol",
                "verbose_name_plural": "rollen",
                "ordering": ["samenwerkingsverband", "volgorde", "naam"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalUurtarief",
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
                ("jaar", models.PositiveSmallIntegerField(verbose_name="vanaf begrotingsjaar")),
                (
                    "indexatie",
                    regiekamer.fields.PercentageField(
                        blank=True,
                        decimal_places=3,
                        max_digits=6,
                        null=True,
                        verbose_name="indexatie (%)",
                    ),
                ),
                ("bron", models.CharField(blank=True, max_length=200, verbose_name="bron")),
                (
                    "uurtarief",
                    regiekamer.fields.BedragField(
                        decimal_places=2,
                        max_digits=8,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="uurtarief",
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
                    "rol",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="formatie.rol",
                        verbose_name="rol",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical uurtarief per jaar",
                "verbose_name_plural": "historical uurtarieven per jaar",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalBezetting",
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
                    "fte",
                    regiekamer.fields.FteField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="fte",
                    ),
                ),
                (
                    "bedrag",
                    regiekamer.fields.BedragField(
                        blank=True,
                        decimal_places=2,
                        max_digits=12,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="bedrag",
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
                    "fase",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="formatie.fase",
                        verbose_name="fase",
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
                    "rol",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="formatie.rol",
                        verbose_name="rol",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical bezetting",
                "verbose_name_plural": "historical bezettingen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Bezetting",
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
                    "fte",
                    regiekamer.fields.FteField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="fte",
                    ),
                ),
                (
                    "bedrag",
                    regiekamer.fields.BedragField(
                        blank=True,
                        decimal_places=2,
                        max_digits=12,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="bedrag",
                    ),
                ),
                (
                    "fase",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bezettingen",
                        to="formatie.fase",
                        verbose_name="fase",
                    ),
                ),
                (
                    "rol",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bezettingen",
                        to="formatie.rol",
                        verbose_name="rol",
                    ),
                ),
            ],
            options={
                "verbose_name": "bezetting",
                "verbose_name_plural": "bezettingen",
                "ordering": ["rol", "fase__begin"],
            },
        ),
        migrations.CreateModel(
            name="Salarisschaal",
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
                ("jaar", models.PositiveSmallIntegerField(verbose_name="vanaf begrotingsjaar")),
                (
                    "indexatie",
                    regiekamer.fields.PercentageField(
                        blank=True,
                        decimal_places=3,
                        max_digits=6,
                        null=True,
                        verbose_name="indexatie (%)",
                    ),
                ),
                ("bron", models.CharField(blank=True, max_length=200, verbose_name="bron")),
                ("schaal", models.PositiveSmallIntegerField(verbose_name="schaal")),
                (
                    "jaarkosten_per_fte",
                    regiekamer.fields.BedragField(
                        decimal_places=2,
                        max_digits=10,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="integrale jaarkosten per fte",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="salarisschalen",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "salarisschaal",
                "verbose_name_plural": "salarisschalen",
                "ordering": ["samenwerkingsverband", "schaal", "jaar"],
            },
        ),
        migrations.CreateModel(
            name="Uurtarief",
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
                ("jaar", models.PositiveSmallIntegerField(verbose_name="vanaf begrotingsjaar")),
                (
                    "indexatie",
                    regiekamer.fields.PercentageField(
                        blank=True,
                        decimal_places=3,
                        max_digits=6,
                        null=True,
                        verbose_name="indexatie (%)",
                    ),
                ),
                ("bron", models.CharField(blank=True, max_length=200, verbose_name="bron")),
                (
                    "uurtarief",
                    regiekamer.fields.BedragField(
                        decimal_places=2,
                        max_digits=8,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="uurtarief",
                    ),
                ),
                (
                    "rol",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="uurtarieven",
                        to="formatie.rol",
                        verbose_name="rol",
                    ),
                ),
            ],
            options={
                "verbose_name": "uurtarief per jaar",
                "verbose_name_plural": "uurtarieven per jaar",
                "ordering": ["rol", "jaar"],
            },
        ),
        migrations.CreateModel(
            name="Werkgroep",
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
                ("naam", models.CharField(max_length=200, verbose_name="naam")),
                (
                    "soort",
                    models.CharField(
                        choices=[("structureel", "Structureel"), ("thematisch", "Thematisch")],
                        max_length=20,
                        verbose_name="soort",
                    ),
                ),
                (
                    "uren_per_week_per_gemeente",
                    regiekamer.fields.UrenField(
                        blank=True,
                        decimal_places=1,
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="uren per week per gemeente",
                    ),
                ),
                ("omschrijving", models.TextField(blank=True, verbose_name="omschrijving")),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="werkgroepen",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "werkgroep",
                "verbose_name_plural": "werkgroepen",
                "ordering": ["samenwerkingsverband", "soort", "naam"],
            },
        ),
        migrations.AddConstraint(
            model_name="fase",
            constraint=models.CheckConstraint(
                condition=models.Q(("eind__gte", models.F("begin"))),
                name="fase_eind_na_begin",
                violation_error_message="Het einde van de fase ligt vóór het begin.",
            ),
        ),
        migrations.AddConstraint(
            model_name="fase",
            constraint=models.UniqueConstraint(
                fields=("samenwerkingsverband", "naam"),
                name="unieke_fasenaam",
                violation_error_message="Er is al een fase met deze naam.",
            ),
        ),
        migrations.AddConstraint(
            model_name="rol",
            constraint=models.UniqueConstraint(
                fields=("samenwerkingsverband", "naam"),
                name="unieke_rolnaam",
                violation_error_message="Er is al een rol met deze naam.",
            ),
        ),
        migrations.AddConstraint(
            model_name="bezetting",
            constraint=models.UniqueConstraint(
                fields=("rol", "fase"),
                name="unieke_bezetting",
                violation_error_message="Deze rol heeft in deze fase al een bezetting.",
            ),
        ),
        migrations.AddConstraint(
            model_name="bezetting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("fte__isnull", True), ("fte__gte", 0), _connector="OR"),
                    models.Q(("bedrag__isnull", True), ("bedrag__gte", 0), _connector="OR"),
                ),
                name="bezetting_niet_negatief",
                violation_error_message="Fte en bedrag zijn 0 of meer.",
            ),
        ),
        migrations.AddConstraint(
            model_name="salarisschaal",
            constraint=models.UniqueConstraint(
                fields=("samenwerkingsverband", "schaal", "jaar"),
                name="unieke_schaal_per_jaar",
                violation_error_message="Deze schaal heeft voor dit jaar al een bedrag.",
            ),
        ),
        migrations.AddConstraint(
            model_name="uurtarief",
            constraint=models.UniqueConstraint(
                fields=("rol", "jaar"),
                name="uniek_uurtarief_per_jaar",
                violation_error_message="Deze rol heeft voor dit jaar al een uurtarief.",
            ),
        ),
        migrations.AddConstraint(
            model_name="werkgroep",
            constraint=models.UniqueConstraint(
                fields=("samenwerkingsverband", "naam"),
                name="unieke_werkgroep",
                violation_error_message="Er is al een werkgroep met deze naam.",
            ),
        ),
    ]
