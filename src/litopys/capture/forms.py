from django import forms
from django.utils.translation import gettext_lazy as _

from litopys.capture.actions import parse_every
from litopys.capture.netpolicy import Refused, check_url


class CaptureForm(forms.Form):
    urls = forms.CharField(label=_("Links"), widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
                           help_text=_("One http(s) address a line."))
    recursive_media = forms.BooleanField(label=_("Keep video and audio too"), required=False)
    every = forms.CharField(label=_("Capture again every"), required=False, max_length=20,
                            help_text=_("Optional: 30m, 6h, 1d or 2w. A changed or deleted page is flagged."))

    def clean_urls(self):
        urls = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        if not urls:
            raise forms.ValidationError(_("Give at least one address."))
        if len(urls) > 100:
            raise forms.ValidationError(_("At most 100 addresses at once."))
        for url in urls:
            try:
                check_url(url)
            except Refused:
                raise forms.ValidationError(
                    _("%(url)s is not an http(s) address; only web pages can be captured.") % {"url": url}
                ) from None
        return urls

    def clean_every(self):
        text = self.cleaned_data["every"].strip()
        if not text:
            return None
        try:
            return parse_every(text)
        except ValueError:
            raise forms.ValidationError(_("Write the interval like 30m, 6h, 1d or 2w (at least 1 minute).")) from None
