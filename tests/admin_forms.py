"""What an admin change form posts back: the values it rendered (its inlines' too), with a test's changes."""

from __future__ import annotations

from django.urls import reverse


def change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def change_form_data(client, obj, **changes) -> dict:
    """The change form of ``obj`` as a person saving it would send it, with ``changes`` typed in."""
    context = client.get(change_url(obj)).context
    data: dict = {}
    forms = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for field in form:
            value = field.value()
            if value is None:
                continue
            if isinstance(value, bool):  # what a checkbox or a yes/no select sends
                value = "true" if value else "false"
            data[field.html_name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    data.update(changes)
    return data
