from tortoise import migrations
from tortoise.migrations import operations as ops
from server.contributions.models import Audience
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    # Comments written before this went to the whole team; they now go to the
    # lead only ("my worker"), the narrowest audience that can still answer them.
    dependencies = [('models', '0006_phones_sessions_and_command_answers')]

    initial = False

    operations = [
        ops.AddField(
            model_name='PlanAnswer',
            name='audience',
            field=fields.CharEnumField(default=Audience.MY_WORKER, db_index=True, description='JUST_ME: just_me\nMY_WORKER: my_worker\nMY_MEETING: my_meeting\nMY_FAMILY_TOO: my_family_too', enum_type=Audience, max_length=20),
        ),
        ops.AddField(
            model_name='PlanAnswer',
            name='comment_withdrawn_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddIndex(
            model_name='PlanAnswer',
            index=Index(fields=['item_id', 'member_id']),
        ),
    ]
