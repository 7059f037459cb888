from django.contrib.admin.apps import AdminConfig


class ChronologyAdminConfig(AdminConfig):
    """django.contrib.admin with the project's site (config.admin.ChronologyAdminSite) as admin.site."""

    default_site = "config.admin.ChronologyAdminSite"
