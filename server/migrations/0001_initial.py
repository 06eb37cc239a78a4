from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from server.circles.models import AgeBand, FamilyRole
from server.contributions.models import Audience, ContributionKind
from server.meetings.models import MeetingKind
from server.organisations.models import Agency
from server.plans.models import PlanSection
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Attempt',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('key', fields.CharField(db_index=True, max_length=200)),
                ('at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'attempt', 'app': 'models', 'pk_attr': 'id', 'table_description': 'Failed tries at a secret (password, PIN, code), counted per key and window'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Organisation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=200)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'organisation', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Circle',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organisation', fields.ForeignKeyField('models.Organisation', source_field='organisation_id', db_constraint=True, to_field='id', related_name='circles', on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=200)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'circle', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FamilyMember',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('circle', fields.ForeignKeyField('models.Circle', source_field='circle_id', db_constraint=True, to_field='id', related_name='members', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=100)),
                ('role', fields.CharEnumField(description='YOUNG_PERSON: young_person\nCHILD: child\nPARENT: parent\nCARER: carer\nKINSHIP_CARER: kinship_carer\nFOSTER_CARER: foster_carer', enum_type=FamilyRole, max_length=20)),
                ('age_band', fields.CharEnumField(description='UNDER_8: under_8\nFROM_8_TO_11: 8_11\nFROM_12_TO_15: 12_15\nFROM_16_TO_17: 16_17\nADULT: adult', enum_type=AgeBand, max_length=10)),
                ('locale', fields.CharField(default='en', max_length=10)),
                ('pin_hash', fields.CharField(default='', max_length=200)),
                ('simple_mode', fields.BooleanField(default=False)),
                ('joined_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'family_member', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Device',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', db_constraint=True, to_field='id', related_name='devices', on_delete=OnDelete.CASCADE)),
                ('key_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'device', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A phone on which a family member redeemed an invitation. The PIN works only'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Plan',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('circle', fields.OneToOneField('models.Circle', source_field='circle_id', db_constraint=True, to_field='id', related_name='plan', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'plan', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Practitioner',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organisation', fields.ForeignKeyField('models.Organisation', source_field='organisation_id', db_constraint=True, to_field='id', related_name='practitioners', on_delete=OnDelete.RESTRICT)),
                ('email', fields.CharField(unique=True, max_length=254)),
                ('name', fields.CharField(max_length=200)),
                ('agency', fields.CharEnumField(description='SOCIAL_CARE: social_care\nEARLY_HELP: early_help\nSCHOOL: school\nHEALTH: health\nPOLICE: police\nVOLUNTARY: voluntary', enum_type=Agency, max_length=20)),
                ('password_hash', fields.CharField(default='', max_length=200)),
                ('identity_subject', fields.CharField(null=True, unique=True, max_length=255)),
                ('locale', fields.CharField(default='en', max_length=10)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'practitioner', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
                ('practitioner', fields.ForeignKeyField('models.Practitioner', source_field='practitioner_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.SET_NULL)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.SET_NULL)),
                ('action', fields.CharField(max_length=50)),
                ('circle', fields.ForeignKeyField('models.Circle', source_field='circle_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.SET_NULL)),
                ('subject_type', fields.CharField(default='', max_length=50)),
                ('subject_id', fields.CharField(default='', max_length=64)),
            ],
            options={'table': 'audit_event', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Invitation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', db_constraint=True, to_field='id', related_name='invitations', on_delete=OnDelete.CASCADE)),
                ('code_hash', fields.CharField(unique=True, max_length=64)),
                ('created_by', fields.ForeignKeyField('models.Practitioner', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='invitations_made', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('redeemed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'invitation', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A single-use, expiring code that lets one family member join on one phone.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Meeting',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('circle', fields.ForeignKeyField('models.Circle', source_field='circle_id', db_constraint=True, to_field='id', related_name='meetings', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='CHILD_PROTECTION_CONFERENCE: child_protection_conference\nCHILD_IN_NEED_REVIEW: child_in_need_review\nTEAM_AROUND_THE_FAMILY: team_around_the_family\nLOOKED_AFTER_REVIEW: looked_after_review\nFAMILY_GROUP_CONFERENCE: family_group_conference', enum_type=MeetingKind, max_length=40)),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('place', fields.CharField(default='', max_length=200)),
                ('created_by', fields.ForeignKeyField('models.Practitioner', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='meetings_made', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'meeting', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Contribution',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('circle', fields.ForeignKeyField('models.Circle', source_field='circle_id', db_constraint=True, to_field='id', related_name='contributions', on_delete=OnDelete.CASCADE)),
                ('author', fields.ForeignKeyField('models.FamilyMember', source_field='author_id', db_constraint=True, to_field='id', related_name='contributions', on_delete=OnDelete.CASCADE)),
                ('meeting', fields.ForeignKeyField('models.Meeting', source_field='meeting_id', null=True, db_constraint=True, to_field='id', related_name='contributions', on_delete=OnDelete.SET_NULL)),
                ('kind', fields.CharEnumField(description='GOING_WELL: going_well\nWORRIED_ABOUT: worried_about\nWANT_TO_HAPPEN: want_to_happen\nSCALE: scale\nMESSAGE: message', enum_type=ContributionKind, max_length=20)),
                ('text', fields.TextField(default='', unique=False)),
                ('scale_question', fields.CharField(default='', max_length=200)),
                ('scale_value', fields.SmallIntField(null=True)),
                ('audience', fields.CharEnumField(default=Audience.JUST_ME, description='JUST_ME: just_me\nMY_WORKER: my_worker\nMY_MEETING: my_meeting\nMY_FAMILY_TOO: my_family_too', enum_type=Audience, max_length=20)),
                ('withdrawn_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('version', fields.IntField(default=1)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'contribution', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AudienceChange',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('contribution', fields.ForeignKeyField('models.Contribution', source_field='contribution_id', db_constraint=True, to_field='id', related_name='audience_changes', on_delete=OnDelete.CASCADE)),
                ('from_audience', fields.CharEnumField(null=True, description='JUST_ME: just_me\nMY_WORKER: my_worker\nMY_MEETING: my_meeting\nMY_FAMILY_TOO: my_family_too', enum_type=Audience, max_length=20)),
                ('to_audience', fields.CharEnumField(null=True, description='JUST_ME: just_me\nMY_WORKER: my_worker\nMY_MEETING: my_meeting\nMY_FAMILY_TOO: my_family_too', enum_type=Audience, max_length=20)),
                ('withdrawn', fields.BooleanField(default=False)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'audience_change', 'app': 'models', 'pk_attr': 'id', 'table_description': "The author's receipt: every change of sharing choice and every withdrawal."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PlanItem',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('plan', fields.ForeignKeyField('models.Plan', source_field='plan_id', db_constraint=True, to_field='id', related_name='items', on_delete=OnDelete.CASCADE)),
                ('section', fields.CharEnumField(description='WORKING_WELL: working_well\nWORRIED_ABOUT: worried_about\nNEEDS_TO_HAPPEN: needs_to_happen\nACTIONS: actions', enum_type=PlanSection, max_length=20)),
                ('text', fields.TextField(default='', unique=False)),
                ('source', fields.ForeignKeyField('models.Contribution', source_field='source_id', null=True, db_constraint=True, to_field='id', related_name='plan_items', on_delete=OnDelete.SET_NULL)),
                ('author', fields.ForeignKeyField('models.Practitioner', source_field='author_id', null=True, db_constraint=True, to_field='id', related_name='plan_items', on_delete=OnDelete.SET_NULL)),
                ('owner_member', fields.ForeignKeyField('models.FamilyMember', source_field='owner_member_id', null=True, db_constraint=True, to_field='id', related_name='actions', on_delete=OnDelete.SET_NULL)),
                ('owner_practitioner', fields.ForeignKeyField('models.Practitioner', source_field='owner_practitioner_id', null=True, db_constraint=True, to_field='id', related_name='actions', on_delete=OnDelete.SET_NULL)),
                ('due_on', fields.DateField(null=True)),
                ('position', fields.IntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'plan_item', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PlanVersion',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('plan', fields.ForeignKeyField('models.Plan', source_field='plan_id', db_constraint=True, to_field='id', related_name='versions', on_delete=OnDelete.CASCADE)),
                ('number', fields.IntField()),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('published_by', fields.ForeignKeyField('models.Practitioner', source_field='published_by_id', null=True, db_constraint=True, to_field='id', related_name='published_versions', on_delete=OnDelete.SET_NULL)),
                ('snapshot', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'plan_version', 'app': 'models', 'unique_together': (('plan', 'number'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PushSubscription',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('practitioner', fields.ForeignKeyField('models.Practitioner', source_field='practitioner_id', null=True, db_constraint=True, to_field='id', related_name='push_subscriptions', on_delete=OnDelete.CASCADE)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', null=True, db_constraint=True, to_field='id', related_name='push_subscriptions', on_delete=OnDelete.CASCADE)),
                ('endpoint', fields.CharField(unique=True, max_length=1000)),
                ('p256dh', fields.CharField(max_length=200)),
                ('auth', fields.CharField(max_length=100)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'push_subscription', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Session',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('practitioner', fields.ForeignKeyField('models.Practitioner', source_field='practitioner_id', null=True, db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('member', fields.ForeignKeyField('models.FamilyMember', source_field='member_id', null=True, db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('device', fields.ForeignKeyField('models.Device', source_field='device_id', null=True, db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('csrf_token', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'session', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TeamMember',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('circle', fields.ForeignKeyField('models.Circle', source_field='circle_id', db_constraint=True, to_field='id', related_name='team', on_delete=OnDelete.CASCADE)),
                ('practitioner', fields.ForeignKeyField('models.Practitioner', source_field='practitioner_id', db_constraint=True, to_field='id', related_name='team_places', on_delete=OnDelete.CASCADE)),
                ('is_lead', fields.BooleanField(default=False)),
                ('added_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'team_member', 'app': 'models', 'unique_together': (('circle', 'practitioner'),), 'pk_attr': 'id', 'table_description': "A practitioner on a circle's team. One of them is the lead."},
            bases=['Model'],
        ),
    ]
