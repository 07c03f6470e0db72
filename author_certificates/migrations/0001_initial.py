# The schema of the first release (0.1.0); later model changes are new migrations after 0002 (docs/decisions/0056).

import author_certificates.fields
import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DesignAsset',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sha256', models.CharField(max_length=64, unique=True)),
                ('content_type', models.CharField(max_length=100)),
                ('data', models.BinaryField()),
                ('size', models.PositiveIntegerField()),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='AuthorCertificate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('tenant', models.CharField(db_index=True, max_length=100)),
                ('title', models.CharField(max_length=255)),
                ('created_at', models.DateTimeField()),
                ('latest_version_number', models.PositiveIntegerField(default=0)),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['title', 'id'],
            },
        ),
        migrations.CreateModel(
            name='AuthorCertificateVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('number', models.PositiveIntegerField()),
                ('title', models.CharField(help_text='Certificate title as of this version.', max_length=255)),
                ('html', models.TextField()),
                ('css', models.TextField(blank=True)),
                ('page_size', models.CharField(choices=[('A4', 'A4'), ('Letter', 'US Letter')], default='A4', max_length=16)),
                ('orientation', models.CharField(choices=[('landscape', 'Landscape'), ('portrait', 'Portrait')], default='landscape', max_length=16)),
                ('language', models.CharField(default='en', max_length=16)),
                ('created_at', models.DateTimeField()),
                ('certificate', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='versions', to='author_certificates.authorcertificate')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['certificate_id', '-number'],
            },
        ),
        migrations.CreateModel(
            name='ClassicCertificate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('tenant', models.CharField(blank=True, db_index=True, help_text='Blank for a platform default, shown to every tenant.', max_length=100)),
                ('name', models.CharField(max_length=255)),
                ('language', models.CharField(default='en', max_length=16)),
                ('builtin_language', models.CharField(blank=True, help_text='Set for platform defaults: the packaged design in this language.', max_length=16)),
                ('html', models.TextField(blank=True)),
                ('css', models.TextField(blank=True)),
                ('page_size', models.CharField(choices=[('A4', 'A4'), ('Letter', 'US Letter')], default='A4', max_length=16)),
                ('orientation', models.CharField(choices=[('landscape', 'Landscape'), ('portrait', 'Portrait')], default='landscape', max_length=16)),
                ('is_active', models.BooleanField(default=True)),
            ],
            options={
                'ordering': ['tenant', 'language', 'name'],
                'constraints': [models.UniqueConstraint(fields=('tenant', 'name'), name='ac_classic_name_unique_per_tenant'), models.CheckConstraint(condition=models.Q(models.Q(('builtin_language', ''), _negated=True), models.Q(('html', ''), _negated=True), _connector='OR'), name='ac_classic_has_design')],
            },
        ),
        migrations.CreateModel(
            name='Training',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('course', 'Course'), ('pathway', 'Pathway'), ('program', 'Learning program')], max_length=16)),
                ('key', author_certificates.fields.CaseSensitiveCharField(help_text='Course key or pathway-v1:/program-v1: key.', max_length=255, unique=True)),
                ('org', models.CharField(blank=True, max_length=255)),
                ('title', models.CharField(max_length=255)),
                ('tenant', models.CharField(db_index=True, max_length=100)),
                ('language', models.CharField(default='en', help_text="Language of the training's certificate.", max_length=16)),
                ('created_at', models.DateTimeField()),
                ('updated_at', models.DateTimeField()),
            ],
            options={
                'ordering': ['kind', 'title'],
                'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ['course', 'pathway', 'program'])), name='ac_training_kind_valid')],
            },
        ),
        migrations.CreateModel(
            name='RoleAssignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('admin', 'Administrator'), ('trainer', 'Trainer'), ('inspector', 'Inspector')], max_length=16)),
                ('tenant', models.CharField(db_index=True, max_length=100)),
                ('granted_at', models.DateTimeField()),
                ('scope', models.CharField(blank=True, default='', editable=False, max_length=32)),
                ('granted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('training', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='roles', to='author_certificates.training')),
            ],
        ),
        migrations.CreateModel(
            name='IssuedCertificate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('state', models.CharField(choices=[('generating', 'The certificate is being generated'), ('generated', 'The certificate has been generated'), ('failed', 'The certificate could not be generated')], default='generating', max_length=16)),
                ('requested_at', models.DateTimeField()),
                ('generated_at', models.DateTimeField(blank=True, help_text='Date of the first generation (R10).', null=True)),
                ('learner_name', models.CharField(blank=True, help_text='The name printed on the certificate.', max_length=255)),
                ('printed', models.JSONField(blank=True, default=dict, help_text='What was printed (names, title, dates, links) at first generation, for a faithful re-render.')),
                ('file', models.CharField(blank=True, help_text='Name of the PDF in the certificate storage.', max_length=500)),
                ('sha256', models.CharField(blank=True, max_length=64)),
                ('error', models.TextField(blank=True)),
                ('attempts', models.PositiveIntegerField(default=0)),
                ('invalidated_at', models.DateTimeField(blank=True, null=True)),
                ('invalidated_reason', models.CharField(blank=True, max_length=255)),
                ('classic', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='author_certificates.classiccertificate')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('version', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='author_certificates.authorcertificateversion')),
                ('training', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='issued_certificates', to='author_certificates.training')),
            ],
            options={
                'ordering': ['-requested_at'],
            },
        ),
        migrations.CreateModel(
            name='Completion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('completed_at', models.DateTimeField()),
                ('revoked_at', models.DateTimeField(blank=True, null=True)),
                ('source', models.CharField(blank=True, help_text='What recorded it: api, an event name, ...', max_length=64)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('training', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='completions', to='author_certificates.training')),
            ],
            options={
                'ordering': ['-completed_at'],
            },
        ),
        migrations.CreateModel(
            name='CertificateAssignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('assigned_at', models.DateTimeField()),
                ('assigned_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('version', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='author_certificates.authorcertificateversion')),
                ('classic', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='author_certificates.classiccertificate')),
                ('training', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='author_certificates.training')),
            ],
            options={
                'ordering': ['training_id', '-id'],
                'get_latest_by': 'id',
            },
        ),
        migrations.CreateModel(
            name='VersionAsset',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=255)),
                ('asset', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='author_certificates.designasset')),
                ('version', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assets', to='author_certificates.authorcertificateversion')),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.AddConstraint(
            model_name='authorcertificateversion',
            constraint=models.UniqueConstraint(fields=('certificate', 'number'), name='ac_version_number_unique'),
        ),
        migrations.AddConstraint(
            model_name='authorcertificateversion',
            constraint=models.CheckConstraint(condition=models.Q(('number__gte', 1)), name='ac_version_number_positive'),
        ),
        migrations.AddConstraint(
            model_name='roleassignment',
            constraint=models.UniqueConstraint(fields=('user', 'role', 'tenant', 'scope'), name='ac_role_unique_in_scope'),
        ),
        migrations.AddConstraint(
            model_name='roleassignment',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['admin', 'trainer', 'inspector'])), name='ac_role_valid'),
        ),
        migrations.AddConstraint(
            model_name='issuedcertificate',
            constraint=models.UniqueConstraint(fields=('user', 'training'), name='ac_issued_one_per_learner_training'),
        ),
        migrations.AddConstraint(
            model_name='issuedcertificate',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('classic__isnull', False), ('version__isnull', True)), models.Q(('classic__isnull', True), ('version__isnull', False)), _connector='OR'), name='ac_issued_pins_one_certificate'),
        ),
        migrations.AddConstraint(
            model_name='issuedcertificate',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('state', 'generated'), _negated=True), models.Q(('generated_at__isnull', False), models.Q(('file', ''), _negated=True), models.Q(('sha256', ''), _negated=True)), _connector='OR'), name='ac_issued_generated_has_file'),
        ),
        migrations.AddConstraint(
            model_name='completion',
            constraint=models.UniqueConstraint(fields=('user', 'training'), name='ac_completion_unique'),
        ),
        migrations.AddConstraint(
            model_name='certificateassignment',
            constraint=models.CheckConstraint(condition=models.Q(('classic__isnull', True), ('version__isnull', True), _connector='OR'), name='ac_assignment_one_certificate'),
        ),
        migrations.AddConstraint(
            model_name='versionasset',
            constraint=models.UniqueConstraint(fields=('version', 'name'), name='ac_version_asset_name_unique'),
        ),
    ]
