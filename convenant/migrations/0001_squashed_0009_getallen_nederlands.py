"""The migrations 0001-0009 of convenant in one (Regiekamer as released before the
partijen app): a new database is made in seconds instead of replaying each step; a database
that has applied only some of them goes on with the originals."""

import convenant.models
import django.db.models.deletion
import django.db.models.functions.text
import regiekamer.fields
import regiekamer.uploads
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("convenant", "0001_initial"),
        ("convenant", "0002_historicalsamenwerkingsverband_penvoerder_and_more"),
        ("convenant", "0003_historicalraadsinformatiebrief_raadsinformatiebrief"),
        ("convenant", "0004_toegang_contactpersoon"),
        ("convenant", "0005_scan"),
        ("convenant", "0006_versie"),
        ("convenant", "0007_verzender_blijft"),
        ("convenant", "0008_toegang_stuurgroep"),
        ("convenant", "0009_getallen_nederlands"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Domein",
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
                ("naam", models.CharField(max_length=100, unique=True, verbose_name="naam")),
            ],
            options={
                "verbose_name": "domein",
                "verbose_name_plural": "domeinen",
                "ordering": ["naam"],
            },
        ),
        migrations.CreateModel(
            name="Gemeente",
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
                ("naam", models.CharField(max_length=100, unique=True, verbose_name="naam")),
                (
                    "adres",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="adres (straat en huisnummer)"
                    ),
                ),
                ("postcode", models.CharField(blank=True, max_length=10, verbose_name="postcode")),
                ("plaats", models.CharField(blank=True, max_length=100, verbose_name="plaats")),
                (
                    "contactpersoon",
                    models.CharField(blank=True, max_length=200, verbose_name="contactpersoon"),
                ),
                (
                    "contact_email",
                    models.EmailField(
                        blank=True, max_length=254, verbose_name="e-mailadres contactpersoon"
                    ),
                ),
            ],
            options={
                "verbose_name": "gemeente",
                "verbose_name_plural": "gemeenten",
                "ordering": ["naam"],
            },
        ),
        migrations.CreateModel(
            name="Convenant",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("concept", "Concept"),
                            ("vastgesteld", "Vastgesteld"),
                            ("ondertekend", "Ondertekend"),
                        ],
                        default="concept",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "dagtekening",
                    models.DateField(blank=True, null=True, verbose_name="dagtekening"),
                ),
                (
                    "inwerkingtreding",
                    models.DateField(blank=True, null=True, verbose_name="inwerkingtreding"),
                ),
                ("einddatum", models.DateField(blank=True, null=True, verbose_name="einddatum")),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                (
                    "versie",
                    models.PositiveSmallIntegerField(
                        default=1, editable=False, verbose_name="versie"
                    ),
                ),
                (
                    "scan",
                    regiekamer.uploads.ProtectedFileField(
                        blank=True,
                        types=["pdf", "png", "jpeg"],
                        upload_to=convenant.models.convenant_scan_path,
                        verbose_name="getekende scan",
                    ),
                ),
                (
                    "scan_bestandsnaam",
                    models.CharField(
                        blank=True,
                        editable=False,
                        max_length=255,
                        verbose_name="oorspronkelijke bestandsnaam van de scan",
                    ),
                ),
                (
                    "revisie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="revisie"),
                ),
                (
                    "voorganger",
                    models.ForeignKey(
                        blank=True,
                        help_text="Het convenant waarop dit convenant een vervolg is.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="opvolgers",
                        to="convenant.convenant",
                        verbose_name="voorganger",
                    ),
                ),
                (
                    "vorige_versie",
                    models.OneToOneField(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="volgende_versie",
                        to="convenant.convenant",
                        verbose_name="vorige versie",
                    ),
                ),
            ],
            options={
                "verbose_name": "convenant",
                "verbose_name_plural": "convenanten",
                "ordering": ["samenwerkingsverband__naam", "-dagtekening", "titel", "-versie"],
            },
        ),
        migrations.CreateModel(
            name="Artikel",
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
                ("tekst", models.TextField(verbose_name="tekst")),
                (
                    "slottekst",
                    models.TextField(
                        blank=True,
                        help_text="Tekst na de onderdelen, indien aanwezig.",
                        verbose_name="slottekst",
                    ),
                ),
                (
                    "convenant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="artikelen",
                        to="convenant.convenant",
                        verbose_name="convenant",
                    ),
                ),
            ],
            options={
                "verbose_name": "artikel",
                "verbose_name_plural": "artikelen",
                "ordering": ["convenant", "nummer"],
            },
        ),
        migrations.CreateModel(
            name="Herijkingsmoment",
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
                ("datum", models.DateField(verbose_name="datum")),
                ("omschrijving", models.CharField(max_length=300, verbose_name="omschrijving")),
                (
                    "convenant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="herijkingsmomenten",
                        to="convenant.convenant",
                        verbose_name="convenant",
                    ),
                ),
            ],
            options={
                "verbose_name": "herijkingsmoment",
                "verbose_name_plural": "herijkingsmomenten",
                "ordering": ["convenant", "datum"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalArtikel",
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
                ("tekst", models.TextField(verbose_name="tekst")),
                (
                    "slottekst",
                    models.TextField(
                        blank=True,
                        help_text="Tekst na de onderdelen, indien aanwezig.",
                        verbose_name="slottekst",
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
            ],
            options={
                "verbose_name": "historical artikel",
                "verbose_name_plural": "historical artikelen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalArtikelonderdeel",
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
                ("letter", models.CharField(max_length=3, verbose_name="letter")),
                ("tekst", models.TextField(verbose_name="tekst")),
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
                    "artikel",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.artikel",
                        verbose_name="artikel",
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
                "verbose_name": "historical artikelonderdeel",
                "verbose_name_plural": "historical artikelonderdelen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDomein",
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
                ("naam", models.CharField(db_index=True, max_length=100, verbose_name="naam")),
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
                "verbose_name": "historical domein",
                "verbose_name_plural": "historical domeinen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalGemeente",
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
                ("naam", models.CharField(db_index=True, max_length=100, verbose_name="naam")),
                (
                    "adres",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="adres (straat en huisnummer)"
                    ),
                ),
                ("postcode", models.CharField(blank=True, max_length=10, verbose_name="postcode")),
                ("plaats", models.CharField(blank=True, max_length=100, verbose_name="plaats")),
                (
                    "contactpersoon",
                    models.CharField(blank=True, max_length=200, verbose_name="contactpersoon"),
                ),
                (
                    "contact_email",
                    models.EmailField(
                        blank=True, max_length=254, verbose_name="e-mailadres contactpersoon"
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
                "verbose_name": "historical gemeente",
                "verbose_name_plural": "historical gemeenten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalHerijkingsmoment",
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
                ("datum", models.DateField(verbose_name="datum")),
                ("omschrijving", models.CharField(max_length=300, verbose_name="omschrijving")),
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
            ],
            options={
                "verbose_name": "historical herijkingsmoment",
                "verbose_name_plural": "historical herijkingsmomenten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalInwonertal",
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
                ("aantal", regiekamer.fields.AantalField(verbose_name="aantal inwoners")),
                ("bron", models.CharField(blank=True, max_length=200, verbose_name="bron")),
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
            ],
            options={
                "verbose_name": "historical inwonertal",
                "verbose_name_plural": "historical inwonertallen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOndertekenaar",
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
                ("functie", models.CharField(blank=True, max_length=200, verbose_name="functie")),
                (
                    "datum_collegebesluit",
                    models.DateField(blank=True, null=True, verbose_name="datum collegebesluit"),
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
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="namens gemeente",
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
                "verbose_name": "historical ondertekenaar",
                "verbose_name_plural": "historical ondertekenaars",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOverweging",
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
                ("letter", models.CharField(max_length=3, verbose_name="letter")),
                ("tekst", models.TextField(verbose_name="tekst")),
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
            ],
            options={
                "verbose_name": "historical overweging",
                "verbose_name_plural": "historical overwegingen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSamenwerkingsverband",
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
                    "afkorting",
                    models.SlugField(
                        help_text="Unieke code, bijvoorbeeld MLW; gebruikt in adressen en opdrachten.",
                        max_length=20,
                        verbose_name="afkorting",
                    ),
                ),
                (
                    "juridische_vorm",
                    models.CharField(
                        choices=[
                            ("regeling_zonder_meer", "Regeling zonder meer (art. 1 Wgr)"),
                            ("centrumregeling", "Centrumregeling"),
                            ("gemeenschappelijk_orgaan", "Gemeenschappelijk orgaan"),
                            ("bedrijfsvoeringsorganisatie", "Bedrijfsvoeringsorganisatie"),
                            ("openbaar_lichaam", "Openbaar lichaam"),
                            ("samenwerkingsovereenkomst", "Samenwerkingsovereenkomst"),
                        ],
                        max_length=40,
                        verbose_name="juridische vorm",
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
                    "penvoerder",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Draagt de kosten van rollen zonder leverende gemeente (inhuur, projecten).",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="penvoerder",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical samenwerkingsverband",
                "verbose_name_plural": "historical samenwerkingsverbanden",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalToegang",
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
                    "gebruiker",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="gebruiker",
                    ),
                ),
                (
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Alleen voor een ambtenaar van een gemeente: die gemeente.",
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
            ],
            options={
                "verbose_name": "historical toegang",
                "verbose_name_plural": "historical toegang",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Inwonertal",
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
                ("aantal", regiekamer.fields.AantalField(verbose_name="aantal inwoners")),
                ("bron", models.CharField(blank=True, max_length=200, verbose_name="bron")),
                (
                    "gemeente",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="inwonertallen",
                        to="convenant.gemeente",
                        verbose_name="gemeente",
                    ),
                ),
            ],
            options={
                "verbose_name": "inwonertal",
                "verbose_name_plural": "inwonertallen",
                "ordering": ["gemeente__naam", "-peildatum"],
            },
        ),
        migrations.CreateModel(
            name="Ondertekenaar",
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
                ("functie", models.CharField(blank=True, max_length=200, verbose_name="functie")),
                (
                    "datum_collegebesluit",
                    models.DateField(blank=True, null=True, verbose_name="datum collegebesluit"),
                ),
                (
                    "convenant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ondertekenaars",
                        to="convenant.convenant",
                        verbose_name="convenant",
                    ),
                ),
                (
                    "gemeente",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="namens gemeente",
                    ),
                ),
            ],
            options={
                "verbose_name": "ondertekenaar",
                "verbose_name_plural": "ondertekenaars",
                "ordering": ["convenant", "gemeente__naam", "naam"],
            },
        ),
        migrations.CreateModel(
            name="Overweging",
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
                ("letter", models.CharField(max_length=3, verbose_name="letter")),
                ("tekst", models.TextField(verbose_name="tekst")),
                (
                    "convenant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="overwegingen",
                        to="convenant.convenant",
                        verbose_name="convenant",
                    ),
                ),
            ],
            options={
                "verbose_name": "overweging",
                "verbose_name_plural": "overwegingen",
                "ordering": [
                    "convenant",
                    django.db.models.functions.text.Length("letter"),
                    "letter",
                ],
            },
        ),
        migrations.CreateModel(
            name="Samenwerkingsverband",
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
                    "afkorting",
                    models.SlugField(
                        help_text="Unieke code, bijvoorbeeld MLW; gebruikt in adressen en opdrachten.",
                        max_length=20,
                        unique=True,
                        verbose_name="afkorting",
                    ),
                ),
                (
                    "juridische_vorm",
                    models.CharField(
                        choices=[
                            ("regeling_zonder_meer", "Regeling zonder meer (art. 1 Wgr)"),
                            ("centrumregeling", "Centrumregeling"),
                            ("gemeenschappelijk_orgaan", "Gemeenschappelijk orgaan"),
                            ("bedrijfsvoeringsorganisatie", "Bedrijfsvoeringsorganisatie"),
                            ("openbaar_lichaam", "Openbaar lichaam"),
                            ("samenwerkingsovereenkomst", "Samenwerkingsovereenkomst"),
                        ],
                        max_length=40,
                        verbose_name="juridische vorm",
                    ),
                ),
                (
                    "domeinen",
                    models.ManyToManyField(
                        blank=True, to="convenant.domein", verbose_name="domeinen"
                    ),
                ),
                (
                    "gemeenten",
                    models.ManyToManyField(
                        blank=True,
                        related_name="samenwerkingsverbanden",
                        to="convenant.gemeente",
                        verbose_name="deelnemende gemeenten",
                    ),
                ),
                (
                    "penvoerder",
                    models.ForeignKey(
                        blank=True,
                        help_text="Draagt de kosten van rollen zonder leverende gemeente (inhuur, projecten).",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="penvoerder",
                    ),
                ),
            ],
            options={
                "verbose_name": "samenwerkingsverband",
                "verbose_name_plural": "samenwerkingsverbanden",
                "ordering": ["naam"],
            },
        ),
        migrations.CreateModel(
            name="Raadsinformatiebrief",
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
                    "status",
                    models.CharField(
                        choices=[("concept", "Concept"), ("verzonden", "Verzonden")],
                        default="concept",
                        editable=False,
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("plaats", models.CharField(blank=True, max_length=100, verbose_name="plaats")),
                (
                    "datum",
                    models.DateField(
                        blank=True,
                        help_text="Leeg: de datum van verzending.",
                        null=True,
                        verbose_name="datum",
                    ),
                ),
                ("onderwerp", models.CharField(max_length=300, verbose_name="onderwerp")),
                (
                    "kenmerk",
                    models.CharField(blank=True, max_length=100, verbose_name="ons kenmerk"),
                ),
                (
                    "aanhef",
                    models.CharField(
                        default="Geachte leden van de gemeenteraad,",
                        max_length=200,
                        verbose_name="aanhef",
                    ),
                ),
                (
                    "tekst",
                    models.TextField(
                        help_text="Alinea's scheidt u met een lege regel. Velden tussen rechte haken, zoals [aandeel_totaal], worden bij het afdrukken ingevuld.",
                        verbose_name="tekst",
                    ),
                ),
                (
                    "slot",
                    models.CharField(
                        default="Met vriendelijke groet,", max_length=200, verbose_name="slot"
                    ),
                ),
                (
                    "burgemeester",
                    models.CharField(
                        blank=True,
                        help_text="Leeg: nog onbekend.",
                        max_length=200,
                        verbose_name="naam burgemeester",
                    ),
                ),
                (
                    "gemeentesecretaris",
                    models.CharField(
                        blank=True,
                        help_text="Leeg: nog onbekend.",
                        max_length=200,
                        verbose_name="naam gemeentesecretaris",
                    ),
                ),
                (
                    "verzonden_op",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="verzonden op"
                    ),
                ),
                (
                    "verzonden_adres",
                    models.TextField(
                        blank=True, editable=False, verbose_name="verzonden aan (adres)"
                    ),
                ),
                (
                    "verzonden_tekst",
                    models.TextField(blank=True, editable=False, verbose_name="verzonden tekst"),
                ),
                (
                    "verzonden_cijfers",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        editable=False,
                        help_text="De waarden van de velden op het moment van verzenden, als tekst.",
                        verbose_name="verzonden cijfers",
                    ),
                ),
                (
                    "convenant",
                    models.ForeignKey(
                        blank=True,
                        help_text="Het convenant waarover de brief gaat; levert de velden [convenant] e.d.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="raadsinformatiebrieven",
                        to="convenant.convenant",
                        verbose_name="convenant",
                    ),
                ),
                (
                    "gemeente",
                    models.ForeignKey(
                        help_text="De gemeente aan wier gemeenteraad de brief is gericht.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="raadsinformatiebrieven",
                        to="convenant.gemeente",
                        verbose_name="gemeente",
                    ),
                ),
                (
                    "verzonden_door",
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
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="raadsinformatiebrieven",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "raadsinformatiebrief",
                "verbose_name_plural": "raadsinformatiebrieven",
                "ordering": [
                    "samenwerkingsverband",
                    models.OrderBy(models.F("datum"), descending=True, nulls_first=True),
                    "-pk",
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalSamenwerkingsverband_gemeenten",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.gemeente",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="convenant.historicalsamenwerkingsverband",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalSamenwerkingsverband_gemeenten",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSamenwerkingsverband_domeinen",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "domein",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.domein",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="convenant.historicalsamenwerkingsverband",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalSamenwerkingsverband_domeinen",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRaadsinformatiebrief",
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
                    "status",
                    models.CharField(
                        choices=[("concept", "Concept"), ("verzonden", "Verzonden")],
                        default="concept",
                        editable=False,
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("plaats", models.CharField(blank=True, max_length=100, verbose_name="plaats")),
                (
                    "datum",
                    models.DateField(
                        blank=True,
                        help_text="Leeg: de datum van verzending.",
                        null=True,
                        verbose_name="datum",
                    ),
                ),
                ("onderwerp", models.CharField(max_length=300, verbose_name="onderwerp")),
                (
                    "kenmerk",
                    models.CharField(blank=True, max_length=100, verbose_name="ons kenmerk"),
                ),
                (
                    "aanhef",
                    models.CharField(
                        default="Geachte leden van de gemeenteraad,",
                        max_length=200,
                        verbose_name="aanhef",
                    ),
                ),
                (
                    "tekst",
                    models.TextField(
                        help_text="Alinea's scheidt u met een lege regel. Velden tussen rechte haken, zoals [aandeel_totaal], worden bij het afdrukken ingevuld.",
                        verbose_name="tekst",
                    ),
                ),
                (
                    "slot",
                    models.CharField(
                        default="Met vriendelijke groet,", max_length=200, verbose_name="slot"
                    ),
                ),
                (
                    "burgemeester",
                    models.CharField(
                        blank=True,
                        help_text="Leeg: nog onbekend.",
                        max_length=200,
                        verbose_name="naam burgemeester",
                    ),
                ),
                (
                    "gemeentesecretaris",
                    models.CharField(
                        blank=True,
                        help_text="Leeg: nog onbekend.",
                        max_length=200,
                        verbose_name="naam gemeentesecretaris",
                    ),
                ),
                (
                    "verzonden_op",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="verzonden op"
                    ),
                ),
                (
                    "verzonden_adres",
                    models.TextField(
                        blank=True, editable=False, verbose_name="verzonden aan (adres)"
                    ),
                ),
                (
                    "verzonden_tekst",
                    models.TextField(blank=True, editable=False, verbose_name="verzonden tekst"),
                ),
                (
                    "verzonden_cijfers",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        editable=False,
                        help_text="De waarden van de velden op het moment van verzenden, als tekst.",
                        verbose_name="verzonden cijfers",
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
                        help_text="Het convenant waarover de brief gaat; levert de velden [convenant] e.d.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.convenant",
                        verbose_name="convenant",
                    ),
                ),
                (
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="De gemeente aan wier gemeenteraad de brief is gericht.",
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
                    "verzonden_door",
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
                "verbose_name": "historical raadsinformatiebrief",
                "verbose_name_plural": "historical raadsinformatiebrieven",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalConvenant",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("concept", "Concept"),
                            ("vastgesteld", "Vastgesteld"),
                            ("ondertekend", "Ondertekend"),
                        ],
                        default="concept",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "dagtekening",
                    models.DateField(blank=True, null=True, verbose_name="dagtekening"),
                ),
                (
                    "inwerkingtreding",
                    models.DateField(blank=True, null=True, verbose_name="inwerkingtreding"),
                ),
                ("einddatum", models.DateField(blank=True, null=True, verbose_name="einddatum")),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                (
                    "versie",
                    models.PositiveSmallIntegerField(
                        default=1, editable=False, verbose_name="versie"
                    ),
                ),
                (
                    "scan",
                    models.TextField(blank=True, max_length=100, verbose_name="getekende scan"),
                ),
                (
                    "scan_bestandsnaam",
                    models.CharField(
                        blank=True,
                        editable=False,
                        max_length=255,
                        verbose_name="oorspronkelijke bestandsnaam van de scan",
                    ),
                ),
                (
                    "revisie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="revisie"),
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
                    "voorganger",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Het convenant waarop dit convenant een vervolg is.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.convenant",
                        verbose_name="voorganger",
                    ),
                ),
                (
                    "vorige_versie",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.convenant",
                        verbose_name="vorige versie",
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
                "verbose_name": "historical convenant",
                "verbose_name_plural": "historical convenanten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="convenant",
            name="samenwerkingsverband",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="convenanten",
                to="convenant.samenwerkingsverband",
                verbose_name="samenwerkingsverband",
            ),
        ),
        migrations.CreateModel(
            name="Toegang",
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
                    "gebruiker",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="toegang",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="gebruiker",
                    ),
                ),
                (
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        help_text="Alleen voor een ambtenaar van een gemeente: die gemeente.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="ambtenaren",
                        to="convenant.gemeente",
                        verbose_name="gemeente",
                    ),
                ),
                (
                    "samenwerkingsverbanden",
                    models.ManyToManyField(
                        blank=True,
                        related_name="toegangen",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverbanden",
                    ),
                ),
                (
                    "stuurgroep_samenwerkingsverbanden",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Samenwerkingsverbanden waarin deze gebruiker alleen lid van de stuurgroep is: lezen en besluiten vastleggen, ook als de gebruiker elders regiegroep is.",
                        related_name="stuurgroep_toegangen",
                        to="convenant.samenwerkingsverband",
                        verbose_name="alleen als stuurgroeplid in",
                    ),
                ),
            ],
            options={
                "verbose_name": "toegang",
                "verbose_name_plural": "toegang",
            },
        ),
        migrations.CreateModel(
            name="HistoricalToegang_stuurgroep_samenwerkingsverbanden",
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
                        to="convenant.historicaltoegang",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.samenwerkingsverband",
                    ),
                ),
                (
                    "toegang",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.toegang",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalToegang_stuurgroep_samenwerkingsverbanden",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalToegang_samenwerkingsverbanden",
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
                        to="convenant.historicaltoegang",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.samenwerkingsverband",
                    ),
                ),
                (
                    "toegang",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.toegang",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalToegang_samenwerkingsverbanden",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Artikelonderdeel",
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
                ("letter", models.CharField(max_length=3, verbose_name="letter")),
                ("tekst", models.TextField(verbose_name="tekst")),
                (
                    "artikel",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="onderdelen",
                        to="convenant.artikel",
                        verbose_name="artikel",
                    ),
                ),
            ],
            options={
                "verbose_name": "artikelonderdeel",
                "verbose_name_plural": "artikelonderdelen",
                "ordering": ["artikel", django.db.models.functions.text.Length("letter"), "letter"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("artikel", "letter"),
                        name="uniek_artikelonderdeel",
                        violation_error_message="Dit artikel heeft al een onderdeel met deze letter.",
                    )
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="artikel",
            constraint=models.UniqueConstraint(
                fields=("convenant", "nummer"),
                name="uniek_artikelnummer",
                violation_error_message="Dit convenant heeft al een artikel met dit nummer.",
            ),
        ),
        migrations.AddConstraint(
            model_name="artikel",
            constraint=models.CheckConstraint(
                condition=models.Q(("nummer__gte", 1)),
                name="artikelnummer_positief",
                violation_error_message="Een artikelnummer is 1 of hoger.",
            ),
        ),
        migrations.AddConstraint(
            model_name="inwonertal",
            constraint=models.UniqueConstraint(
                fields=("gemeente", "peildatum"),
                name="uniek_inwonertal_per_peildatum",
                violation_error_message="Voor deze gemeente is op deze peildatum al een inwonertal.",
            ),
        ),
        migrations.AddConstraint(
            model_name="overweging",
            constraint=models.UniqueConstraint(
                fields=("convenant", "letter"),
                name="unieke_overweging_letter",
                violation_error_message="Deze letter is al gebruikt voor een overweging.",
            ),
        ),
        migrations.AddConstraint(
            model_name="convenant",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("einddatum__isnull", True),
                    ("inwerkingtreding__isnull", True),
                    ("einddatum__gte", models.F("inwerkingtreding")),
                    _connector="OR",
                ),
                name="convenant_einddatum_na_inwerkingtreding",
                violation_error_message="De einddatum ligt vóór de inwerkingtreding.",
            ),
        ),
    ]
