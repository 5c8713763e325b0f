import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the admin login if no superuser exists, with a random password printed once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would happen, change nothing"
        )

    def handle(self, *args, username, dry_run, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin login exists: sign in at /admin/ (forgot the password? "
                f"python manage.py changepassword {username})"
            )
            return
        if dry_run:
            self.stdout.write(f"Would create superuser {username!r} with a random password.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "Admin login created, shown only this once:\n"
                f"  user: {username}\n  password: {password}\n"
                "  sign in at /admin/ on the address below"
            )
        )
