"""Django's own admin strings that its Ukrainian catalogue leaves untranslated, so staff would see English.

Nothing imports this module: `makemessages` finds these msgids here and puts them in our catalogue
(litopys/core/locale), whose Ukrainian fills the gaps. Keep each msgid exactly as Django writes it,
curly apostrophes included, or the translation will never be looked up.
"""

from django.utils.translation import gettext_noop

gettext_noop("Model name")
gettext_noop("Add link")
gettext_noop("Change or view list link")
gettext_noop("After you’ve created a user, you’ll be able to edit more user options.")
gettext_noop("Forgotten your login credentials?")
gettext_noop("In case you’ve forgotten, you are:")
