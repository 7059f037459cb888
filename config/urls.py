from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Bankruptcy chronologies: staff"
admin.site.site_title = "Chronologies admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("timeline.urls")),
]
