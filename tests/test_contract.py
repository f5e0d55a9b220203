"""The output contract (docs/CONTRACT.md) and its JSON Schema (docs/record.schema.json): real records
of the seed articles validate against the schema, read back typed (`compare.record.Record`) and
write out byte for byte as they were; the schema names exactly the Enums the code has."""

from __future__ import annotations

import json

import jsonschema
import pytest

from compare import ingest, report
from compare.model import DiscrepancyKind, Language, QuoteKind, Severity, Verdict
from compare.record import Record
from compare.store.reviews import Review, Status, annotate
from compare.triage import Finding

from .conftest import DATA, ROOT

SCHEMA = json.loads((ROOT / "docs" / "record.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@pytest.fixture(scope="module")
def records(seed_checker):
    out = []
    for path in sorted((DATA / "articles").glob("*.txt")):
        out += [report.to_record(r) for r in seed_checker.check_article(ingest.read_article(path))]
    return out


def test_the_schema_is_a_valid_schema_and_names_the_codes_enums():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    props, defs = SCHEMA["properties"], SCHEMA["$defs"]
    assert props["verdict"]["enum"] == [v.value for v in Verdict]
    assert props["finding"]["enum"] == [f.value for f in Finding]
    assert props["quote_kind"]["enum"] == [q.value for q in QuoteKind]
    assert props["language"]["enum"] == [lang.value for lang in Language] + [None]
    assert defs["discrepancy"]["properties"]["kind"]["enum"] == [k.value for k in DiscrepancyKind]
    assert defs["discrepancy"]["properties"]["severity"]["enum"] == [s.value for s in Severity]
    contract = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
    assert all(f"`{k.value}`" in contract for k in DiscrepancyKind)


def test_real_records_validate_and_read_back_unchanged(records):
    assert len(records) > 40
    kinds = {d["kind"] for rec in records for d in rec["discrepancies"]}
    assert {"elision", "bracketed"} <= kinds and any(rec["attribution"] for rec in records)
    for rec in records:
        VALIDATOR.validate(rec)
        typed = Record.from_json(rec)
        assert json.dumps(typed.to_json(), ensure_ascii=False) == json.dumps(rec, ensure_ascii=False)
        assert isinstance(typed.verdict, Verdict) and isinstance(typed.finding, Finding)


def test_a_reviewed_record_validates_and_keeps_the_review(records):
    rec = annotate(records[0], Review(Status.ACCEPTED, "checked by the desk", "2026-12-07T10:00:00"))
    VALIDATOR.validate(rec)
    assert Record.from_json(rec).to_json() == rec


def test_a_record_that_breaks_the_contract_fails(records):
    bad = {**records[0], "verdict": "mostly_true"}
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(bad)
    broken = {**records[0], "discrepancies": [{"kind": "case", "severity": "serious", "quote_side": "",
                                               "source_side": ""}]}
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(broken)
