from django import forms
from django.utils.translation import gettext_lazy as _

from litopys.incidents.models import Incident, Site
from litopys.vocab.choices import choices


class DecisionForm(forms.Form):
    claim = forms.IntegerField(widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[("accept", _("Accept")), ("verify", _("Verify")),
                                        ("dispute", _("Dispute")), ("reject", _("Reject")),
                                        ("reopen", _("Reopen"))])
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


class AttachForm(forms.Form):
    claim = forms.IntegerField(widget=forms.HiddenInput)
    incident = forms.ModelChoiceField(Incident.objects.all(), label=_("Incident"), required=False)
    site = forms.ModelChoiceField(Site.objects.all(), label=_("Site"), required=False)


class NewClaimForm(forms.Form):
    """A claim a person adds by selecting words in the text (or typing them exactly)."""

    quote = forms.CharField(label=_("Exact words"), widget=forms.Textarea(attrs={"rows": 2}))
    start = forms.IntegerField(required=False, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=choices("claim_kinds"))
    min = forms.IntegerField(label=_("At least"), required=False, min_value=0)
    max = forms.IntegerField(label=_("At most"), required=False, min_value=0)
    approximate = forms.BooleanField(label=_("Approximate"), required=False)
    sex = forms.ChoiceField(label=_("Sex"), required=False,
                            choices=[("", "—"), ("male", _("male")), ("female", _("female")),
                                     ("unknown", _("unknown"))])
    age = forms.ChoiceField(label=_("Age"), required=False,
                            choices=[("", "—"), ("child", _("child")), ("adult", _("adult"))])
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", "—"), ("civilian", _("civilian")), ("military", _("military"))])
    speaker = forms.CharField(label=_("Attributed to"), required=False, max_length=300)

    def clean(self):
        data = super().clean()
        if data.get("min") is None and data.get("max") is None:
            raise forms.ValidationError(_("Give at least one of 'at least' and 'at most'."))
        if data.get("min") is not None and data.get("max") is not None and data["min"] > data["max"]:
            raise forms.ValidationError(_("'At least' cannot be larger than 'at most'."))
        return data
