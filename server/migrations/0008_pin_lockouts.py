from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0007_plan_answer_audience')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Lockout',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('key', fields.CharField(max_length=200)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('until', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('step', fields.IntField()),
            ],
            options={'table': 'lockout', 'app': 'models', 'indexes': [Index(fields=['key', 'until'])], 'pk_attr': 'id', 'table_description': 'A pause after too many failed tries at one key. Pauses close together are'},
            bases=['Model'],
        ),
    ]
