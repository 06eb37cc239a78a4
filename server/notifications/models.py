"""Web Push subscriptions, one per person and device."""

from tortoise import fields
from tortoise.models import Model


class PushSubscription(Model):
    id = fields.UUIDField(primary_key=True)
    practitioner = fields.ForeignKeyField(
        "models.Practitioner", related_name="push_subscriptions", null=True,
        on_delete=fields.CASCADE,
    )
    member = fields.ForeignKeyField(
        "models.FamilyMember", related_name="push_subscriptions", null=True,
        on_delete=fields.CASCADE,
    )
    endpoint = fields.CharField(max_length=1000, unique=True)
    p256dh = fields.CharField(max_length=200)
    auth = fields.CharField(max_length=100)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "push_subscription"
