from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [("models", "0013_loop_closes")]

    initial = False

    operations = [
        ops.AddField(
            model_name="PlanAnswer",
            name="escalated_by_member",
            field=fields.ForeignKeyField(
                "models.FamilyMember",
                source_field="escalated_by_member_id",
                null=True,
                description="The family member who took their own disagreement to a manager.",
                db_constraint=True,
                to_field="id",
                related_name="plan_escalations",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
        ops.AddField(
            model_name="PlanAnswer",
            name="escalated_to",
            field=fields.ForeignKeyField(
                "models.Practitioner",
                source_field="escalated_to_id",
                null=True,
                description="The named manager it went to: the manager of the lead's team.",
                db_constraint=True,
                to_field="id",
                related_name="plan_escalations_received",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
        ops.AddField(
            model_name="PlanAnswer",
            name="manager_answer",
            field=fields.TextField(default="", unique=False),
        ),
        ops.AddField(
            model_name="PlanAnswer",
            name="manager_answered_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name="PlanAnswer",
            name="manager_answered_by",
            field=fields.ForeignKeyField(
                "models.Practitioner",
                source_field="manager_answered_by_id",
                null=True,
                db_constraint=True,
                to_field="id",
                related_name="plan_escalations_answered",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
        ops.AddField(
            model_name="Team",
            name="duty_contact",
            field=fields.ForeignKeyField(
                "models.Practitioner",
                source_field="duty_contact_id",
                null=True,
                description="A practitioner of the team told, with the manager, of a call for help",
                db_constraint=True,
                to_field="id",
                related_name="duty_for",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
        ops.AddField(
            model_name="UrgentRequest",
            name="overdue_told_at",
            field=fields.DatetimeField(
                null=True,
                description="When the lead's manager and the team's duty contact were told nobody had",
                auto_now=False,
                auto_now_add=False,
            ),
        ),
    ]
