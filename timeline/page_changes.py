"""What marks a case's page as changed: ``Case.updated`` moved on whenever a row its head shows changes.

The head of a case page (its facts, lead case, jointly administered cases, people, releases) is cached
under the case's row, read with the case in the page's one query (``case_page.case_head``). The case's
own fields, its company and court are in that row's query; for the rest, the lists, a save
or a delete here sets ``updated`` on the cases whose page shows the row: a person of the company, a
release of the case, its lead case or a case jointly administered under it, the company of such a case. The importer,
whose bulk writes send no signals, calls ``touch`` itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from cases.models import Case, Company, Person

from .models import Release

_by_hand: ContextVar[bool] = ContextVar("page_changes_by_hand", default=False)


@contextmanager
def by_hand() -> Iterator[None]:
    """Writes whose caller touches the cases it changes itself: the receivers below do nothing."""
    token = _by_hand.set(True)
    try:
        yield
    finally:
        _by_hand.reset(token)


def _unless_by_hand(receiver):
    def receive(sender, instance, **kwargs) -> None:
        if not _by_hand.get():
            receiver(sender, instance, **kwargs)

    receive.__name__ = receiver.__name__
    return receive


def touch(cases: Q) -> None:
    """The cases ``cases`` selects have changed pages: one UPDATE, no history row, no signal."""
    Case.objects.filter(cases).update(updated=timezone.now())


def _person_changed(sender, instance: Person, **kwargs) -> None:
    touch(Q(company_id=instance.company_id))


def _company_changed(sender, instance: Company, created: bool = False, **kwargs) -> None:
    if not created:  # its own cases read it with the case; their lead and joint cases name it
        leads = Case.objects.filter(company_id=instance.pk, lead_case__isnull=False).values("lead_case_id")
        touch(Q(pk__in=leads) | Q(lead_case__company_id=instance.pk))


def _release_changing(sender, instance: Release, raw: bool = False, **kwargs) -> None:
    """A release moved to another case leaves the list of the case it was on."""
    if not raw and instance.pk is not None and not instance._state.adding:
        instance._case_before = Release.objects.filter(pk=instance.pk).values_list("case_id", flat=True).first()


def _release_changed(sender, instance: Release, **kwargs) -> None:
    touch(Q(pk=instance.case_id) | Q(pk=getattr(instance, "_case_before", None)))


def _case_changing(sender, instance: Case, raw: bool = False, update_fields=None, **kwargs) -> None:
    """A case given another lead case leaves the list of the one it was under."""
    if raw or instance.pk is None or instance._state.adding:
        return
    if update_fields is not None and "lead_case" not in update_fields:
        return
    instance._lead_before = Case.objects.filter(pk=instance.pk).values_list("lead_case_id", flat=True).first()


def _case_changed(sender, instance: Case, **kwargs) -> None:
    """Its leads (now and before) list it; the cases under it name it as their lead."""
    leads = {instance.lead_case_id, getattr(instance, "_lead_before", None)} - {None}
    touch(Q(pk__in=leads) | Q(lead_case_id=instance.pk))


def connect() -> None:
    """Called once, from ``TimelineConfig.ready``."""
    receivers = [
        (post_save, _person_changed, Person), (post_delete, _person_changed, Person),
        (post_save, _release_changed, Release), (post_delete, _release_changed, Release),
        (post_save, _case_changed, Case), (post_delete, _case_changed, Case),
        (post_save, _company_changed, Company),
        (pre_save, _release_changing, Release), (pre_save, _case_changing, Case),
    ]  # fmt: skip
    for signal, receiver, model in receivers:
        # weak=False: the wrapper has no other reference to keep it alive
        uid = f"page_changes.{receiver.__name__}"
        signal.connect(_unless_by_hand(receiver), sender=model, weak=False, dispatch_uid=uid)
