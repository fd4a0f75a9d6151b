"""Staff screens for API tokens: each person makes and revokes their own; administrators see everyone's."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from litopys.evidence.access import sees_everything
from litopys.exchange.api import actions, selectors
from litopys.exchange.api.models import Token


@admin.register(Token)
class TokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "scope", "created_at", "last_used_at", "revoked_at")
    list_filter = ("scope",)
    search_fields = ("prefix", "name", "user__username")
    actions = ["revoke_tokens"]

    def get_queryset(self, request):
        return selectors.tokens_for(request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # revoked, never deleted: when it was last used stays on record

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("user", "name", "scope") if sees_everything(request.user) else ("name", "scope")
        return ("prefix", "user", "name", "scope", "created_at", "last_used_at", "revoked_at")

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("prefix", "user", "scope", "created_at", "last_used_at", "revoked_at")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":  # tokens are for active staff accounts only
            kwargs["queryset"] = db_field.related_model.objects.filter(is_active=True, is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            obj.save(update_fields=["name"])
            return
        owner = obj.user if sees_everything(request.user) and obj.user_id else request.user
        token, raw = actions.issue(owner, obj.name, obj.scope)
        obj.pk, obj.prefix, obj.digest, obj.user = token.pk, token.prefix, token.digest, token.user
        obj._state.adding = False
        messages.warning(request, _("The new token is %(token)s — copy it now: it is not stored and will not be "
                                    "shown again.") % {"token": raw})

    @admin.action(description=gettext_lazy("Revoke the selected tokens"))
    def revoke_tokens(self, request, queryset):
        for token in queryset:
            actions.revoke(token)
        count = queryset.count()
        messages.success(request, ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count)
                         % {"count": count})
