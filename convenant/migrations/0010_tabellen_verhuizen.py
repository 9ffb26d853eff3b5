"""The parties (samenwerkingsverband, gemeente, inwonertal, domein, toegang) move to the app
``partijen`` and the raadsinformatiebrief to ``brieven`` (README, Layout). First their tables get
the new apps' names; the rows stay where they are. Then ``partijen`` and ``brieven`` take the
models over in their migrations' state (no database change), and ``convenant`` lets them go
(0011)."""

from django.db import migrations

MOVED = {
    "partijen": [
        "domein",
        "historicaldomein",
        "gemeente",
        "historicalgemeente",
        "inwonertal",
        "historicalinwonertal",
        "samenwerkingsverband",
        "historicalsamenwerkingsverband",
        "historicalsamenwerkingsverband_domeinen",
        "historicalsamenwerkingsverband_gemeenten",
        "toegang",
        "historicaltoegang",
        "historicaltoegang_samenwerkingsverbanden",
        "historicaltoegang_stuurgroep_samenwerkingsverbanden",
    ],
    "brieven": ["raadsinformatiebrief", "historicalraadsinformatiebrief"],
}


class Migration(migrations.Migration):
    dependencies = [
        ("convenant", "0009_getallen_nederlands"),
    ]

    # Renaming a model's table also renames its many-to-many tables (samenwerkingsverband_gemeenten).
    operations = [
        migrations.AlterModelTable(name=model, table=f"{app}_{model}")
        for app, models in MOVED.items()
        for model in models
    ]
