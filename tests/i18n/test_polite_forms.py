"""Polish and Romanian speak to adults politely (Państwo, dumneavoastră) and to
children familiarly: a string an adult carer reads has a "carer" context
(pgettext) where the language needs it, and the PWA gets it too."""

from __future__ import annotations

import json

import pytest

from server.i18n import I18n

FOR_CARERS = (
    "Things others in your family chose to share with you.",
    "Nothing has been shared with you yet.",
    # The plan, answering it, my words and settings: the family screens a carer reads.
    "This is the plan for your family. It says what is going well, what worries people and what comes next.",
    "What do you think about this?",
    "Who can read your comment?",
    "All your words, newest first. Only you can see this page.",
    "Alongside can tell you on this phone when there is something new for you.",
)


@pytest.mark.parametrize("lang", ["pl", "ro"])
@pytest.mark.parametrize("message", FOR_CARERS)
def test_carers_are_addressed_politely(lang, message):
    language = I18n().get(lang)
    polite = language.translations.pgettext("carer", message)
    assert polite not in (message, language.translations.gettext(message))
    assert json.dumps("carer\u0004" + message)[1:-1] in language.js_module()
