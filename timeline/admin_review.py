"""The admin's review queue: one page of the least sure imported facts, each answered in one step.

Every item shows the fact, the importer's confidence and reason, and the release sentence it was read
from; its form confirms the value as shown, saves a correction (edit the value, then confirm) or
deletes it. With htmx the answered item is swapped in place; without, the page reloads.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from . import review
from .review_forms import FactForm

PAGE = 50


def _can(request: HttpRequest, model: str, action: str) -> bool:
    meta = review.MODELS[model]._meta
    return request.user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}")


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    from django.contrib import admin

    kind = request.GET.get("kind", "")
    kind = kind if kind in review.MODELS else ""
    if not any(_can(request, model, "view") or _can(request, model, "change") for model in review.MODELS):
        raise PermissionDenied
    items = review.open_items(kind, PAGE)
    context = {
        **admin.site.each_context(request),
        "title": "Needs review",
        "items": [(item, FactForm(item)) for item in items],
        "kinds": review.KINDS,
        "kind": kind,
        "count": review.open_count(),
        "page_size": PAGE,
        "review_below": review.review_below(),
    }
    return TemplateResponse(request, "admin/review_queue.html", context)


@require_POST
def answer(request: HttpRequest, model: str, pk: int, fact: str) -> HttpResponse:
    item = review.find(model, pk, fact)
    if item is None:
        raise Http404("No such fact to review.")
    action = request.POST.get("action", "confirm")
    if not _can(request, model, "delete" if action == "delete" and model == "event" else "change"):
        raise PermissionDenied
    form = FactForm(item, request.POST)
    done = ""
    if action == "delete":
        if not item.deletable:
            form.add_error(None, f"{item.label} cannot be deleted; correct it instead.")
        else:
            review.delete(item, request.user)
            done = "Deleted" if model == "event" else "Emptied"
    elif form.is_valid():
        changed = review.correct(item, form.values(), request.user)
        done = "Corrected" if changed else "Confirmed"
    if request.htmx:
        template = "admin/review_queue.html#item"
        context = {"item": item, "form": form, "done": done, "count": review.open_count()}
        return render(request, template, context)  # errors, if any, shown in the item itself
    if done:
        messages.success(request, f"{done}: {item.label.lower()} of {item.case or item.obj}.")
    else:
        messages.error(request, f"Not saved: {'; '.join(form.non_field_errors() or _errors(form))}")
    return redirect(reverse("admin:review") + (f"?kind={model}" if request.GET.get("kind") else ""))


def _errors(form) -> list[str]:
    return [f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items() if f in form.fields]
