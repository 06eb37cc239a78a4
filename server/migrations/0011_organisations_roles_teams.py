from tortoise import migrations
from tortoise.migrations import operations as ops
from server.organisations.models import Agency, Role
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0008_pin_lockouts')]

    initial = False

    operations = [
        ops.CreateModel(
            name='PractitionerInvitation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('practitioner', fields.ForeignKeyField('models.Practitioner', source_field='practitioner_id', db_constraint=True, to_field='id', related_name='set_password_links', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_by', fields.ForeignKeyField('models.Practitioner', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='practitioner_invitations_made', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'practitioner_invitation', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A one-time link to set a password: sent by email to a new practitioner (or'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Team',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organisation', fields.ForeignKeyField('models.Organisation', source_field='organisation_id', db_constraint=True, to_field='id', related_name='teams', on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=200)),
                ('manager', fields.ForeignKeyField('models.Practitioner', source_field='manager_id', null=True, db_constraint=True, to_field='id', related_name='teams_managed', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'team', 'app': 'models', 'unique_together': (('organisation', 'name'),), 'pk_attr': 'id', 'table_description': 'A team inside an organisation, with a manager who oversees its circles.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='FamilyMember',
            name='removed_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Organisation',
            name='agency',
            field=fields.CharEnumField(default=Agency.SOCIAL_CARE, description='SOCIAL_CARE: social_care\nEARLY_HELP: early_help\nSCHOOL: school\nHEALTH: health\nPOLICE: police\nVOLUNTARY: voluntary', enum_type=Agency, max_length=20),
        ),
        ops.AddField(
            model_name='Practitioner',
            name='role',
            field=fields.CharEnumField(default=Role.PRACTITIONER, description='PARTNERSHIP_ADMIN: partnership_admin\nORGANISATION_ADMIN: organisation_admin\nTEAM_MANAGER: team_manager\nPRACTITIONER: practitioner\nAUDITOR: auditor', enum_type=Role, max_length=20),
        ),
        ops.AddField(
            model_name='Practitioner',
            name='team',
            field=fields.ForeignKeyField('models.Team', source_field='team_id', null=True, db_constraint=True, to_field='id', related_name='members', on_delete=OnDelete.SET_NULL),
        ),
    ]
