from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='UrgentRequest',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', db_constraint=True, to_field='id', related_name='urgent_requests', on_delete=OnDelete.CASCADE)),
                ('circle', fields.ForeignKeyField('models.Circle', source_field='circle_id', db_constraint=True, to_field='id', related_name='urgent_requests', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('acknowledged_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('acknowledged_by', fields.ForeignKeyField('models.Practitioner', source_field='acknowledged_by_id', null=True, db_constraint=True, to_field='id', related_name='urgent_acknowledged', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'urgent_request', 'app': 'models', 'pk_attr': 'id', 'table_description': '"I need to talk to someone now": one tap, for the circle\'s lead practitioner.'},
            bases=['Model'],
        ),
        ops.AlterField(
            model_name='AuditEvent',
            name='subject_id',
            field=fields.CharField(default='', db_index=True, max_length=64),
        ),
        ops.AddField(
            model_name='FamilyMember',
            name='sharing_explained_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
