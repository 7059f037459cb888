"""The review queue's form for one fact: its value, as a person confirms or corrects it."""

from __future__ import annotations

from django import forms

from cases.fields import DateQualifier
from cases.models import Case, Company, Court, normalize_company_name

from .models import TimelineEvent
from .review import Item, partial_date

_QUALIFIERS = [("", "exactly"), *DateQualifier.choices]
_PETITION_KINDS = [("unknown", "not reported"), ("true", "voluntary"), ("false", "involuntary")]
_DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD: only the precision the release gives."


class _DateField(forms.CharField):
    def __init__(self, **kwargs):
        attrs = {"placeholder": "YYYY-MM-DD", "inputmode": "numeric", "size": 10}
        super().__init__(max_length=10, required=False, help_text=_DATE_HELP, widget=forms.TextInput(attrs), **kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            partial_date(value)
        except ValueError:
            raise forms.ValidationError("Write the date as YYYY, YYYY-MM or YYYY-MM-DD.", code="invalid") from None
        return value.strip()


class FactForm(forms.Form):
    """The fields of one fact, filled with its current value; ``values()`` gives the model's fields."""

    def __init__(self, item: Item, data=None):
        super().__init__(data, prefix=item.key)
        self.item = item
        obj, fact = item.obj, item.fact
        if fact == "name":
            self.fields["name"] = forms.CharField(label="Name", max_length=200, initial=obj.name)
        elif fact == "ticker":
            self.fields["ticker"] = forms.CharField(label="Ticker", max_length=30, required=False, initial=obj.ticker)
        elif fact == "chapter":
            self.fields["chapter"] = forms.TypedChoiceField(
                label="Chapter",
                choices=[("", "not reported"), *Case.Chapter.choices],
                coerce=int,
                empty_value=None,
                required=False,
                initial=obj.chapter,
            )
        elif fact == "voluntary":
            self.fields["voluntary"] = forms.NullBooleanField(
                label="Petition",
                widget=forms.Select(choices=_PETITION_KINDS),
                initial=obj.voluntary,
                required=False,
            )
        elif fact == "court":
            self.fields["court"] = forms.ModelChoiceField(
                label="Court", queryset=Court.objects.order_by("id"), required=False, initial=obj.court_id
            )
        elif fact == "case_number":
            self.fields["case_number"] = forms.CharField(
                label="Case number", max_length=40, required=False, initial=obj.case_number
            )
        elif fact == "petition_date":
            when = obj.petition
            self.fields["petition_date"] = _DateField(label="Petition date", initial=when.edtf if when else "")
            self.fields["qualifier"] = forms.ChoiceField(
                label="Qualifier", choices=_QUALIFIERS, required=False, initial=(when.qualifier or "") if when else ""
            )
        elif fact == "event":
            when = obj.when
            self.fields["kind"] = forms.ChoiceField(label="Kind", choices=TimelineEvent.Kind.choices, initial=obj.kind)
            self.fields["date"] = _DateField(label="Date", initial=when.edtf if when else "")
            self.fields["qualifier"] = forms.ChoiceField(
                label="Qualifier", choices=_QUALIFIERS, required=False, initial=(when.qualifier or "") if when else ""
            )
            self.fields["summary"] = forms.CharField(
                label="Summary", max_length=500, initial=obj.summary, widget=forms.TextInput(attrs={"size": 60})
            )

    def clean(self):
        data = super().clean()
        name = data.get("name")
        if name and normalize_company_name(name) != self.item.obj.normalized_name:
            taken = Company.objects.filter(normalized_name=normalize_company_name(name)).exclude(pk=self.item.obj.pk)
            if taken.exists():
                raise forms.ValidationError(
                    f"Another debtor is already named {taken.first().name}; open the record to move its cases instead."
                )
        for field in ("petition_date", "date"):
            if data.get(field):
                try:
                    partial_date(data[field], data.get("qualifier") or "")
                except ValueError as e:
                    raise forms.ValidationError(str(e)) from None
        return data

    def values(self) -> dict:
        """The cleaned fields as model values: a partial date under its field's name."""
        data = dict(self.cleaned_data)
        qualifier = data.pop("qualifier", "") or ""
        for field in ("petition_date", "date"):
            if field in data:
                data[field] = partial_date(data[field], qualifier)
        return data
