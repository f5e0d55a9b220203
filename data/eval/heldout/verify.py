#!/usr/bin/env python3
"""Standard-library verifier for the held-out quote-provenance gold set.

Checks, for every gold line:
  * the quote is printed in its article (contiguously, or as two pieces around a
    speech tag for spliced quotes);
  * sourced quotes: rebuilding the source wording from the quote plus the
    discrepancies (ellipses expanded, brackets/names/numbers/words replaced,
    dropped words re-inserted) yields a string found in the stated paragraph
    (and in each also_acceptable paragraph), after whitespace/typography
    normalisation;
  * not_found quotes: no run of 6 consecutive words occurs anywhere in the corpus;
  * attribution: cable_signer/cable_date agree with the corpus;
  * verdict is consistent with the discrepancy kinds.
Usage: python3 verify.py [--corpus PATH]
"""
import gzip, json, os, re, sys, itertools

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = '/work/shared/corpus/cablegate-6712.jsonl.gz'
if '--corpus' in sys.argv:
    CORPUS = sys.argv[sys.argv.index('--corpus') + 1]

QUOTES = '"\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2032'

def norm(s):
    s = s.replace('\u2026', '...').replace('\u00a0', ' ')
    s = re.sub(r'(?<=[A-Za-z0-9])[\u2019\u2018\u2032\'](?=[A-Za-z0-9])', '\x00', s)  # keep in-word apostrophes
    s = re.sub('[' + re.escape(QUOTES) + "']", '', s)
    s = s.replace('\x00', "'")
    s = re.sub(r'[\u2013\u2014]', '-', s)
    s = re.sub(r'\s+', ' ', s)
    s = re.sub(r' ([,.;:!?)])', r'\1', s)
    return s.strip()

def strip_edges(s):
    return re.sub(r'^[\s,.;:!?\-]+|[\s,.;:!?\-]+$', '', s)

PAGE_HDR = re.compile(r'^\s*[A-Z][A-Z ]+ \d{8} +\d{3}(\.\d+)? OF \d{3}\s*$', re.M)
MARK = re.compile(r'(?m)^\s*\u00b6?(\d{1,2})\.\s*\((?:U|SBU|C|S|S/NF|C/NF|U/FOUO|S/REL)[^)]*\)')

def paragraphs(text):
    text = PAGE_HDR.sub(' ', text)
    paras = {}
    m = re.search(r'SUBJECT:(.*?)(?:\n\s*\n|\n\s*REF|\n\s*Classified|\n\s*CLASSIFIED|$)', text, re.S | re.I)
    if m:
        paras.setdefault(0, []).append(norm(m.group(1)))
    ms = list(MARK.finditer(text))
    for i, mk in enumerate(ms):
        end = ms[i + 1].start() if i + 1 < len(ms) else len(text)
        paras.setdefault(int(mk.group(1)), []).append(norm(text[mk.end():end]))
    return paras

def candidates(quote, discs):
    cands = {norm(quote)}
    for d in discs:
        qs, ss = norm(d['quote_side']), norm(d['source_side'])
        new = set()
        for c in cands:
            if qs:
                for m in re.finditer(re.escape(qs), c):
                    new.add(c[:m.start()] + (' ' + ss + ' ' if ss else ' ') + c[m.end():])
            else:
                spots = [0] + [m.end() for m in re.finditer(r' ', c)] + [len(c)]
                for p in spots:
                    new.add(c[:p] + ' ' + ss + ' ' + c[p:])
        cands = {norm(x) for x in new}
        if len(cands) > 20000:
            break
    return {strip_edges(c) for c in cands}

def words(s):
    return re.findall(r"[a-z0-9]+(?:'[a-z0-9]+)*", norm(s).lower())

def in_article(quote, art):
    q, a = strip_edges(norm(quote)), norm(art)
    if q in a:
        return 'contiguous'
    toks = q.split(' ')
    for i in range(1, len(toks)):
        left, right = strip_edges(' '.join(toks[:i])), strip_edges(' '.join(toks[i:]))
        p = a.find(left)
        while p >= 0:
            r = a.find(right, p + len(left))
            if r >= 0 and r - (p + len(left)) < 120:
                return 'splice'
            p = a.find(left, p + 1)
    return None

VERDICT_KINDS = {
    'verbatim': set(),
    'cosmetic': {'case', 'spelling', 'number_format', 'hyphenation', 'punctuation', 'diacritics'},
    'elided': {'elision', 'bracketed', 'redaction', 'case', 'spelling', 'number_format', 'hyphenation', 'punctuation', 'diacritics'},
}

def main():
    gold = [json.loads(l) for l in open(os.path.join(HERE, 'gold_en.jsonl'), encoding='utf-8') if l.strip()]
    cables = {}
    for l in gzip.open(CORPUS, 'rt', encoding='utf-8'):
        d = json.loads(l)
        cables[d['id']] = d
    corpus_norm = None
    errors = []
    arts = {}
    for g in gold:
        gid = g['id']
        art = arts.setdefault(g['article'], open(os.path.join(HERE, 'articles', g['article']), encoding='utf-8').read())
        how = in_article(g['quote'], art)
        if not how:
            errors.append(f'{gid}: quote not printed in {g["article"]}')
        kinds = {d['kind'] for d in g['discrepancies']}
        v = g['verdict']
        if v == 'not_found':
            if g['source'] is not None:
                errors.append(f'{gid}: not_found with a source')
            if corpus_norm is None:
                corpus_norm = [' ' + ' '.join(words(d['text'])) + ' ' for d in cables.values()]
            w = words(g['quote'])
            for i in range(len(w) - 5):
                gram = ' ' + ' '.join(w[i:i + 6]) + ' '
                if any(gram in doc for doc in corpus_norm):
                    errors.append(f'{gid}: 6-word run in corpus: {gram.strip()}')
            continue
        if v == 'altered':
            if not kinds - VERDICT_KINDS['elided']:
                errors.append(f'{gid}: altered without a word-level discrepancy')
        elif not kinds <= VERDICT_KINDS[v]:
            errors.append(f'{gid}: verdict {v} inconsistent with kinds {sorted(kinds)}')
        if v != 'verbatim' and not kinds:
            errors.append(f'{gid}: {v} without discrepancies')
        cands = candidates(g['quote'], g['discrepancies'])
        for src in [g['source']] + g['also_acceptable']:
            c = cables.get(src['cable'])
            if not c:
                errors.append(f'{gid}: cable {src["cable"]} not in corpus'); continue
            paras = paragraphs(c['text']).get(src['paragraph'], [])
            if not any(x and x in p for x in cands for p in paras):
                errors.append(f'{gid}: rebuilt source not in {src["cable"]} para {src["paragraph"]}')
        at = g['attribution']
        if at:
            c = cables.get(g['source']['cable'])
            if c:
                if at['cable_signer'].upper() not in c['text'][-400:].upper():
                    errors.append(f'{gid}: signer {at["cable_signer"]} not at end of cable')
                if at['cable_date'] not in c['meta']:
                    errors.append(f'{gid}: date {at["cable_date"]} not in meta')
    for e in errors:
        print('FAIL', e)
    from collections import Counter
    print('lines:', len(gold), dict(Counter(g['verdict'] for g in gold)))
    print('RESULT:', 'PASS' if not errors else f'{len(errors)} failure(s)')
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main())
