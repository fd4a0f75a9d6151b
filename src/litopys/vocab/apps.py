from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class VocabConfig(AppConfig):
    name = "litopys.vocab"
    label = "vocab"
    verbose_name = _("Vocabularies")

    def ready(self):
        from litopys.vocab import VocabularyError
        from litopys.vocab.checks import check_all

        try:
            check_all()
        except VocabularyError as exc:
            raise ImproperlyConfigured(f"a vocabulary file is wrong: {exc}; correct the file under "
                                       "src/litopys/vocab/") from None
