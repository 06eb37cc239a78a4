from tortoise import migrations
from tortoise.migrations import operations as ops
from server.plans.models import ActionStatus, Answer
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0002_family_voice')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PlanAnswer',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('item', fields.ForeignKeyField('models.PlanItem', source_field='item_id', db_constraint=True, to_field='id', related_name='answers', on_delete=OnDelete.CASCADE)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', db_constraint=True, to_field='id', related_name='plan_answers', on_delete=OnDelete.CASCADE)),
                ('version_number', fields.IntField()),
                ('answer', fields.CharEnumField(description='AGREE: agree\nNOT_SURE: not_sure\nDISAGREE: disagree', enum_type=Answer, max_length=10)),
                ('comment', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('responded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('responded_by', fields.ForeignKeyField('models.Practitioner', source_field='responded_by_id', null=True, db_constraint=True, to_field='id', related_name='plan_responses', on_delete=OnDelete.SET_NULL)),
                ('response', fields.TextField(default='', unique=False)),
                ('escalated_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('escalated_by', fields.ForeignKeyField('models.Practitioner', source_field='escalated_by_id', null=True, db_constraint=True, to_field='id', related_name='plan_escalations', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'plan_answer', 'app': 'models', 'pk_attr': 'id', 'table_description': "A family member's answer to one plan item: agree, not sure or disagree."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PlanSeen',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('plan', fields.ForeignKeyField('models.Plan', source_field='plan_id', db_constraint=True, to_field='id', related_name='seen_by', on_delete=OnDelete.CASCADE)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', db_constraint=True, to_field='id', related_name='plans_seen', on_delete=OnDelete.CASCADE)),
                ('version_number', fields.IntField()),
                ('seen_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'plan_seen', 'app': 'models', 'unique_together': (('plan', 'member'),), 'pk_attr': 'id', 'table_description': 'The last published version each family member has looked at.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ViewRequest',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('meeting', fields.ForeignKeyField('models.Meeting', source_field='meeting_id', db_constraint=True, to_field='id', related_name='view_requests', on_delete=OnDelete.CASCADE)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', db_constraint=True, to_field='id', related_name='view_requests', on_delete=OnDelete.CASCADE)),
                ('due_on', fields.DateField()),
                ('requested_by', fields.ForeignKeyField('models.Practitioner', source_field='requested_by_id', null=True, db_constraint=True, to_field='id', related_name='view_requests_made', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'view_request', 'app': 'models', 'unique_together': (('meeting', 'member'),), 'pk_attr': 'id', 'table_description': 'The team asked this family member for their views before this meeting.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='PlanItem',
            name='owner_agency',
            field=fields.CharField(null=True, max_length=20),
        ),
        ops.AddField(
            model_name='PlanItem',
            name='status',
            field=fields.CharEnumField(null=True, description='NOT_STARTED: not_started\nIN_PROGRESS: in_progress\nDONE: done', enum_type=ActionStatus, max_length=20),
        ),
    ]
