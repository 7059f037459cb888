"""The admin site: Django's, with the review queue of low-confidence facts beside the models."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path


class ChronologyAdminSite(admin.AdminSite):
    site_header = "Bankruptcy chronologies: staff"
    site_title = "Chronologies admin"
    index_template = "admin/chronology_index.html"

    def get_urls(self):
        from timeline import admin_review

        return [
            path("review/", self.admin_view(admin_review.queue), name="review"),
            path("review/<str:model>/<int:pk>/<str:fact>/", self.admin_view(admin_review.answer), name="review_answer"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        from timeline.review import open_count

        return super().index(request, {"review_count": open_count(), **(extra_context or {})})
