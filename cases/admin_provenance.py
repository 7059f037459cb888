"""Admin plumbing that records what a person entered or changed, so an import never undoes it."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .fields import Origin, Provenance


def mark_staff_work(obj, form, change: bool) -> None:
    if not isinstance(obj, Provenance):
        return
    if not change or obj.pk is None:
        obj.origin = Origin.STAFF
    else:
        obj.mark_edited(list(form.changed_data))


class ProvenanceAdmin(SimpleHistoryAdmin):
    """Every change kept in history (who, when, what it was before) and marked as a person's work."""

    def save_model(self, request, obj, form, change):
        mark_staff_work(obj, form, change)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if not inline_form.has_changed() or inline_form in formset.deleted_forms:
                continue
            mark_staff_work(inline_form.instance, inline_form, inline_form.instance.pk is not None)
        super().save_formset(request, form, formset, change)


@admin.display(description="entered by", ordering="origin")
def entered_by(obj) -> str:
    if obj.origin == Origin.STAFF:
        return "staff"
    return "import, corrected by staff" if obj.edited_fields else "import"
