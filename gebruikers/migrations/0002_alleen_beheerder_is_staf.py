"""Only the beheerder is staff (issue 18): the admin and the "Beheer" link are theirs alone.
Existing users: staff when superuser or member of the group "beheerder", no one else."""

from django.db import migrations
from django.db.models import Q


def only_beheerder_is_staff(apps, schema_editor):
    User = apps.get_model("auth", "User")
    beheerder = Q(is_superuser=True) | Q(groups__name="beheerder")
    staff = set(User.objects.filter(beheerder).values_list("pk", flat=True))
    User.objects.filter(pk__in=staff).update(is_staff=True)
    User.objects.exclude(pk__in=staff).update(is_staff=False)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("gebruikers", "0001_gebruikersgeschiedenis"),
    ]

    operations = [migrations.RunPython(only_beheerder_is_staff, migrations.RunPython.noop)]
