"""What the article's sentence says about each quotation, on sentences of the kinds real articles
write (the sentences are ours): an abbreviation of the article's language ends no sentence, a
cable's serial number may stand before its date, and a word for a title names the quotation after
it, not every quotation of the sentence."""

from __future__ import annotations

import pytest

from compare import ingest
from compare.pipeline import extract


def quotes_of(text: str, name: str = "a.txt"):
    return {q.text: q for q in extract.extract(ingest.article_from_text(text, name))}


@pytest.mark.parametrize("text, quote, lead", [
    ("Según el cable, la embajada de EE. UU. afirma: «El ministro de Hacienda no confía en sus asesores "
     "más cercanos».", "El ministro de Hacienda no confía en sus asesores más cercanos", "la embajada"),
    ("La Sra. Pérez dijo en la reunión con el embajador: «Nadie en el gabinete habla de reformas».",
     "Nadie en el gabinete habla de reformas", "Sra. Pérez"),
    ("Selon la dépêche, Mme Dupont aurait déclaré: « Le gouvernement ne tiendra pas ses promesses ».",
     "Le gouvernement ne tiendra pas ses promesses", "Mme Dupont"),
])
def test_an_abbreviation_of_the_language_ends_no_sentence(text, quote, lead):
    assert lead in quotes_of(text)[quote].context


@pytest.mark.parametrize("text, quote, year, month", [
    ("En otro despacho, el 204117 de marzo del 2007, la embajada afirma: «El gobierno no tiene un plan "
     "para la frontera».", "El gobierno no tiene un plan para la frontera", 2007, 3),
    ("«La policía local no coopera con los fiscales», precisa el documento 81233 remitido por Garza en "
     "junio del 2008.", "La policía local no coopera con los fiscales", 2008, 6),
    ("Un cable número 4471 del 12 de abril de 2009 dice que «la reforma no avanza en el Senado».",
     "la reforma no avanza en el Senado", 2009, 4),
])
def test_a_serial_number_may_stand_before_the_cables_date(text, quote, year, month):
    claim = quotes_of(text)[quote].claim
    assert (claim.year, claim.month) == (year, month)


@pytest.mark.parametrize("text, title, other", [
    ("En un apartado titulado «Socio incómodo», la embajada escribe: «El presidente desconfía de todos sus "
     "ministros».", "Socio incómodo", "El presidente desconfía de todos sus ministros"),
    ("Dans une note intitulée « Partenaire réticent », l'ambassade écrit que « le président ne fait confiance "
     "à aucun de ses ministres ».", "Partenaire réticent", "le président ne fait confiance à aucun de ses ministres"),
])
def test_a_word_for_a_title_names_the_quotation_after_it_only(text, title, other):
    found = quotes_of(text)
    assert found[title].claim.subject
    assert not found[other].claim.subject


def test_a_title_given_after_the_quotation_is_still_read():
    found = quotes_of("«Liderazgo mexicano en general», se titula el documento que la embajada envió.")
    assert found["Liderazgo mexicano en general"].claim.subject


@pytest.mark.parametrize("text, quote, name", [
    ("Num telegrama assinado pelo embaixador Clifford Sobel, a embaixada afirma que “o ministro não confia "
     "nos assessores mais próximos do governo”.", "o ministro não confia nos assessores mais próximos do governo",
     "Clifford Sobel"),
    ("“O ministro não confia nos assessores mais próximos do governo”, escreveu o embaixador Clifford Sobel "
     "em março de 2008.", "O ministro não confia nos assessores mais próximos do governo", "Clifford Sobel"),
    ("L'ambassadeur Charles Rivkin écrit dans sa note que « le président ne fait confiance à aucun de ses "
     "ministres ».", "le président ne fait confiance à aucun de ses ministres", "Charles Rivkin"),
    ("In einer von Botschafter Philip Murphy unterzeichneten Depesche heißt es, „der Minister vertraut keinem "
     "seiner Berater in der Regierung“.", "der Minister vertraut keinem seiner Berater in der Regierung",
     "Philip Murphy"),
    ("„Der Minister vertraut keinem seiner Berater in der Regierung“, schrieb der damalige US-Botschafter "
     "William Timken im Jahr 2008.", "Der Minister vertraut keinem seiner Berater in der Regierung",
     "William Timken"),
])
def test_who_wrote_or_signed_the_cable_in_portuguese_french_and_german(text, quote, name):
    claim = quotes_of(text)[quote].claim
    assert claim.speaker == name and claim.authorship


@pytest.mark.parametrize("text, quote", [
    ("« Le président ne fait confiance à aucun de ses ministres », écrit Le Monde dans son édition de lundi.",
     "Le président ne fait confiance à aucun de ses ministres"),
    ("„Der Minister vertraut keinem seiner Berater in der Regierung“, schrieb die Süddeutsche Zeitung am Montag.",
     "Der Minister vertraut keinem seiner Berater in der Regierung"),
    ("“O ministro não confia nos assessores mais próximos do governo”, escreveu o embaixador em março de 2008.",
     "O ministro não confia nos assessores mais próximos do governo"),
])
def test_a_writer_is_named_only_with_a_diplomats_title_or_a_signature(text, quote):
    assert quotes_of(text)[quote].claim.speaker is None


@pytest.mark.parametrize("text, quote", [
    ('Piñera "ha estado vinculado a acciones cuestionables", señala el documento develado por WikiLeaks.',
     "ha estado vinculado a acciones cuestionables"),
    ('"The ambassador lost his temper twice," WikiLeaks said in its summary of the cable.',
     "The ambassador lost his temper twice,"),
])
def test_the_site_that_published_the_cables_is_no_speaker(text, quote):
    claim = quotes_of(text)[quote].claim
    assert claim.speaker is None and not claim.authorship


def test_a_speaker_named_beside_the_site_is_still_read():
    claim = quotes_of('"La reunión fue difícil", escribió el embajador Carlos Pascual, según WikiLeaks.')[
        "La reunión fue difícil"].claim
    assert claim.speaker == "Carlos Pascual" and claim.authorship
