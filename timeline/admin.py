from django.contrib import admin

from cases.admin_provenance import ProvenanceAdmin, entered_by

from .models import EventSource, Release, TimelineEvent


class TimelineEventInline(admin.StackedInline):
    model = TimelineEvent
    extra = 0
    show_change_link = True
    fieldsets = [
        (None, {"fields": [("kind", "summary")]}),
        ("Date", {"fields": [("date", "date_precision", "date_qualifier"), "date_text"]}),
        ("Amount", {"fields": [("amount", "currency", "amount_qualifier", "amount_note")], "classes": ["collapse"]}),
    ]


class EventSourceInline(admin.TabularInline):
    model = EventSource
    extra = 0
    fields = ["release", "start", "end", "quote"]
    readonly_fields = ["quote"]
    raw_id_fields = ["release"]


@admin.register(TimelineEvent)
class TimelineEventAdmin(ProvenanceAdmin):
    list_display = ["summary", "kind", "date", "date_precision", "date_qualifier", "case", entered_by]
    list_select_related = ["case__company", "case__court"]
    list_filter = ["kind", "origin", "date_precision"]
    search_fields = ["summary", "case__company__name"]
    autocomplete_fields = ["case"]
    raw_id_fields = ["motion", "adversary_proceeding", "award"]
    inlines = [EventSourceInline]
    fieldsets = [
        (None, {"fields": ["case", "kind", "summary", "parties"]}),
        ("Date", {"fields": [("date", "date_precision", "date_qualifier"), "date_text"]}),
        ("Amount", {"fields": [("amount", "currency", "amount_qualifier", "amount_note")]}),
        ("Typed record", {"fields": ["motion", "adversary_proceeding", "award"], "classes": ["collapse"]}),
    ]


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "release_date", "is_bankruptcy", "not_case_reason", "company", "format", "imported_at"]
    list_select_related = ["company"]
    list_filter = ["is_bankruptcy", "format"]
    search_fields = ["title", "origin", "sha256", "company__name"]
    autocomplete_fields = ["company", "case"]
    readonly_fields = ["sha256", "origin", "format", "imported_at", "text"]
    exclude = ["original"]
    date_hierarchy = "imported_at"
