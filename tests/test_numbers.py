"""Numbers read as values, in English and Spanish writing (`compare.numbers`, shared by the
translation stage and the cross-language retrieval)."""

from __future__ import annotations

from compare.numbers import amounts, english_numbers, read_value


def test_separators_read_as_thousands_or_decimals_either_way():
    assert read_value("1,300") == read_value("1.300") == 1300
    assert read_value("8,5") == read_value("8.5") == 8.5


def test_numbers_as_an_english_cable_writes_them():
    assert english_numbers("una fortuna de 1.300 millones de dólares") == ["1.3", "billion"]
    assert english_numbers("el 8,5 por ciento de 2009") == ["8.5", "2009"]
    assert english_numbers("dos o tres") == []  # words are read as values (amounts), not searched for


def test_amounts_keep_what_a_reader_recognises():
    found = amounts("40 años y diez días")
    assert [a.value for a in found] == [40, 10]
    assert found[0].shown == "40 años"
