from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0009_indexes_and_item_reads')]

    initial = False

    operations = [
        ops.CreateModel(
            name='RecordsEvent',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
                ('action', fields.CharField(description='"retention", "erasure" or "subject_access".', max_length=30)),
                ('done_by', fields.CharField(description='Who did it: "practitioner:<id>", "command line" or "worker".', max_length=100)),
                ('member_id', fields.CharField(default='', description='The family member it was about, by id (erasure, subject access).', max_length=36)),
                ('reason', fields.TextField(default='', description="Why (an erasure's legal reason), in the administrator's words.", unique=False)),
                ('counts', fields.JSONField(default=dict, description='How many rows of each kind were deleted or exported.', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'records_event', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Delivery',
            name='attempted_at',
            field=fields.DatetimeField(null=True, description='When a worker began sending it (the push lease): a job retaken after that', auto_now=False, auto_now_add=False),
        ),
    ]
