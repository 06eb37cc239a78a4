from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0017_check_ins')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='AuditEvent',
            index=Index(fields=['practitioner_id', 'at']),
        ),
        ops.AddIndex(
            model_name='AuditEvent',
            index=Index(fields=['member_id', 'at']),
        ),
    ]
