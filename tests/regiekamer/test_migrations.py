"""The migrations build the schema the tests run on.

The test database is made from the models (``--no-migrations`` in pyproject.toml): applying the
migrations costs some 30 seconds per test process. ``makemigrations --check`` (``make test``)
says the models and the migrations agree; this test applies every migration to an empty database
of the suite's own engine and compares its tables, columns and constraints with the test
database's.
"""

import json
import textwrap

from django.db import connection

from tests.scripts import run_script

SCHEMA = textwrap.dedent(
    """
    def schema(connection):
        '''Every table: its columns (name, null allowed) and its constraints (kind, columns).'''
        result = {}
        with connection.cursor() as cursor:
            introspection = connection.introspection
            for table in introspection.table_names(cursor):
                columns = sorted(
                    [c.name, bool(c.null_ok)]
                    for c in introspection.get_table_description(cursor, table)
                )
                constraints = sorted(
                    [
                        "primary key" if c["primary_key"] else
                        "unique" if c["unique"] else
                        "foreign key" if c["foreign_key"] else
                        "check" if c["check"] else "index",
                        sorted(c["columns"] or []),
                        list(c["foreign_key"] or []),
                    ]
                    for c in introspection.get_constraints(cursor, table).values()
                )
                result[table] = {"columns": columns, "constraints": constraints}
        return result
    """
)

MIGRATE = SCHEMA + textwrap.dedent(
    """
    import json

    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    call_command("migrate", verbosity=0)
    print(json.dumps(schema(connection)))
    """
)


def schema(conn) -> dict:
    namespace: dict = {}
    exec(SCHEMA, namespace)  # the same function as in the migrating process
    return json.loads(json.dumps(namespace["schema"](conn)))


def migrated_schema(database_url: str) -> dict:
    result = run_script(MIGRATE, database_url, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def test_the_migrations_build_the_schema_the_tests_run_on(db, tmp_path):
    if connection.vendor == "sqlite":
        migrated = migrated_schema(f"sqlite:///{tmp_path / 'gemigreerd.sqlite3'}")
    else:
        settings = connection.settings_dict
        name = f"{settings['NAME']}_migraties"
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        try:
            migrated = migrated_schema(
                f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}"
                f"@{settings['HOST']}:{settings['PORT']}/{name}"
            )
        finally:
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    del migrated["django_migrations"]  # the record of the migrations applied
    tested = schema(connection)
    assert sorted(migrated) == sorted(tested)
    for table, shape in tested.items():
        assert migrated[table] == shape, table
