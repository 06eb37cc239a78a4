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
    ]
