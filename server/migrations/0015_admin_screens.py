from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0014_managers')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='SecondFactor',
            name='secret',
            field=fields.CharField(description='Sealed (auth.secrets.seal): a stolen database alone gives no codes.', max_length=255),
        ),
        # On SQLite, altering a field rebuilds the table without its one-practitioner
        # rule; put it back under the name PostgreSQL already has it by.
        ops.RunSQL(
            'CREATE UNIQUE INDEX IF NOT EXISTS "second_factor_practitioner_id_key" ON "second_factor" ("practitioner_id")',
            reverse_sql=ops.RunSQL.noop,
        ),
    ]
