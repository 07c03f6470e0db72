from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('author_certificates', '0004_issued_certificate_user_cascade'),
    ]

    operations = [
        migrations.AddField(
            model_name='issuedcertificate',
            name='failure_code',
            field=models.CharField(blank=True, choices=[('design', 'The design could not be rendered'), ('render_limit', 'The render exceeded a limit'), ('storage', 'The file could not be stored'), ('database', 'The result could not be recorded'), ('queue', 'The generation could not be queued'), ('stalled', 'The generation did not finish in time'), ('unexpected', 'Unexpected error')], default='', max_length=16),
        ),
        migrations.AlterField(
            model_name='issuedcertificate',
            name='error',
            field=models.TextField(blank=True, help_text='Staff only: what failed, as the exception said it.'),
        ),
    ]
