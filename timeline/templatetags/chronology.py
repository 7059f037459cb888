"""Small template helpers for partial dates and amounts; the words themselves live in timeline.chronology."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from cases.partial_dates import PartialDate

from ..chronology import amount_words

register = template.Library()


@register.filter
def partial_time(date: PartialDate | None, fallback: str = "not reported"):
    """<time datetime="2003-07">late July 2003</time>: the words for people, EDTF for machines."""
    if not date:
        return fallback
    return format_html('<time datetime="{}">{}</time>', date.edtf, date.display())


@register.filter
def amount(record) -> str:
    """An Amount model (motion, award, event) in words: 'more than $6,000,000'."""
    return amount_words(record.amount, record.currency, record.amount_qualifier, record.amount_note)


@register.filter
def unconfirmed(record, fact: str) -> str:
    """The importer's reason when ``fact`` of the record was read with low confidence and no person has
    answered it yet ('' otherwise): the page marks such a fact 'unconfirmed'."""
    if record is None or not hasattr(record, "needs_review"):
        return ""
    return record.confidence_facts[fact].get("reason", "") if record.needs_review(fact) else ""
