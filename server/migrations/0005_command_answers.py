from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0004_jobs_and_deliveries')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CommandAnswer',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('person_id', fields.CharField(max_length=36)),
                ('key', fields.CharField(max_length=100)),
                ('request_hash', fields.CharField(max_length=64)),
                ('status', fields.IntField(default=0)),
                ('media_type', fields.CharField(default='', max_length=100)),
                ('body', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'command_answer', 'app': 'models', 'unique_together': (('person_id', 'key'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
