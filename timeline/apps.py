from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Chronology and sources"

    def ready(self) -> None:
        from . import page_changes

        page_changes.connect()
