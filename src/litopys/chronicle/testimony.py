"""The public testimony form: a person sends an account and files, anonymously or with a way to reach them.

Everything sent goes into the vault as confidential sources, sealed (`evidence.actions.receive_testimony`);
nothing of it is ever shown back, on this page or any other. The form works without JavaScript and sets no
cookie. Against floods: a hidden field robots fill in, a limit per reader address and hour (kept only as a
keyed hash, for an hour), and a limit on the bytes of the files, which are held in memory and never spooled
to a temporary file.
"""

import hashlib
import hmac
import logging

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import MemoryFileUploadHandler, StopUpload
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from litopys.chronicle import readers
from litopys.chronicle.crosssite import same_origin
from litopys.chronicle.forms import HONEYPOT
from litopys.evidence.actions import receive_testimony
from litopys.evidence.sealing import SealError
from litopys.evidence.vault import VaultError

log = logging.getLogger(__name__)
#: Files one account may carry.
MAX_FILES = 10


class BoundedMemoryUpload(MemoryFileUploadHandler):
    """Hold every uploaded file in memory, never in a temporary file, and stop past `limit` bytes in all."""

    def __init__(self, request, limit: int):
        super().__init__(request)
        self.limit, self.total, self.exceeded = limit, 0, False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = True

    def receive_data_chunk(self, raw_data, start):
        self.total += len(raw_data)
        if self.total > self.limit:
            self.exceeded = True
            raise StopUpload(connection_reset=False)
        self.file.write(raw_data)


class ManyFiles(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Send at most %(count)d files at once.") % {"count": MAX_FILES})
        for upload in files:
            if not upload.size:
                raise forms.ValidationError(_("A file you chose is empty."))
        return files


class TestimonyForm(forms.Form):
    account = forms.CharField(label=gettext_lazy("What happened"), max_length=50_000,
                              widget=forms.Textarea(attrs={"rows": 14}),
                              help_text=gettext_lazy("In your own words: what you saw or heard, and what others "
                                                     "told you (say which is which)."))
    place = forms.CharField(label=gettext_lazy("Where"), max_length=300, required=False,
                            help_text=gettext_lazy("Settlement, district, street or landmark, as precisely as is "
                                                   "safe for you."))
    when = forms.CharField(label=gettext_lazy("When"), max_length=200, required=False,
                           help_text=gettext_lazy("A date, or as near as you remember."))
    files = FilesField(label=gettext_lazy("Photos, videos or documents"), required=False,
                       widget=ManyFiles(attrs={"multiple": True}))
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=200, required=False)
    contact = forms.CharField(label=gettext_lazy("How we can reach you"), max_length=500, required=False,
                              help_text=gettext_lazy("Phone, e-mail or messenger. Leave this and your name empty "
                                                     "to send anonymously."))
    consent = forms.BooleanField(label=gettext_lazy("I agree that Litopys keeps this account confidential and uses "
                                                    "it, without my name, to document what happened."))
    homepage = forms.CharField(label=gettext_lazy("Leave this field empty"), required=False)

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_account(self):
        account = self.cleaned_data["account"].strip()
        if not account:
            raise forms.ValidationError(_("Write what happened."))
        return account


def address_key(request) -> str:
    """Return a keyed hash of the reader's address: the limit counts under it, for an hour, in the cache only."""
    key = hmac.new(settings.SECRET_KEY.encode(), b"litopys.chronicle.testimony", hashlib.sha256).digest()
    return hmac.new(key, request.META.get("REMOTE_ADDR", "").encode(), hashlib.sha256).hexdigest()


def page(request, form, status=200, **extra):
    context = {"form": form, "max_mib": settings.LITOPYS_TESTIMONY_MAX_BYTES // (1024 * 1024),
               "max_files": MAX_FILES, **extra}
    response = TemplateResponse(request, "chronicle/testimony.html", context, status=status).render()
    response["Cache-Control"] = "no-store"  # what a person typed never stays in a cache
    response.litopys_private = True
    return response


def received(request):
    return HttpResponseRedirect(request.path + "?sent=1", status=303)


@csrf_exempt  # no token, so no cookie is set on the person's device; where the form came from is checked
def testimony(request):
    """Show the form, or take an account and its files into the vault."""
    if request.method != "POST":
        return page(request, TestimonyForm(), sent=request.GET.get("sent") == "1")
    if not same_origin(request):
        return page(request, TestimonyForm(), 403, refused=_("This form must be sent from this site's own pages."))
    upload = BoundedMemoryUpload(request, settings.LITOPYS_TESTIMONY_MAX_BYTES)
    request.upload_handlers = [upload]
    form = TestimonyForm(request.POST, request.FILES)
    if upload.exceeded:
        return page(request, TestimonyForm(), 413, refused=_(
            "Your files are larger than %(mib)d MB in all; nothing was kept. Send fewer files, or send them in "
            "several accounts.") % {"mib": settings.LITOPYS_TESTIMONY_MAX_BYTES // (1024 * 1024)})
    if form.is_robot:
        return received(request)  # as if taken, so the robot learns nothing; nothing is kept
    if not form.is_valid():
        return page(request, form, 400)
    if not readers.within_limit("testimony", address_key(request), settings.LITOPYS_TESTIMONY_LIMIT):
        return page(request, form, 429, refused=_(
            "Several accounts were sent from your connection in the last hour; please try again later."))
    data = form.cleaned_data
    try:
        receive_testimony(data["account"], place=data["place"], when=data["when"], name=data["name"],
                          contact=data["contact"], files=data["files"], language=get_language() or "")
    except (SealError, VaultError) as exc:
        log.error("a testimony could not be stored: %s", exc)
        return page(request, form, 503, refused=_(
            "Your account could not be stored safely just now. Please try again later."))
    return received(request)
