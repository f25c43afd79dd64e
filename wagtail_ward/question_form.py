"""The public form of the citizens' questions page, and its spam protection without any
third-party script:

- a honeypot: a field hidden from people (and from screen readers) that only a robot fills in;
- a time trap: the form carries the moment it was shown, signed by the server, and a question
  sent sooner than ``QUESTION_MIN_SECONDS`` after it (or a day later) is refused;
- a rate limit per client address (``QUESTION_RATE``), counted in Django's cache by
  ``wagtail_ward.ratelimit``: the address is hashed into the cache key and never stored.
"""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .conf import ward_setting

SIGNING_SALT = "wagtail_ward.questions.started"
MAX_FORM_AGE = 24 * 3600


def started_token(now=None):
    """A signed value of the moment the form is shown."""
    return signing.dumps(int(now if now is not None else time.time()), salt=SIGNING_SALT)


class QuestionForm(forms.Form):
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=100,
        required=False,
        help_text=_("Only the office sees it; it is never published."),
    )
    email = forms.EmailField(
        label=_("E-mail for the answer (optional)"),
        max_length=254,
        required=False,
        help_text=_("Only the office sees it; it is never published."),
    )
    question = forms.CharField(
        label=_("Your question"),
        min_length=10,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    # The honeypot: hidden by the template; people leave it empty.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now if now is not None else time.time()
        if not self.is_bound:
            self.initial["started"] = started_token(self.now)

    def clean_question(self):
        value = self.cleaned_data["question"]
        if "\x00" in value:
            raise forms.ValidationError(_("The question must not contain a NUL character."))
        return value.strip()

    def clean_name(self):
        return self.cleaned_data["name"].replace("\x00", "").strip()

    def clean(self):
        cleaned = super().clean()
        self.is_spam = bool(cleaned.get("website"))
        try:
            started = signing.loads(
                self.data.get("started", ""), salt=SIGNING_SALT, max_age=MAX_FORM_AGE
            )
        except (signing.BadSignature, TypeError, ValueError):
            started = None
        if not isinstance(started, int) or self.now - started > MAX_FORM_AGE:
            raise forms.ValidationError(
                _("This form has expired. Please reload the page and send your question again.")
            )
        if self.now - started < ward_setting("QUESTION_MIN_SECONDS"):
            self.is_spam = True
        if self.is_spam:
            raise forms.ValidationError(
                _("Your question could not be accepted. Please wait a moment and send it again.")
            )
        return cleaned
