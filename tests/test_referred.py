"""A quote's sentence that refers back to a document the article dated earlier ("Um documento de 1º
de agosto de 2008 … ¶ O relatório aponta …"): the date is the claim about the quote's cable
(`claims.referred`), unless another document was brought in since. The sentences are ours."""

from __future__ import annotations

import pytest

from compare import ingest
from compare.pipeline import extract


def claims_of(text: str, name: str = "a.txt"):
    return {q.text: q.claim for q in extract.extract(ingest.article_from_text(text, name))}


@pytest.mark.parametrize(
    ("text", "quote", "year", "month"),
    [
        ("Um documento de 3 de março de 2009 descreve a situação na fronteira.\n\n"
         "O relatório da embaixada aponta que há “poucas evidências” de atividade terrorista.",
         "poucas evidências", 2009, 3),
        ("Un cable de junio de 2008 describe la reunión con el ministro.\n\n"
         "El documento añade que el ministro estaba «muy preocupado por la situación».",
         "muy preocupado por la situación", 2008, 6),
        ("In a March 2009 cable, the embassy described the meeting at length.\n\n"
         'The cable adds that the minister was "deeply worried about the border".',
         "deeply worried about the border", 2009, 3),
    ],
)
def test_the_document_the_article_dated_before(text, quote, year, month):
    claim = claims_of(text)[quote]
    assert (claim.year, claim.month) == (year, month)


def test_another_document_brought_in_since_takes_no_date():
    text = ("Um documento de 3 de março de 2009 descreve a situação na fronteira.\n\n"
            "Outro documento trata das eleições. O relatório aponta que há “poucas evidências” de fraude.")
    claim = claims_of(text)["poucas evidências"]
    assert claim.year is None and claim.month is None


def test_a_sentence_that_names_no_document_takes_no_date():
    text = ("Um documento de 3 de março de 2009 descreve a situação na fronteira.\n\n"
            "O ministro disse que há “poucas evidências” de fraude.")
    claim = claims_of(text)["poucas evidências"]
    assert claim.year is None


def test_a_date_of_its_own_wins():
    text = ("Un cable de junio de 2008 describe la reunión con el ministro.\n\n"
            "El documento de octubre de 2009 añade que el ministro estaba «muy preocupado por la situación».")
    claim = claims_of(text)["muy preocupado por la situación"]
    assert (claim.year, claim.month) == (2009, 10)


def test_the_documents_in_the_plural_are_the_leak_not_the_dated_one():
    text = ('"When cornered, the minister can be tenacious," said a cable dated March 24, 2009.\n\n'
            'The minister is a "wild card" whose "exuberant personality" worries his allies, the documents said.')
    claims = claims_of(text)
    assert claims["wild card"].year is None and claims["exuberant personality"].year is None
