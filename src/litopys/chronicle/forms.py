"""Readers' forms: a reply and a vote. Neither asks for more than it keeps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from litopys.chronicle.models import Comment, CommentStatus
from litopys.chronicle.ratings import STARS

#: The honeypot: hidden from people, filled in by robots that fill in every field.
HONEYPOT = "homepage"


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email"), max_length=254,
                             help_text=_("Your email address will not be published."))
    website = forms.URLField(label=_("Website"), max_length=500, required=False, assume_scheme="https")
    body = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, post=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["website"].widget.attrs.update(autocomplete="url")
        self.fields[HONEYPOT].widget.attrs.update(tabindex="-1", autocomplete="off")

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean_website(self):
        website = self.cleaned_data.get("website", "")
        if website and not website.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Give a web address starting with http:// or https://."))
        return website

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a comment."))
        return body

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.filter(pk=parent_id, post=self.post, status=CommentStatus.APPROVED).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you reply to is no longer shown; reply to the post."))
        return parent


class RatingForm(forms.Form):
    stars = forms.TypedChoiceField(label=_("Your rating"), coerce=int, choices=[(n, n) for n in STARS],
                                   widget=forms.RadioSelect)
