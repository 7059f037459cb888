from django.core.management.base import BaseCommand

from cases.models import Court
from cases.reference import load_bankruptcy_courts


class Command(BaseCommand):
    help = "Create or refresh every U.S. bankruptcy court from courts-db (also done by the migrations)."

    def handle(self, *args, **options) -> None:
        count = load_bankruptcy_courts(Court)
        self.stdout.write(f"{count} bankruptcy courts loaded.")
