"""Building blocks the apps' admin pages share."""


class ReadOnlyAdmin:
    """A staff page for rows only the app's own actions write: nobody adds, changes or deletes them here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
