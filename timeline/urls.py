from django.urls import path



app_name = "timeline"

urlpatterns: list = []
