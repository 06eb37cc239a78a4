from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0005_command_answers')]

    initial = False

    operations = [
        ops.AddField(
            model_name='CommandAnswer',
            name='subject_id',
            field=fields.CharField(default='', db_index=True, max_length=64),
        ),
        ops.AddField(
            model_name='CommandAnswer',
            name='words_forgotten',
            field=fields.BooleanField(default=False),
        ),
        ops.AlterField(
            model_name='Device',
            name='member',
            field=fields.ForeignKeyField('models.FamilyMember', source_field='member_id', db_index=True, db_constraint=True, to_field='id', related_name='devices', on_delete=OnDelete.CASCADE),
        ),
        ops.AddField(
            model_name='Device',
            name='brought_earlier_words',
            field=fields.BooleanField(default=False),
        ),
        ops.AddField(
            model_name='Device',
            name='invitation',
            field=fields.ForeignKeyField('models.Invitation', source_field='invitation_id', null=True, db_constraint=True, to_field='id', related_name='devices', on_delete=OnDelete.SET_NULL),
        ),
        ops.AddField(
            model_name='FamilyMember',
            name='own_words_since',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AlterField(
            model_name='Session',
            name='device',
            field=fields.ForeignKeyField('models.Device', source_field='device_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE),
        ),
        ops.AlterField(
            model_name='Session',
            name='member',
            field=fields.ForeignKeyField('models.FamilyMember', source_field='member_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE),
        ),
        ops.AlterField(
            model_name='Session',
            name='practitioner',
            field=fields.ForeignKeyField('models.Practitioner', source_field='practitioner_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE),
        ),
    ]
