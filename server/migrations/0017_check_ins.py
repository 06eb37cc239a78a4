from tortoise import migrations
from tortoise.migrations import operations as ops
from server.checkins.questions import Window
from server.contributions.models import Audience
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0015_admin_screens')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CheckIn',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('meeting', fields.ForeignKeyField('models.Meeting', source_field='meeting_id', db_constraint=True, to_field='id', related_name='check_ins', on_delete=OnDelete.CASCADE)),
                ('circle', fields.ForeignKeyField('models.Circle', source_field='circle_id', db_constraint=True, to_field='id', related_name='check_ins', on_delete=OnDelete.CASCADE)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', db_constraint=True, to_field='id', related_name='check_ins', on_delete=OnDelete.CASCADE)),
                ('listened', fields.SmallIntField(null=True)),
                ('helped_decide', fields.SmallIntField(null=True)),
                ('told_honestly', fields.SmallIntField(null=True)),
                ('got_help', fields.SmallIntField(null=True)),
                ('window', fields.CharEnumField(null=True, description='WITH: with\nTO: to\nFOR: for\nNOT: not', enum_type=Window, max_length=4)),
                ('anything_else', fields.TextField(default='', description='"Anything else?": their own words, optional.', unique=False)),
                ('audience', fields.CharEnumField(default=Audience.JUST_ME, description='JUST_ME: just_me\nMY_WORKER: my_worker\nMY_MEETING: my_meeting\nMY_FAMILY_TOO: my_family_too', enum_type=Audience, max_length=20)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'check_in', 'app': 'models', 'unique_together': (('meeting', 'member'),), 'indexes': [Index(fields=['circle_id', 'audience']), Index(fields=['member_id'])], 'pk_attr': 'id', 'table_description': 'A family member\'s answers after a meeting. Private ("just me") unless they'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Reflection',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('meeting', fields.ForeignKeyField('models.Meeting', source_field='meeting_id', db_constraint=True, to_field='id', related_name='reflections', on_delete=OnDelete.CASCADE)),
                ('practitioner', fields.ForeignKeyField('models.Practitioner', source_field='practitioner_id', db_constraint=True, to_field='id', related_name='reflections', on_delete=OnDelete.CASCADE)),
                ('listened', fields.SmallIntField(null=True)),
                ('helped_decide', fields.SmallIntField(null=True)),
                ('told_honestly', fields.SmallIntField(null=True)),
                ('got_help', fields.SmallIntField(null=True)),
                ('window', fields.CharEnumField(null=True, description='WITH: with\nTO: to\nFOR: for\nNOT: not', enum_type=Window, max_length=4)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'reflection', 'app': 'models', 'unique_together': (('meeting', 'practitioner'),), 'pk_attr': 'id', 'table_description': "A practitioner's matching reflection after a meeting they attended."},
            bases=['Model'],
        ),
    ]
