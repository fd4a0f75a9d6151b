"""The staff page of published estimates: publish the current estimate of the linked lists, withdraw one."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from litopys.casualties import actions
from litopys.casualties.models import PublishedEstimate


class PublishForm(forms.ModelForm):
    """What an editor says when publishing; the numbers come from the reviewed victims, never typed."""

    model_choice = forms.CharField(label=_("Model"), required=False, max_length=100,
                                   help_text=_("Leave empty to let BIC choose; or list interactions, e.g. 12,13."))

    class Meta:
        model = PublishedEstimate
        fields = ("area", "note")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.published = user, None

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                self.published = actions.publish_estimate(self.user, data.get("area", ""), data.get("note", ""),
                                                          model=data.get("model_choice") or None)
            except (ValidationError, PermissionDenied) as exc:
                raise ValidationError(getattr(exc, "messages", [str(exc)])) from None
        return data


@admin.register(PublishedEstimate)
class PublishedEstimateAdmin(admin.ModelAdmin):
    list_display = ("area", "documented", "estimate", "low", "high", "published_at", "published_by", "withdrawn_at")
    readonly_fields = ("lists", "documented", "estimate", "low", "high", "model", "chosen_by", "published_by",
                       "published_at", "withdrawn_at", "withdrawn_by", "withdrawn_reason")
    actions = ["withdraw"]

    def has_add_permission(self, request):
        return request.user.has_perm("casualties.publish_estimate")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None:
            return super().get_form(request, obj, **kwargs)
        user = request.user

        class Bound(PublishForm):
            def __init__(self, *args, **inner):
                super().__init__(*args, user=user, **inner)

        return Bound

    def get_fields(self, request, obj=None):
        return ("area", "note", "model_choice") if obj is None else super().get_fields(request, obj)

    def save_model(self, request, obj, form, change):
        """The action already stored the estimate while the form was checked: take its values, save nothing."""
        for field in obj._meta.concrete_fields:
            setattr(obj, field.attname, getattr(form.published, field.attname))
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        pass

    @admin.action(description=_("Withdraw the selected estimates from the public pages"),
                  permissions=["publish"])
    def withdraw(self, request, queryset):
        for published in queryset.filter(withdrawn_at__isnull=True):
            actions.withdraw_estimate(published, request.user, str(_("Withdrawn by an editor on the staff site.")))
        messages.success(request, _("Withdrawn."))

    def has_publish_permission(self, request):
        return request.user.has_perm("casualties.publish_estimate")
