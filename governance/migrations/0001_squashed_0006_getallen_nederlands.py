"""The migrations 0001-0006 of governance in one (Regiekamer as released before the
partijen app): a new database is made in seconds instead of replaying each step; a database
that has applied only some of them goes on with the originals."""

import django.db.models.deletion
import governance.models
import regiekamer.fields
import regiekamer.uploads
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("governance", "0001_initial"),
        ("governance", "0002_bestandsnaam"),
        ("governance", "0003_versie"),
        ("governance", "0004_verwijzing_binnen_regiekamer"),
        ("governance", "0005_uiterste_datum_woorden"),
        ("governance", "0006_getallen_nederlands"),
    ]

    dependencies = [
        ("convenant", "0001_squashed_0009_getallen_nederlands"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Agendapunt",
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
                ("volgorde", models.PositiveSmallIntegerField(verbose_name="volgorde")),
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                (
                    "soort",
                    models.CharField(
                        choices=[
                            ("informatie", "Ter informatie"),
                            ("bespreking", "Ter bespreking (opiniërend)"),
                            ("besluitvorming", "Ter besluitvorming"),
                        ],
                        max_length=20,
                        verbose_name="soort",
                    ),
                ),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
            ],
            options={
                "verbose_name": "agendapunt",
                "verbose_name_plural": "agendapunten",
                "ordering": ["vergadering", "volgorde"],
            },
        ),
        migrations.CreateModel(
            name="Gremium",
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
                        choices=[
                            ("stuurgroep", "Stuurgroep"),
                            ("regiegroep", "Ambtelijke regiegroep"),
                            ("rst", "Regionaal sturingsteam (RST)"),
                            ("lst", "Lokaal sturingsteam (LST)"),
                            ("werkgroep_structureel", "Werkgroep (structureel)"),
                            ("werkgroep_thematisch", "Werkgroep (thematisch)"),
                            ("beleidsteam", "Beleidsteam"),
                            ("projectgroep", "Projectgroep"),
                            ("escalatie", "Escalatie-overleg gemeentesecretarissen"),
                            ("extern", "Extern overleg"),
                        ],
                        max_length=30,
                        verbose_name="soort",
                    ),
                ),
                ("doel", models.TextField(blank=True, verbose_name="doel en mandaat")),
                (
                    "cadans",
                    models.CharField(blank=True, max_length=100, verbose_name="vergadercadans"),
                ),
                (
                    "vergaderingen_per_jaar",
                    regiekamer.fields.AantalKleinField(
                        blank=True, null=True, verbose_name="vergaderingen per jaar"
                    ),
                ),
                (
                    "voorzitter",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("vast", "Vaste voorzitter"),
                            ("roulerend", "Roulerend onder de portefeuillehouders"),
                        ],
                        max_length=20,
                        verbose_name="voorzitterschap",
                    ),
                ),
                (
                    "roulerende_locatie",
                    models.BooleanField(
                        default=False, verbose_name="locatie rouleert over de gemeenten"
                    ),
                ),
                (
                    "communicatie_vast_agendapunt",
                    models.BooleanField(
                        default=False, verbose_name="communicatie als vast agendapunt"
                    ),
                ),
                (
                    "uren_per_week_per_gemeente",
                    regiekamer.fields.UrenField(
                        blank=True,
                        decimal_places=1,
                        max_digits=5,
                        null=True,
                        verbose_name="uren per week per gemeente",
                    ),
                ),
                ("historisch", models.BooleanField(default=False, verbose_name="historisch")),
                ("periode", models.CharField(blank=True, max_length=40, verbose_name="periode")),
                ("bron", models.TextField(blank=True, verbose_name="bron")),
                (
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="gremia",
                        to="convenant.gemeente",
                        verbose_name="gemeente (bij een lokaal gremium)",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="gremia",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "gremium",
                "verbose_name_plural": "gremia",
                "ordering": ["samenwerkingsverband", "historisch", "soort", "naam"],
            },
        ),
        migrations.CreateModel(
            name="Besluit",
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
                ("tekst", models.TextField(verbose_name="besluit")),
                (
                    "uitkomst",
                    models.CharField(
                        choices=[
                            ("aangenomen", "Aangenomen"),
                            ("aangehouden", "Aangehouden"),
                            ("verworpen", "Verworpen"),
                        ],
                        max_length=20,
                        verbose_name="uitkomst",
                    ),
                ),
                (
                    "route",
                    models.CharField(
                        choices=[
                            ("vergadering", "In de vergadering"),
                            ("schriftelijk", "Schriftelijke ronde"),
                        ],
                        default="vergadering",
                        max_length=20,
                        verbose_name="route",
                    ),
                ),
                (
                    "agendapunt",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="besluiten",
                        to="governance.agendapunt",
                        verbose_name="agendapunt",
                    ),
                ),
                (
                    "gremium",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="besluiten",
                        to="governance.gremium",
                        verbose_name="gremium",
                    ),
                ),
            ],
            options={
                "verbose_name": "besluit",
                "verbose_name_plural": "besluiten",
                "ordering": ["-datum", "gremium"],
            },
        ),
        migrations.CreateModel(
            name="GremiumRelatie",
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
                    "soort",
                    models.CharField(
                        choices=[
                            ("opdrachtgever_van", "is opdrachtgever van"),
                            ("escaleert_naar", "escaleert naar"),
                            ("afstemming_met", "stemt af met"),
                        ],
                        max_length=30,
                        verbose_name="soort",
                    ),
                ),
                (
                    "naar",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="relaties_naar",
                        to="governance.gremium",
                        verbose_name="naar",
                    ),
                ),
                (
                    "van",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="relaties_van",
                        to="governance.gremium",
                        verbose_name="van",
                    ),
                ),
            ],
            options={
                "verbose_name": "relatie tussen gremia",
                "verbose_name_plural": "relaties tussen gremia",
            },
        ),
        migrations.CreateModel(
            name="HistoricalBesluit",
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
                ("tekst", models.TextField(verbose_name="besluit")),
                (
                    "uitkomst",
                    models.CharField(
                        choices=[
                            ("aangenomen", "Aangenomen"),
                            ("aangehouden", "Aangehouden"),
                            ("verworpen", "Verworpen"),
                        ],
                        max_length=20,
                        verbose_name="uitkomst",
                    ),
                ),
                (
                    "route",
                    models.CharField(
                        choices=[
                            ("vergadering", "In de vergadering"),
                            ("schriftelijk", "Schriftelijke ronde"),
                        ],
                        default="vergadering",
                        max_length=20,
                        verbose_name="route",
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
                    "agendapunt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.agendapunt",
                        verbose_name="agendapunt",
                    ),
                ),
                (
                    "gremium",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.gremium",
                        verbose_name="gremium",
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
                "verbose_name": "historical besluit",
                "verbose_name_plural": "historical besluiten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalGremium",
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
                        choices=[
                            ("stuurgroep", "Stuurgroep"),
                            ("regiegroep", "Ambtelijke regiegroep"),
                            ("rst", "Regionaal sturingsteam (RST)"),
                            ("lst", "Lokaal sturingsteam (LST)"),
                            ("werkgroep_structureel", "Werkgroep (structureel)"),
                            ("werkgroep_thematisch", "Werkgroep (thematisch)"),
                            ("beleidsteam", "Beleidsteam"),
                            ("projectgroep", "Projectgroep"),
                            ("escalatie", "Escalatie-overleg gemeentesecretarissen"),
                            ("extern", "Extern overleg"),
                        ],
                        max_length=30,
                        verbose_name="soort",
                    ),
                ),
                ("doel", models.TextField(blank=True, verbose_name="doel en mandaat")),
                (
                    "cadans",
                    models.CharField(blank=True, max_length=100, verbose_name="vergadercadans"),
                ),
                (
                    "vergaderingen_per_jaar",
                    regiekamer.fields.AantalKleinField(
                        blank=True, null=True, verbose_name="vergaderingen per jaar"
                    ),
                ),
                (
                    "voorzitter",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("vast", "Vaste voorzitter"),
                            ("roulerend", "Roulerend onder de portefeuillehouders"),
                        ],
                        max_length=20,
                        verbose_name="voorzitterschap",
                    ),
                ),
                (
                    "roulerende_locatie",
                    models.BooleanField(
                        default=False, verbose_name="locatie rouleert over de gemeenten"
                    ),
                ),
                (
                    "communicatie_vast_agendapunt",
                    models.BooleanField(
                        default=False, verbose_name="communicatie als vast agendapunt"
                    ),
                ),
                (
                    "uren_per_week_per_gemeente",
                    regiekamer.fields.UrenField(
                        blank=True,
                        decimal_places=1,
                        max_digits=5,
                        null=True,
                        verbose_name="uren per week per gemeente",
                    ),
                ),
                ("historisch", models.BooleanField(default=False, verbose_name="historisch")),
                ("periode", models.CharField(blank=True, max_length=40, verbose_name="periode")),
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
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="gemeente (bij een lokaal gremium)",
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
                "verbose_name": "historical gremium",
                "verbose_name_plural": "historical gremia",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalGremiumRelatie",
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
                    "soort",
                    models.CharField(
                        choices=[
                            ("opdrachtgever_van", "is opdrachtgever van"),
                            ("escaleert_naar", "escaleert naar"),
                            ("afstemming_met", "stemt af met"),
                        ],
                        max_length=30,
                        verbose_name="soort",
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
                    "naar",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.gremium",
                        verbose_name="naar",
                    ),
                ),
                (
                    "van",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.gremium",
                        verbose_name="van",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical relatie tussen gremia",
                "verbose_name_plural": "historical relaties tussen gremia",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalKnelpunt",
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
                ("omschrijving", models.TextField(verbose_name="omschrijving")),
                (
                    "ingebracht_door",
                    models.CharField(max_length=200, verbose_name="ingebracht door"),
                ),
                ("datum", models.DateField(verbose_name="datum")),
                (
                    "geescaleerd_op",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="geëscaleerd naar de gemeentesecretarissen op",
                    ),
                ),
                ("oplossing", models.TextField(blank=True, verbose_name="oplossing")),
                (
                    "opgelost_op",
                    models.DateField(blank=True, null=True, verbose_name="opgelost op"),
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
                "verbose_name": "historical knelpunt",
                "verbose_name_plural": "historical knelpunten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPersoon",
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
                    "organisatie",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="externe organisatie"
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
                    "gebruiker",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="gebruiker in Regiekamer",
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
                "verbose_name": "historical persoon",
                "verbose_name_plural": "historical personen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalStuk",
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
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                ("bestand", models.TextField(blank=True, max_length=100, verbose_name="bestand")),
                (
                    "bestandsnaam",
                    models.CharField(
                        blank=True,
                        editable=False,
                        max_length=255,
                        verbose_name="oorspronkelijke bestandsnaam",
                    ),
                ),
                (
                    "verwijzing",
                    models.CharField(
                        blank=True,
                        help_text="Bijvoorbeeld /samenwerkingsverbanden/MLW/kosten/ of een convenantversie.",
                        max_length=500,
                        validators=[governance.models.validate_internal_path],
                        verbose_name="verwijzing naar een pagina in Regiekamer",
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
                    "agendapunt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.agendapunt",
                        verbose_name="agendapunt",
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
                "verbose_name": "historical stuk",
                "verbose_name_plural": "historical stukken",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Knelpunt",
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
                ("omschrijving", models.TextField(verbose_name="omschrijving")),
                (
                    "ingebracht_door",
                    models.CharField(max_length=200, verbose_name="ingebracht door"),
                ),
                ("datum", models.DateField(verbose_name="datum")),
                (
                    "geescaleerd_op",
                    models.DateField(
                        blank=True,
                        null=True,
                        verbose_name="geëscaleerd naar de gemeentesecretarissen op",
                    ),
                ),
                ("oplossing", models.TextField(blank=True, verbose_name="oplossing")),
                (
                    "opgelost_op",
                    models.DateField(blank=True, null=True, verbose_name="opgelost op"),
                ),
                (
                    "doorlopen_gremia",
                    models.ManyToManyField(
                        blank=True,
                        related_name="knelpunten",
                        to="governance.gremium",
                        verbose_name="besproken in",
                    ),
                ),
                (
                    "samenwerkingsverband",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="knelpunten",
                        to="convenant.samenwerkingsverband",
                        verbose_name="samenwerkingsverband",
                    ),
                ),
            ],
            options={
                "verbose_name": "knelpunt",
                "verbose_name_plural": "knelpunten",
                "ordering": ["-datum"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalKnelpunt_doorlopen_gremia",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "gremium",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.gremium",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="governance.historicalknelpunt",
                    ),
                ),
                (
                    "knelpunt",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.knelpunt",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalKnelpunt_doorlopen_gremia",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Persoon",
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
                    "organisatie",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="externe organisatie"
                    ),
                ),
                (
                    "gebruiker",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="persoon",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="gebruiker in Regiekamer",
                    ),
                ),
                (
                    "gemeente",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="personen",
                        to="convenant.gemeente",
                        verbose_name="gemeente",
                    ),
                ),
            ],
            options={
                "verbose_name": "persoon",
                "verbose_name_plural": "personen",
                "ordering": ["naam"],
            },
        ),
        migrations.CreateModel(
            name="Lidmaatschap",
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
                    "rol",
                    models.CharField(
                        choices=[
                            ("voorzitter", "Voorzitter"),
                            ("lid", "Lid"),
                            ("adviseur", "Adviseur"),
                            ("secretaris", "Secretaris"),
                            ("op_afroep", "Op afroep"),
                        ],
                        default="lid",
                        max_length=20,
                        verbose_name="rol",
                    ),
                ),
                ("vanaf", models.DateField(blank=True, null=True, verbose_name="vanaf")),
                ("tot", models.DateField(blank=True, null=True, verbose_name="tot en met")),
                (
                    "gremium",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="lidmaatschappen",
                        to="governance.gremium",
                        verbose_name="gremium",
                    ),
                ),
                (
                    "persoon",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="lidmaatschappen",
                        to="governance.persoon",
                        verbose_name="persoon",
                    ),
                ),
            ],
            options={
                "verbose_name": "lidmaatschap",
                "verbose_name_plural": "lidmaatschappen",
                "ordering": ["gremium", "rol", "persoon__naam"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalVergadering",
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
                ("begin", models.DateTimeField(verbose_name="begin")),
                ("eind", models.DateTimeField(blank=True, null=True, verbose_name="eind")),
                ("locatie", models.CharField(blank=True, max_length=200, verbose_name="locatie")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("gepland", "Gepland"),
                            ("agenda_verzonden", "Agenda verzonden"),
                            ("gehouden", "Gehouden"),
                            ("verslag_vastgesteld", "Verslag vastgesteld"),
                        ],
                        default="gepland",
                        max_length=30,
                        verbose_name="status",
                    ),
                ),
                (
                    "voorbeeld",
                    models.BooleanField(
                        default=False,
                        help_text="Een voorbeeld in de demo, geen echte vergadering.",
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
                    "gremium",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.gremium",
                        verbose_name="gremium",
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
                    "locatie_gemeente",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="gastgemeente",
                    ),
                ),
                (
                    "voorzitter",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.persoon",
                        verbose_name="voorzitter",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical vergadering",
                "verbose_name_plural": "historical vergaderingen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalLidmaatschap",
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
                    "rol",
                    models.CharField(
                        choices=[
                            ("voorzitter", "Voorzitter"),
                            ("lid", "Lid"),
                            ("adviseur", "Adviseur"),
                            ("secretaris", "Secretaris"),
                            ("op_afroep", "Op afroep"),
                        ],
                        default="lid",
                        max_length=20,
                        verbose_name="rol",
                    ),
                ),
                ("vanaf", models.DateField(blank=True, null=True, verbose_name="vanaf")),
                ("tot", models.DateField(blank=True, null=True, verbose_name="tot en met")),
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
                    "gremium",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.gremium",
                        verbose_name="gremium",
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
                    "persoon",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.persoon",
                        verbose_name="persoon",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical lidmaatschap",
                "verbose_name_plural": "historical lidmaatschappen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Stuk",
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
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                (
                    "bestand",
                    regiekamer.uploads.ProtectedFileField(
                        blank=True,
                        types=["pdf", "docx", "xlsx", "pptx", "odt", "ods", "png", "jpeg"],
                        upload_to=governance.models.stuk_path,
                        verbose_name="bestand",
                    ),
                ),
                (
                    "bestandsnaam",
                    models.CharField(
                        blank=True,
                        editable=False,
                        max_length=255,
                        verbose_name="oorspronkelijke bestandsnaam",
                    ),
                ),
                (
                    "verwijzing",
                    models.CharField(
                        blank=True,
                        help_text="Bijvoorbeeld /samenwerkingsverbanden/MLW/kosten/ of een convenantversie.",
                        max_length=500,
                        validators=[governance.models.validate_internal_path],
                        verbose_name="verwijzing naar een pagina in Regiekamer",
                    ),
                ),
                (
                    "agendapunt",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="stukken",
                        to="governance.agendapunt",
                        verbose_name="agendapunt",
                    ),
                ),
            ],
            options={
                "verbose_name": "stuk",
                "verbose_name_plural": "stukken",
                "ordering": ["agendapunt", "titel"],
            },
        ),
        migrations.CreateModel(
            name="Vergadering",
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
                ("begin", models.DateTimeField(verbose_name="begin")),
                ("eind", models.DateTimeField(blank=True, null=True, verbose_name="eind")),
                ("locatie", models.CharField(blank=True, max_length=200, verbose_name="locatie")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("gepland", "Gepland"),
                            ("agenda_verzonden", "Agenda verzonden"),
                            ("gehouden", "Gehouden"),
                            ("verslag_vastgesteld", "Verslag vastgesteld"),
                        ],
                        default="gepland",
                        max_length=30,
                        verbose_name="status",
                    ),
                ),
                (
                    "voorbeeld",
                    models.BooleanField(
                        default=False,
                        help_text="Een voorbeeld in de demo, geen echte vergadering.",
                        verbose_name="voorbeeld",
                    ),
                ),
                (
                    "gremium",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="vergaderingen",
                        to="governance.gremium",
                        verbose_name="gremium",
                    ),
                ),
                (
                    "locatie_gemeente",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="convenant.gemeente",
                        verbose_name="gastgemeente",
                    ),
                ),
                (
                    "voorzitter",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="voorgezeten_vergaderingen",
                        to="governance.persoon",
                        verbose_name="voorzitter",
                    ),
                ),
            ],
            options={
                "verbose_name": "vergadering",
                "verbose_name_plural": "vergaderingen",
                "ordering": ["-begin"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAgendapunt",
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
                ("volgorde", models.PositiveSmallIntegerField(verbose_name="volgorde")),
                ("titel", models.CharField(max_length=300, verbose_name="titel")),
                (
                    "soort",
                    models.CharField(
                        choices=[
                            ("informatie", "Ter informatie"),
                            ("bespreking", "Ter bespreking (opiniërend)"),
                            ("besluitvorming", "Ter besluitvorming"),
                        ],
                        max_length=20,
                        verbose_name="soort",
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
                    "vergadering",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.vergadering",
                        verbose_name="vergadering",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical agendapunt",
                "verbose_name_plural": "historical agendapunten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalActiepunt",
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
                ("omschrijving", models.TextField(verbose_name="omschrijving")),
                (
                    "deadline",
                    models.DateField(blank=True, null=True, verbose_name="uiterste datum"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "Open"), ("gereed", "Gereed")],
                        default="open",
                        max_length=20,
                        verbose_name="status",
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
                    "gremium",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.gremium",
                        verbose_name="gremium",
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
                    "eigenaar",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.persoon",
                        verbose_name="eigenaar",
                    ),
                ),
                (
                    "vergadering",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.vergadering",
                        verbose_name="bronvergadering",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical actiepunt",
                "verbose_name_plural": "historical actiepunten",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="agendapunt",
            name="vergadering",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="agendapunten",
                to="governance.vergadering",
                verbose_name="vergadering",
            ),
        ),
        migrations.CreateModel(
            name="Actiepunt",
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
                ("omschrijving", models.TextField(verbose_name="omschrijving")),
                (
                    "deadline",
                    models.DateField(blank=True, null=True, verbose_name="uiterste datum"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "Open"), ("gereed", "Gereed")],
                        default="open",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "gremium",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="actiepunten",
                        to="governance.gremium",
                        verbose_name="gremium",
                    ),
                ),
                (
                    "eigenaar",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="actiepunten",
                        to="governance.persoon",
                        verbose_name="eigenaar",
                    ),
                ),
                (
                    "vergadering",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="actiepunten",
                        to="governance.vergadering",
                        verbose_name="bronvergadering",
                    ),
                ),
            ],
            options={
                "verbose_name": "actiepunt",
                "verbose_name_plural": "actiepunten",
                "ordering": ["status", "deadline"],
            },
        ),
        migrations.AddConstraint(
            model_name="gremium",
            constraint=models.UniqueConstraint(
                fields=("samenwerkingsverband", "naam", "periode"),
                name="uniek_gremium",
                violation_error_message="Er is al een gremium met deze naam in deze periode.",
            ),
        ),
        migrations.AddConstraint(
            model_name="gremiumrelatie",
            constraint=models.UniqueConstraint(
                fields=("van", "naar", "soort"),
                name="unieke_gremiumrelatie",
                violation_error_message="Deze relatie bestaat al.",
            ),
        ),
        migrations.AddConstraint(
            model_name="gremiumrelatie",
            constraint=models.CheckConstraint(
                condition=models.Q(("van", models.F("naar")), _negated=True),
                name="relatie_niet_met_zichzelf",
                violation_error_message="Een gremium heeft geen relatie met zichzelf.",
            ),
        ),
        migrations.AddConstraint(
            model_name="knelpunt",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("geescaleerd_op__isnull", True),
                    ("geescaleerd_op__gte", models.F("datum")),
                    _connector="OR",
                ),
                name="knelpunt_escalatie_na_datum",
                violation_error_message="Een knelpunt wordt pas na het inbrengen geëscaleerd.",
            ),
        ),
        migrations.AddConstraint(
            model_name="lidmaatschap",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("tot__isnull", True),
                    ("vanaf__isnull", True),
                    ("tot__gte", models.F("vanaf")),
                    _connector="OR",
                ),
                name="lidmaatschap_eind_na_begin",
                violation_error_message="Het lidmaatschap eindigt vóór het begint.",
            ),
        ),
        migrations.AddConstraint(
            model_name="stuk",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("bestand", ""), _negated=True),
                    models.Q(("verwijzing", ""), _negated=True),
                    _connector="OR",
                ),
                name="stuk_bestand_of_verwijzing",
                violation_error_message="Een stuk is een bestand of een verwijzing.",
            ),
        ),
        migrations.AddConstraint(
            model_name="vergadering",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("eind__isnull", True), ("eind__gt", models.F("begin")), _connector="OR"
                ),
                name="vergadering_eind_na_begin",
                violation_error_message="De vergadering eindigt vóór of op het begin.",
            ),
        ),
        migrations.AddConstraint(
            model_name="vergadering",
            constraint=models.UniqueConstraint(
                fields=("gremium", "begin"),
                name="unieke_vergadering",
                violation_error_message="Dit gremium vergadert op dit moment al.",
            ),
        ),
    ]
