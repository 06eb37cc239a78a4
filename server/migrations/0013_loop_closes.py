from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [("models", "0012_sign_in")]

    initial = False

    operations = [
        ops.AddField(
            model_name="ViewRequest",
            name="seen_at",
            field=fields.DatetimeField(
                null=True,
                description="When the person asked first saw the request on their home screen.",
                auto_now=False,
                auto_now_add=False,
            ),
        ),
        ops.AddField(
            model_name="UrgentRequest",
            name="for_my_meeting",
            field=fields.BooleanField(
                default=False,
                description='They chose "my meeting": the whole team is told, not only the lead.',
            ),
        ),
    ]
