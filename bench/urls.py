"""The app's URLs plus the floors the benchmarks compare against: a trivial view and a bare case render."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as app_urlpatterns
from timeline.models import TimelineEvent

# The least a case page could do: one query for the events and their quotes, one template loop.
_BARE = engines["django"].from_string(
    "<!doctype html><title>case {{ pk }}</title><ol>{% for e in events %}"
    '<li id="event-{{ e.id }}">{{ e.date }} {{ e.date_precision }} {{ e.date_qualifier }} {{ e.kind }}: '
    "{{ e.summary }} <q>{{ e.sources__quote }}</q> [{{ e.sources__start }}:{{ e.sources__end }}]</li>"
    "{% endfor %}</ol>"
)


def ping(request: HttpRequest) -> HttpResponse:
    return HttpResponse("pong", content_type="text/plain")


def bare_case(request: HttpRequest, pk: int) -> HttpResponse:
    events = (
        TimelineEvent.objects.filter(case_id=pk)
        .order_by("sort_date", "sort_rank", "id")
        .values(
            "id", "kind", "date", "date_precision", "date_qualifier", "summary",
            "sources__quote", "sources__start", "sources__end",
        )
    )  # fmt: skip
    if request.GET.get("limit"):  # the rows a paged chronology shows, so both print the same rows
        events = events[: int(request.GET["limit"])]
    return HttpResponse(_BARE.render({"pk": pk, "events": events}, request))


urlpatterns = [
    path("bench/ping", ping, name="bench_ping"),
    path("bench/case/<int:pk>/bare", bare_case, name="bench_bare_case"),
    *app_urlpatterns,
]
