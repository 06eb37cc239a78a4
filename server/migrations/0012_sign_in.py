from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.migrations.constraints import UniqueConstraint

class Migration(migrations.Migration):
    dependencies = [('models', '0011_organisations_roles_teams')]

    initial = False

    operations = [
        ops.CreateModel(
            name='OidcLogin',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('state_hash', fields.CharField(unique=True, max_length=64)),
                ('nonce', fields.CharField(max_length=64)),
                ('code_verifier', fields.CharField(max_length=128)),
                ('provider', fields.CharField(max_length=50)),
                ('invitation', fields.CharField(default='', max_length=200)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'oidc_login', 'app': 'models', 'pk_attr': 'id', 'table_description': 'One trip to an identity provider and back: the state (hashed), nonce and'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RecoveryCode',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('practitioner', fields.ForeignKeyField('models.Practitioner', source_field='practitioner_id', db_constraint=True, to_field='id', related_name='recovery_codes', on_delete=OnDelete.CASCADE)),
                ('code_hash', fields.CharField(unique=True, max_length=64)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'recovery_code', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A one-time code for when the phone with the authenticator app is lost.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SecondFactor',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('practitioner', fields.OneToOneField('models.Practitioner', source_field='practitioner_id', db_constraint=True, to_field='id', related_name='second_factor', on_delete=OnDelete.CASCADE)),
                ('secret', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('confirmed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_step', fields.BigIntField(null=True)),
            ],
            options={'table': 'second_factor', 'app': 'models', 'pk_attr': 'id', 'table_description': 'The authenticator app of one practitioner, for TOTP codes.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Organisation',
            name='identity_provider',
            field=fields.CharField(default='', max_length=50),
        ),
        ops.AddField(
            model_name='Organisation',
            name='requires_second_factor',
            field=fields.BooleanField(default=False),
        ),
        ops.AlterField(
            model_name='Practitioner',
            name='identity_subject',
            field=fields.CharField(null=True, max_length=255),
        ),
        ops.AddField(
            model_name='Practitioner',
            name='identity_issuer',
            field=fields.CharField(null=True, max_length=255),
        ),
        ops.AddConstraint(
            model_name='Practitioner',
            constraint=UniqueConstraint(fields=('identity_issuer', 'identity_subject'), name=None),
        ),
    ]
