from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0008_pin_lockouts')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ItemRead',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('action', fields.CharField(max_length=50)),
                ('subject_id', fields.CharField(max_length=64)),
                ('practitioner', fields.ForeignKeyField('models.Practitioner', source_field='practitioner_id', db_constraint=True, to_field='id', related_name='item_reads', on_delete=OnDelete.CASCADE)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'item_read', 'app': 'models', 'unique_together': (('action', 'subject_id', 'practitioner'),), 'pk_attr': 'id', 'table_description': 'The latest read of one item by one practitioner, kept up to date as each'},
            bases=['Model'],
        ),
        ops.AddIndex(
            model_name='AudienceChange',
            index=Index(fields=['contribution_id']),
        ),
        ops.AddField(
            model_name='AuditEvent',
            name='items',
            field=fields.JSONField(default=list, description='A read names every item it showed here, in one record per request.', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddIndex(
            model_name='AuditEvent',
            index=Index(fields=['circle_id', 'at']),
        ),
        ops.AddIndex(
            model_name='Contribution',
            index=Index(fields=['author_id', 'created_at']),
        ),
        ops.AddIndex(
            model_name='Contribution',
            index=Index(fields=['circle_id', 'audience']),
        ),
        ops.AddIndex(
            model_name='Contribution',
            index=Index(fields=['meeting_id']),
        ),
        ops.AddIndex(
            model_name='FamilyMember',
            index=Index(fields=['circle_id', 'created_at']),
        ),
        ops.AddIndex(
            model_name='Meeting',
            index=Index(fields=['circle_id', 'starts_at']),
        ),
        ops.AddIndex(
            model_name='PlanAnswer',
            index=Index(fields=['member_id']),
        ),
        ops.AddIndex(
            model_name='PlanItem',
            index=Index(fields=['plan_id', 'position']),
        ),
        ops.AddIndex(
            model_name='PlanItem',
            index=Index(fields=['source_id']),
        ),
        ops.AddIndex(
            model_name='TeamMember',
            index=Index(fields=['practitioner_id']),
        ),
        ops.AddIndex(
            model_name='UrgentRequest',
            index=Index(fields=['circle_id', 'created_at']),
        ),
        ops.AddIndex(
            model_name='UrgentRequest',
            index=Index(fields=['member_id']),
        ),
        ops.AddIndex(
            model_name='ViewRequest',
            index=Index(fields=['member_id']),
        ),
        # On SQLite, altering a field rebuilds its table without its indexes
        # (0002: audit_event, 0006: device and session). Put them back under the
        # names PostgreSQL already has them by, so both databases match.
        ops.RunSQL(
            [
                'CREATE INDEX IF NOT EXISTS "idx_audit_event_subject_4fcdeb" ON "audit_event" ("subject_id")',
                'CREATE INDEX IF NOT EXISTS "idx_audit_event_at_500752" ON "audit_event" ("at")',
                'CREATE INDEX IF NOT EXISTS "idx_device_member__3b2370" ON "device" ("member_id")',
                'CREATE INDEX IF NOT EXISTS "idx_session_member__97fec6" ON "session" ("member_id")',
                'CREATE INDEX IF NOT EXISTS "idx_session_device__7f144d" ON "session" ("device_id")',
                'CREATE INDEX IF NOT EXISTS "idx_session_practit_a7a23d" ON "session" ("practitioner_id")',
            ],
            reverse_sql=ops.RunSQL.noop,
        ),
        # "Read by" so far came from one audit row per item read: each reader's
        # latest read of each item becomes its summary row.
        ops.RunSQL(
            '''INSERT INTO "item_read" ("action", "subject_id", "practitioner_id", "at")
            SELECT "action", "subject_id", "practitioner_id", MAX("at") FROM "audit_event"
            WHERE "action" IN ('read_contribution', 'read_plan_answer_comment')
              AND "practitioner_id" IS NOT NULL AND "subject_id" <> ''
            GROUP BY "action", "subject_id", "practitioner_id"''',
            reverse_sql=ops.RunSQL.noop,
        ),
    ]
