"""Staff pages beside the victim admin: propose a split, record consent and publish a memorial entry."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from litopys.casualties import actions
from litopys.casualties.models import Victim


class StaffView(View):
    model_admin = None
    template_name = ""

    def victim(self, pk) -> Victim:
        victim = get_object_or_404(Victim, pk=pk)
        if not self.model_admin.has_view_permission(self.request, victim):
            raise PermissionDenied
        return victim

    def render(self, victim, form, **extra):
        context = {**self.model_admin.admin_site.each_context(self.request), "opts": Victim._meta, "original": victim,
                   "form": form, "title": self.title, **extra}
        return TemplateResponse(self.request, self.template_name, context)

    def back(self, victim):
        return redirect(reverse("admin:casualties_victim_change", args=[victim.pk]))


class SplitForm(forms.Form):
    reason = forms.CharField(label=_("Why these records are different people"), widget=forms.Textarea)

    def __init__(self, records, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = records
        for record in records:
            self.fields[f"group_{record.pk}"] = forms.IntegerField(
                label=f"{record.victim_list.name}:{record.row} {record.full_name}", min_value=1, initial=1,
                help_text=_("Person number: records with the same number stay together."))

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for record in self.records:
            found.setdefault(self.cleaned_data[f"group_{record.pk}"], []).append(record.pk)
        return [found[key] for key in sorted(found)]


class SplitView(StaffView):
    template_name = "admin/casualties/victim/victim_form.html"
    title = _("Propose a split")

    def get(self, request, pk):
        victim = self.victim(pk)
        return self.render(victim, SplitForm(self.records(victim)))

    def post(self, request, pk):
        victim = self.victim(pk)
        form = SplitForm(self.records(victim), request.POST)
        if form.is_valid():
            try:
                proposal = actions.propose_split(victim, form.groups(), request.user, form.cleaned_data["reason"])
            except (PermissionDenied, ValidationError) as exc:
                form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
            else:
                messages.success(request, _("Split proposed (#%(id)d); another person must confirm it.")
                                 % {"id": proposal.pk})
                return self.back(victim)
        return self.render(victim, form)

    @staticmethod
    def records(victim):
        return list(victim.records.select_related("victim_list").order_by("victim_list__name", "row"))


class MemorialForm(forms.Form):
    consent_how = forms.CharField(label=_("How consent was given"), widget=forms.Textarea, required=False,
                                  help_text=_("Who gave it, in what form, where the record of it is kept."))
    memorial_text = forms.CharField(label=_("Memorial text"), widget=forms.Textarea, required=False)
    publish = forms.BooleanField(label=_("Publish the memorial entry"), required=False)


class MemorialView(StaffView):
    template_name = "admin/casualties/victim/victim_form.html"
    title = _("Consent and memorial entry")

    def get(self, request, pk):
        victim = self.victim(pk)
        initial = {"consent_how": victim.consent_how, "memorial_text": victim.memorial_text,
                   "publish": victim.memorial_published}
        return self.render(victim, MemorialForm(initial=initial))

    def post(self, request, pk):
        victim = self.victim(pk)
        form = MemorialForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["consent_how"] and data["consent_how"].strip() != victim.consent_how:
                    actions.record_consent(victim, request.user, data["consent_how"])
                if data["publish"]:
                    actions.publish_memorial(victim, request.user, data["memorial_text"])
                elif victim.memorial_published:
                    actions.unpublish_memorial(victim, request.user)
            except (PermissionDenied, ValidationError) as exc:
                form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
            else:
                messages.success(request, _("Saved."))
                return self.back(victim)
        return self.render(victim, form)
