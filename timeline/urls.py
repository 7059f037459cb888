from django.urls import path

from . import exports, views

app_name = "timeline"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/chronology.json", views.case_json, name="case_json"),
    path("cases/<int:pk>/chronology.csv", views.case_csv, name="case_csv"),
    path("cases/<int:pk>/chronology.ics", views.case_ics, name="case_ics"),
    path("cases/<int:pk>/feed/", exports.CaseEventsFeed(), name="case_feed"),
    path("feeds/cases/", exports.NewCasesFeed(), name="cases_feed"),
    path("releases/<int:pk>/", views.release_detail, name="release_detail"),
    path("releases/<int:pk>/original/", views.release_original, name="release_original"),
    path("sources/<int:pk>/", views.source_quote, name="source_quote"),
    path("data/", views.data_page, name="data"),
]
