"""Cable parsing on the real seed pages, the release's HTML pages and the JSONL dump."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare import ingest
from compare.errors import MissingPathError, NoCablesError

from .conftest import DATA, shared

# (id, date, signer, paragraph numbers) for every cable in the two seed cable pages
SEED_CABLES = [
    ("08MEXICO3178", "2008-10-27", "GARZA", list(range(1, 16))),
    ("09MEXICO2882", "2009-10-05", "PASCUAL", list(range(1, 13))),
    ("09MEXICO3077", "2009-10-26", "PASCUAL", [1, 2, 3, 4]),
    ("09MEXICO3061", "2009-10-23", "PASCUAL", [1, 2, 3, 4, 5, 6]),
    ("09MEXICO3101", "2009-10-28", "FEELEY", list(range(1, 11))),
    ("09MEXICO3573", "2009-12-17", "PASCUAL", list(range(1, 9))),
    ("09MEXICO2676", "2009-09-09", "PASCUAL", list(range(1, 8))),
    ("09MEXICO3195", "2009-11-10", None, list(range(1, 15))),
    ("10MEXICO141", "2010-02-26", "PASCUAL", list(range(1, 12))),
    ("09MEXICO193", "2009-01-23", "BASSETT", list(range(1, 18))),
    ("10MEXICO77", "2010-01-25", "FEELEY", list(range(1, 11))),
    ("10MEXICO83", "2010-01-29", "FEELEY", list(range(1, 18))),
    ("08MEXICO2498", "2008-08-14", None, list(range(1, 11))),
]


def test_seed_cable_count_and_ids(seed_cables):
    assert sorted(seed_cables) == sorted(c[0] for c in SEED_CABLES)


@pytest.mark.parametrize(("cid", "date", "signer", "numbers"), SEED_CABLES)
def test_seed_cable_metadata_and_numbering(seed_cables, cid, date, signer, numbers):
    c = seed_cables[cid]
    assert c.date == date
    assert c.signer == signer
    assert [p.number for p in c.paragraphs] == numbers
    assert all(p.text and p.cable_id == cid for p in c.paragraphs)


def test_single_cable_page_id_is_derived_from_routing_line(seed_cables):
    c = seed_cables["08MEXICO2498"]  # DE RUEHME #2498/01 with P 141842Z AUG 08; no ID printed
    assert c.subject == "Scenesetter for Senator Specter's Visit to Mexico"
    assert c.paragraphs[0].marking == "(SBU)"


def test_header_fields(seed_cables):
    c = seed_cables["09MEXICO3101"]
    assert c.classification == "SECRET"
    assert c.tags == ("PREL", "PGOV", "PINR", "MX")
    assert c.subject.startswith("MEXICO: ARTICLE 29")
    assert c.classified_by == "Charge d’ Affaires John Feeley"
    assert c.references == ("09MEXICO3076", "09MEXICO2154")
    assert seed_cables["10MEXICO141"].references == ("10MEXICO127", "10SANTIAGO51", "10SANTODOMINGO67")


def all_text(seed_cables):
    return "\n".join(p.text for c in seed_cables.values() for p in c.paragraphs)


@pytest.mark.parametrize(
    "outside",
    [
        "Bullshit",  # blogger's commentary between cables
        "Tapachula Arms Conference",  # a blog heading
        "Leave a reply",
        "printed in El País",
        "Visit Mexico City",  # boilerplate
        "Partnership Blog",
        "MEXICO 00003573 002 OF 003",  # page markers
        "STRATEGIC MISCALCULATIONS",  # section headings
        "Strengthening Law Enforcement",
        "WE HAVE EIGHTEEN MONTHS",
        "PASCUAL",  # closing names
    ],
)
def test_non_cable_text_is_never_paragraph_text(seed_cables, outside):
    assert outside not in all_text(seed_cables)


def test_wrapped_lines_and_blank_lines_are_joined(seed_cables):
    p = seed_cables["08MEXICO3178"].paragraph(1)
    assert "On the Bolivarian promotion front, Venezuela is clearly conducting" in p.text
    p5 = seed_cables["09MEXICO3573"].paragraph(4)
    assert p5.text.endswith("said privately that the operation should have been his.")
    assert "\n" not in p5.text and "  " not in p5.text


def test_inline_signer_is_cut_from_the_last_paragraph(seed_cables):
    last = seed_cables["10MEXICO141"].paragraphs[-1]
    assert last.text.endswith("one of its leaders.")


def test_html_fixture_matches_its_own_metadata():
    (c,) = ingest.read_file(DATA / "fixtures" / "09MEXICO2882.html")
    assert (c.id, c.date, c.classification, c.origin, c.signer) == (
        "09MEXICO2882", "2009-10-05", "CONFIDENTIAL", "Embassy Mexico", "PASCUAL")
    assert [p.number for p in c.paragraphs] == list(range(1, 13))
    assert "&culture of lawfulness8" in c.paragraph(10).text  # the release's own encoding, kept as is


def test_release_html_pages_against_their_own_metadata():
    folder = shared("corpus/cablegate-html-mexico")
    files = sorted(folder.glob("*.html"))
    assert len(files) == 105
    for f in files:
        page = f.read_text(encoding="utf-8")
        (c,) = ingest.read_file(f)
        assert c.id == f.stem
        created = re.search(r"/date/[^']*'>(\d{4}-\d{2}-\d{2})", page).group(1)
        assert c.date == created
        anchors, seq = [int(x) for x in re.findall(r"<a id='par(\d+)'", page)], []
        for n in anchors:  # the release's own anchors include stray years ("2006."): keep the sequence
            if (seq[-1] if seq else 0) < n <= (seq[-1] if seq else 0) + 3:
                seq.append(n)
        assert set(seq) <= {p.number for p in c.paragraphs}, f.name


def test_jsonl_sample_and_merge_with_seed_page(seed_cables):
    dump = {c.id: c for c in ingest.read_file(DATA / "fixtures" / "cablegate-sample.jsonl")}
    assert set(dump) == {"10MEXICO83", "09MEXICO2882", "09MEXICO3573", "09MEXICO3195", "00HARARE5461"}
    assert dump["09MEXICO3195"].signer == "PASCUAL"
    assert dump["00HARARE5461"].paragraphs  # an old all-capitals cable with PAGE markers inside lines
    assert "PAGE 03" not in dump["00HARARE5461"].paragraphs[1].text
    merged = ingest.merge([*seed_cables.values(), *dump.values()])
    assert merged["09MEXICO3195"].signer == "PASCUAL"  # filled from the fuller record
    assert len(merged) == len(seed_cables) + 1


def test_missing_path_and_empty_corpus(tmp_path):
    with pytest.raises(MissingPathError):
        ingest.load([tmp_path / "nope"])
    (tmp_path / "a.txt").write_text("Just a note, no cable here.\n")
    with pytest.raises(NoCablesError):
        ingest.load([tmp_path])


def test_no_body_text_is_lost_from_cables_without_numbered_paragraphs():
    """Real release records: a partial extract starting at paragraph 23, bodies without paragraph
    numbers (subject continuation lines in capitals are no signer), a one-sentence body, a record
    cut short after its header (kept for its metadata and subject)."""
    found = {c.id: c for c in ingest.read_file(DATA / "fixtures" / "cables-without-numbers.jsonl")}
    assert sorted(found) == ["05MADRID1317", "06SANJOSE1848", "07ADDISABABA3407", "09CAIRO2058", "09KABUL3423"]
    assert [p.number for p in found["05MADRID1317"].paragraphs] == [23, 24, 25]
    assert found["05MADRID1317"].signer == "MANZANARES"
    assert found["06SANJOSE1848"].paragraphs[0].text == "Post has no nominations."
    addis = found["07ADDISABABA3407"]
    assert addis.signer == "YAMAMOTO" and addis.text_length > 8000
    assert "Henrietta Fore" in addis.paragraphs[0].text
    cairo = found["09CAIRO2058"]
    assert cairo.text_length > 3500 and "Arab Global Forum" in cairo.paragraphs[0].text
    kabul = found["09KABUL3423"]
    assert kabul.paragraphs == () and kabul.subject and kabul.subject.startswith("AFGHANS WITH CODEL BURR")


@pytest.mark.slow
def test_every_record_of_the_dump_is_a_cable():
    """The 6,712 records of the dump: each one a cable under its own reference ID (the release's odd
    IDs such as 08SECTION01GF02BISHIEK21 kept as they are); none dropped."""
    from .conftest import shared

    found = ingest.read_file(shared("corpus/cablegate-6712.jsonl.gz"))
    assert len(found) == 6712 and len({c.id for c in found}) == 6712
    assert sum(1 for c in found if not c.paragraphs) <= 1  # 09KABUL3423: cut short after its header


def test_the_reader_registry_picks_a_format_by_name_then_by_first_bytes(tmp_path):
    names = {r.name for r in ingest.READERS}
    assert names == {"cable text page", "release HTML page", "JSONL dump"}
    assert ingest.reader_for(Path("a.jsonl.gz")).name == "JSONL dump"
    assert ingest.reader_for(Path("a.HTM")).name == "release HTML page"
    assert ingest.reader_for(Path("a.txt")).name == "cable text page"
    dump = tmp_path / "export.dat"  # a name that says nothing: the first bytes decide
    dump.write_bytes((DATA / "fixtures" / "cablegate-sample.jsonl").read_bytes())
    assert ingest.reader_for(dump).name == "JSONL dump"
    assert {c.id for c in ingest.read_file(dump)} == {c.id for c in ingest.read_file(DATA / "fixtures" / "cablegate-sample.jsonl")}
    page = tmp_path / "page.dat"
    page.write_bytes((DATA / "fixtures" / "09MEXICO2882.html").read_bytes())
    assert ingest.reader_for(page).name == "release HTML page" and ingest.read_file(page)[0].id == "09MEXICO2882"


def test_an_index_build_streams_every_registered_format(tmp_path):
    from compare import indexing

    folder = tmp_path / "mixed"
    folder.mkdir()
    for f in [DATA / "fixtures" / "09MEXICO2882.html", DATA / "fixtures" / "cablegate-sample.jsonl",
              DATA / "cables" / "004_ca864dd119893e33.txt"]:
        (folder / f.name).write_bytes(f.read_bytes())
    report = indexing.build([folder], tmp_path / "ix", embed=False)
    assert report.files == 3 and report.cables == len(ingest.load([folder]))


def test_the_routing_indicator_names_the_post_from_the_released_cables_table():
    """`resources/routing.tsv` is read from the release (scripts/build_routing.py): any post's indicator,
    not a list written for the demo's."""
    from compare.ingest.header import _derive_id
    from compare.resources import routing

    assert len(routing()) > 100
    assert routing()["RUEHME"] == "MEXICO" and routing()["RUEHBO"] == "BOGOTA"
    flat = "R 211512Z JUL 09 FM AMEMBASSY BOGOTA TO RUEHC/SECSTATE WASHDC DE RUEHBO #1234/01 2021512"
    assert _derive_id(flat) == "09BOGOTA1234"
