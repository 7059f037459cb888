from django.contrib import admin

from .admin_provenance import ProvenanceAdmin, entered_by
from .models import AdversaryProceeding, Case, Company, CompanyAlias, Court, DisclosedAward, Motion, Person

DATE_HELP = "Enter the date with its precision: for 'late July 2003' enter 2003-07-01, precision month, qualifier late."


@admin.register(Court)
class CourtAdmin(admin.ModelAdmin):
    list_display = ["id", "citation", "name", "jurisdiction"]
    search_fields = ["id", "name", "citation", "jurisdiction"]
    list_filter = ["jurisdiction"]


class CompanyAliasInline(admin.TabularInline):
    model = CompanyAlias
    extra = 0
    fields = ["name"]
    readonly_fields = ["name"]
    verbose_name_plural = "names corrected away from (a release writing one joins this company)"

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class PersonInline(admin.TabularInline):
    model = Person
    extra = 0
    fields = ["name", "title"]


@admin.register(Company)
class CompanyAdmin(ProvenanceAdmin):
    list_display = ["name", "ticker", "market", entered_by]
    search_fields = ["name", "normalized_name", "ticker"]
    list_filter = ["origin", "market"]
    inlines = [PersonInline, CompanyAliasInline]


@admin.register(Person)
class PersonAdmin(ProvenanceAdmin):
    list_display = ["name", "title", "company", entered_by]
    list_select_related = ["company"]
    search_fields = ["name", "title", "company__name"]
    autocomplete_fields = ["company"]
    list_filter = ["origin"]


class MotionInline(admin.StackedInline):
    model = Motion
    extra = 0
    fieldsets = [
        (None, {"fields": [("kind", "status"), "description"]}),
        (
            "Filed",
            {"fields": [("filed", "filed_precision", "filed_qualifier"), "filed_text"], "description": DATE_HELP},
        ),
        ("Amount", {"fields": [("amount", "currency", "amount_qualifier", "amount_note")]}),
    ]


class AdversaryProceedingInline(admin.StackedInline):
    model = AdversaryProceeding
    extra = 0
    fieldsets = [
        (None, {"fields": [("plaintiff", "defendant"), "nature", "adversary_number"]}),
        (
            "Filed",
            {"fields": [("filed", "filed_precision", "filed_qualifier"), "filed_text"], "description": DATE_HELP},
        ),
        ("Amount", {"fields": [("amount", "currency", "amount_qualifier", "amount_note")]}),
    ]


class DisclosedAwardInline(admin.StackedInline):
    model = DisclosedAward
    extra = 0
    fieldsets = [
        (None, {"fields": [("kind", "forum"), ("in_favor_of", "against"), "description"]}),
        ("Date", {"fields": [("date", "date_precision", "date_qualifier"), "date_text"], "description": DATE_HELP}),
        ("Amount", {"fields": [("amount", "currency", "amount_qualifier", "amount_note")]}),
    ]


@admin.register(Case)
class CaseAdmin(ProvenanceAdmin):
    list_display = ["company", "court", "chapter", "petition_date", "case_number", "status", entered_by]
    list_select_related = ["company", "court"]
    list_filter = ["chapter", "status", "voluntary", "origin", ("court", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["company__name", "company__ticker", "case_number", "court__id", "court__citation"]
    autocomplete_fields = ["company", "court", "lead_case"]
    date_hierarchy = "petition_date"
    fieldsets = [
        (None, {"fields": ["company", ("court", "division"), ("chapter", "voluntary"), ("case_number", "status")]}),
        (
            "Petition date",
            {
                "fields": [
                    ("petition_date", "petition_date_precision", "petition_date_qualifier"),
                    "petition_date_text",
                ],
                "description": DATE_HELP,
            },
        ),
        ("Joint administration", {"fields": ["lead_case"]}),
    ]

    def get_inlines(self, request, obj):
        from timeline.admin import TimelineEventInline

        return [MotionInline, AdversaryProceedingInline, DisclosedAwardInline, TimelineEventInline]


class CaseRecordAdmin(ProvenanceAdmin):
    list_select_related = ["case__company", "case__court"]
    autocomplete_fields = ["case"]
    list_filter = ["origin"]


@admin.register(Motion)
class MotionAdmin(CaseRecordAdmin):
    list_display = ["description", "kind", "status", "filed", "amount", "case", entered_by]
    list_filter = ["kind", "status", "origin"]
    search_fields = ["description", "case__company__name"]


@admin.register(AdversaryProceeding)
class AdversaryProceedingAdmin(CaseRecordAdmin):
    list_display = ["__str__", "nature", "amount", "amount_qualifier", "filed", "case", entered_by]
    search_fields = ["plaintiff", "defendant", "nature", "adversary_number", "case__company__name"]


@admin.register(DisclosedAward)
class DisclosedAwardAdmin(CaseRecordAdmin):
    list_display = ["__str__", "kind", "forum", "amount", "currency", "date", "case", entered_by]
    list_filter = ["kind", "origin"]
    search_fields = ["in_favor_of", "against", "forum", "description", "case__company__name"]
