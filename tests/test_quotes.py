"""Quote extraction on real sentences from the seed articles, including cases that must find nothing."""

from __future__ import annotations

import pytest

from compare import ingest
from compare.errors import BinaryInputError, EmptyInputError, UnbalancedQuotesError
from compare.model import QuoteKind
from compare.pipeline import extract as extraction

from .conftest import DATA


def extract(text: str, strict: bool = False):
    return extraction.extract(ingest.article_from_text(text, "t.txt"), strict=strict)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Gutiérrez lamented the "pervasive, debilitating fear" gripping Mexico.', ["pervasive, debilitating fear"]),
        ("Calderon's \u201cpersonality and management style\u201d.", ["personality and management style"]),
        ('"He expressed a real concern with \'losing\' certain regions," said Pascual.',
         ["He expressed a real concern with 'losing' certain regions,"]),
        ("Gutierrez \u201cexpressed a real concern with \u2018losing' certain regions\u201d of the country.",
         ["expressed a real concern with \u2018losing' certain regions"]),
        ("the \u00abguerra sucia\u00bb years", ["guerra sucia"]),
        # inside guillemets, curly quotes are nested (the Spanish convention « “ ” »), not the end of the quote
        ("Incluirlo, explicó, «habría provocado una tormenta por su “rendición” de los reclamos». Y remató que "
         "«no era la Antártida».", ["habría provocado una tormenta por su “rendición” de los reclamos",
                                    "no era la Antártida"]),
        ("«Dijo: \"basta\" y se fue», contó.", ['Dijo: "basta" y se fue']),
        ("agencies \"would rather hoard intelligence than allow a rival agency to succeed. \"",
         ["would rather hoard intelligence than allow a rival agency to succeed."]),
        # a splice around a named speech tag is one quote; a "tag" with a clause of its own is not
        ("“There is little doubt that if a secret party election were held,” Ambassador Charles Ray wrote, "
         "“Mugabe and his inner circle would lose their positions.”",
         ["There is little doubt that if a secret party election were held, Mugabe and his inner circle would lose "
          "their positions."]),
        ('"Within the higher levels of the GSE," wrote the charge d\'affaires, Jennifer McIntyre, "there appear to '
         'be a split into two tiers," she added.',
         ["Within the higher levels of the GSE, there appear to be a split into two tiers,"]),
        ('"With General Wuchu in prison," the cable said, and other commanders said to have fled, "the military '
         'leadership is clearly shaken."', ["With General Wuchu in prison,", "the military leadership is clearly shaken."]),
        ('"We are ready," he said. "The talks start Monday."', ["We are ready,", "The talks start Monday."]),
        # a closing shape typed for both marks (”…”): it opens where an opening mark stands
        ("la méthode consiste à faire du \u201dbruit\u201d sur les droits de l'homme", ["bruit"]),
        ("Il a dit \u201cassez\u201d puis \u201dnon\u201d.", ["assez", "non"]),
        # must find nothing: apostrophes, possessives, plural possessives, inches
        ("Mexico's army and the Americans' plan; Calderon's party's losses.", []),
        ("The rivals' 5' 10\" guard didn't play.", []),
    ],
)
def test_extraction_table(text, expected):
    assert [q.text for q in extract(text)] == expected


def test_quote_over_a_paragraph_break():
    text = ('"Prosecution rates for organized crime-related offenses are\n\ndismal; 2% of those detained are '
            'brought to trial," said Feeley.\n\nNext paragraph.')
    (q,) = extract(text)
    assert q.text.startswith("Prosecution rates") and q.text.endswith("brought to trial,")
    assert q.claim.speaker == "Feeley"


def test_speech_tag_with_comma_makes_one_quotation_with_a_splice():
    text = '"We have 18 months," he said, "and if we do not produce a tangible success, it will be difficult."'
    (q,) = extract(text)
    assert len(q.parts) == 2 and q.splice_tags == ("he said",)
    assert q.text == "We have 18 months, and if we do not produce a tangible success, it will be difficult."


def test_speech_tag_ending_a_sentence_keeps_two_quotations():
    text = ('"The military was not trained to patrol the streets," wrote deputy chief of mission John Feeley '
            'in a Jan. 29 cable. "The result: arrests skyrocketed."')
    a, b = extract(text)
    assert a.claim.speaker == "John Feeley" and a.claim.authorship and (a.claim.month, a.claim.day) == (1, 29)
    assert b.text == "The result: arrests skyrocketed."


@pytest.mark.parametrize(
    ("text", "speaker", "authorship", "date"),
    [
        ('"Calderón said that Mexico is trying to isolate Venezuela," said Blair.', "Blair", False, None),
        ('"Calderón emphasized that Chávez is active everywhere," Blair said in the cable.', "Blair", True, None),
        ('In a cable dated January 2010, Feeley did not mince words when he said that officials "share the '
         'parochial, risk-averse habits."', "Feeley", False, "January 2010"),
        ('One dated Oct. 5, 2009, warned that a top security official had "expressed a real concern."', None, False,
         "Oct. 5, 2009"),
        ('"It is damaging Mexico\'s international reputation," Gutiérrez said.', "Gutiérrez", False, None),
        # a role, not a name: the article writes the word in lower case elsewhere
        ('Officials wrote that "the army is slow to react." Two officials declined to comment.', None, True, None),
        ('Diplomats wrote that "the army is slow to react."', None, True, None),
    ],
)
def test_attribution_cues(text, speaker, authorship, date):
    q = extract(text)[0]
    assert (q.claim.speaker, q.claim.authorship, q.claim.date_text) == (speaker, authorship, date)


def test_titles_names_and_scare_quotes():
    text = ('Navarro, Carlos. "Leaked Diplomatic Cables Show Strong Concerns." (2010).\n\n'
            'The Marines also killed "Tony Tormenta" of the Gulf cartel and the White House spoke of "stolen cables,"')
    kinds = [q.kind for q in extract(text)]
    assert kinds == [QuoteKind.TITLE, QuoteKind.NAME, QuoteKind.SCARE]


def test_seed_article_mojibake_is_repaired_and_offsets_point_into_repaired_text():
    a = ingest.read_article(DATA / "articles" / "000_995af477f538a050.txt")
    assert a.repaired and "Calder³" not in a.text and "Calderón's Campaign" in a.text
    for q in extraction.extract(a):
        assert a.text[q.start : q.end].startswith(q.text[:10])


def test_unbalanced_quote_warns_or_fails_when_strict():
    text = 'He said "this never closes.\n\nAnother paragraph. And "a real one" here.'
    with pytest.warns(UserWarning):
        found = extract(text)
    # a mark left open is a quotation to the end of its paragraph, not dropped
    assert [q.text for q in found] == ["this never closes.", "a real one"]
    with pytest.raises(UnbalancedQuotesError):
        extract(text, strict=True)


def test_bad_article_bytes():
    with pytest.raises(EmptyInputError):
        ingest.decode_bytes(b"  \n", "e.txt")
    with pytest.raises(BinaryInputError):
        ingest.decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "x.png")
    assert ingest.decode_bytes("Calderón".encode("latin-1"), "l.txt") == "Calderón"


def test_html_article_is_reduced_to_text():
    page = ("<html><head><title>t</title><script>var x = \"not a quote\";</script></head><body><article>"
            "<p>Officials said the army was \u201crisk averse,\u201d insular and slow to react to intelligence "
            "about cartel leaders, according to the leaked memos reviewed this week.</p></article></body></html>")
    assert [q.text for q in extract(page)] == ["risk averse,"]


def test_each_paragraph_of_a_quotation_over_paragraphs_is_a_quotation():
    # print convention: each paragraph opens with a mark, only the last closes (hard-wrapped lines); a
    # newspaper's paragraphs may quote paragraphs far apart in the cable, and each is checked on its own
    text = ('The ambassador wrote that "Gutierrez went on to say, however, that he now realizes there is not even\n'
            'time for the institution building to take hold.\n\n"He lamented the pervasive, debilitating fear\n'
            'that is so much a part of contemporary Mexican society."\n\nThe embassy declined to comment.')
    first, second = extract(text)
    assert first.text.startswith("Gutierrez went on to say") and first.text.endswith("to take hold.")
    assert second.text.startswith("He lamented") and second.text.endswith("contemporary Mexican society.")
    for q in (first, second):
        assert text[q.start : q.end] == q.text and len(q.parts) == 1
    # one speaker: the second paragraph's own sentence says nothing, and takes what the first says
    assert first.claim.verb == second.claim.verb == "wrote"


def test_an_unclosed_quotation_is_not_replaced_by_the_quotes_inside_it():
    text = ('The cable said the minister "expressed a real concern with \'losing\' certain regions, and warned '
            'of more violence.\n\nOfficials declined to comment.')
    with pytest.warns(UserWarning):
        found = extract(text)
    assert [q.text for q in found] == ["expressed a real concern with 'losing' certain regions, and warned of more "
                                        "violence."]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_with_or_without_a_byte_order_mark_is_text(encoding):
    text = 'Calderón said the army was "risk averse," officials wrote.'
    assert ingest.decode_bytes(text.encode(encoding), "u.txt") == text
    assert [q.text for q in extract(ingest.decode_bytes(text.encode(encoding), "u.txt"))] == ["risk averse,"]


def test_the_paragraphs_of_a_public_statement_over_paragraphs_are_all_public():
    text = ('In a speech on Monday the president said: "We will not negotiate with the cartels under any '
            'circumstances.\n\n"Our government will keep the army in the streets until the violence ends."\n\n'
            'The cable disagreed.')
    first, second = extract(text)
    assert first.not_cable.startswith("a public statement") and second.not_cable == first.not_cable
