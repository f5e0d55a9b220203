"""Attribution you can trust: speakers are people (not places or outlets), a date is a claim about
the cable only when the article ties it to the cable, and "wrote in 2010" about a 2010 cable fits
while about a 2009 cable it does not. Real seed cables; cases that must flag nothing included."""

from __future__ import annotations

import pytest

from compare import ingest

QUOTE = "The military was not trained to patrol the streets"  # 10MEXICO83 ¶6, signed FEELEY, 2010-01-29


def attribution(checker, text):
    (r,) = checker.check_article(ingest.article_from_text(text, "t.txt"))
    assert r.source is not None and r.source.cable_id == "10MEXICO83"
    return r.quote.claim, r.attribution


@pytest.mark.parametrize(
    ("text", "speaker", "date", "ok"),
    [
        # dates tied to the cable
        (f'In a 2008 cable, Feeley wrote: "{QUOTE}."', "Feeley", "2008", False),
        (f'In a 2010 cable, Feeley wrote: "{QUOTE}."', "Feeley", "2010", True),
        (f'"{QUOTE}," wrote John Feeley in a Jan. 29 cable.', "John Feeley", "Jan. 29", True),
        (f'"{QUOTE}," John Feeley wrote in a cable dated Feb. 12, 2010.', "John Feeley", "Feb. 12, 2010", False),
        (f'Feeley wrote in 2009 that "{QUOTE}."', "Feeley", "2009", False),
        # datelines and the dates of events are no claims about the cable
        (f'MEXICO CITY, Dec. 3 - "{QUOTE}," wrote John Feeley.', "John Feeley", None, True),
        (f'Before the September 2009 elections, "{QUOTE}," Feeley wrote in the cable.', "Feeley", None, True),
        # places and outlets are no speakers
        (f'"{QUOTE}," reports the Guardian.', None, None, None),
        (f'"{QUOTE}," Rome reported in a cable.', None, None, None),
        # a person who did not write it
        (f'"{QUOTE}," Ambassador Pascual wrote in a cable.', "Pascual", None, False),
    ],
)
def test_attribution_table(seed_checker, text, speaker, date, ok):
    claim, check = attribution(seed_checker, text)
    assert (claim.speaker, claim.date_text) == (speaker, date)
    assert (check.ok if check is not None else None) is ok


def test_the_sending_post_is_the_embassy_not_a_person(seed_checker):
    claim, check = attribution(seed_checker, f'"{QUOTE}," Mexico reported in a cable.')
    assert check is None or check.ok is not False


# -- Spanish articles: "escribió el embajador", "un cable de marzo de 2010", "firmado por" ---------------
# Our translation of 10MEXICO83 ¶6 (signed FEELEY, 2010-01-29); the articles' sentences are ours.
ES = "los militares no estaban entrenados para patrullar las calles ni para hacer cumplir la ley"


@pytest.mark.parametrize(
    ("text", "speaker", "date", "ok"),
    [
        (f"«{ES}», escribió el embajador John Feeley en un cable de enero de 2010.", "John Feeley", "enero de 2010",
         True),
        (f"«{ES}», según escribió el embajador Carlos Pascual en enero de 2010.", "Carlos Pascual", "enero de 2010",
         False),
        (f"Según un cable de 2008 de la misma embajada, «{ES}».", None, "2008", False),
        (f"En un cable fechado el 29 de enero de 2010 y firmado por Feeley, la embajada advierte que «{ES}».",
         "Feeley", "29 de enero de 2010", True),
        (f"El cable del 29 de enero, firmado por el encargado de negocios John Feeley, dice que «{ES}».",
         "John Feeley", "29 de enero", True),
        # the dates of events, and a name the sentence speaks about, are no claims
        (f"Tras las elecciones de julio de 2009, la embajada advirtió que «{ES}».", None, None, None),
        (f"Sobre el general Galván, el diplomático dijo que «{ES}».", None, None, None),
        (f"«{ES}», dijo el portavoz.", None, None, None),
    ],
)
def test_spanish_attribution_table(seed_checker, text, speaker, date, ok):
    claim, check = attribution(seed_checker, text)
    assert (claim.speaker, claim.date_text) == (speaker, date)
    assert (check.ok if check is not None else None) is ok
