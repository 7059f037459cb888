"""Which admin links a person sees on the public pages: each only to a change form the admin lets them
use, so no link is a 403 (staff without the change permission of a model see none to it)."""

from __future__ import annotations

from django.contrib.auth import get_permission_codename
from django.db.models import Model


def may_change(user, model: type[Model]) -> bool:
    """The admin's own test for its change form: staff, with the model's change permission."""
    meta = model._meta
    return (
        user.is_active
        and user.is_staff
        and user.has_perm(f"{meta.app_label}.{get_permission_codename('change', meta)}")
    )
