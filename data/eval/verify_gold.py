#!/usr/bin/env python3
"""Verify gold_en.jsonl against the Cablegate corpus and the article files.

Standard library only.  Usage:  python3 verify_gold.py [gold.jsonl] [corpus.jsonl.gz]

Checks per gold line
  * shape of the object, allowed verdicts / discrepancy kinds
  * the quote is printed in the article, directly after an opening quotation mark
  * sourced quotes: applying the listed discrepancies in reverse (replace first
    occurrence of quote_side by source_side, in list order) yields a string that
    occurs in the stated paragraph (0 = SUBJECT line) of the stated cable, compared
    after normalising curly/straight quotes, ellipses and whitespace only
    (case is significant, so case discrepancies must be listed);
    for non-verbatim verdicts the printed quote itself must NOT occur there;
    every other (cable, paragraph) in the corpus holding the same text must be in
    also_acceptable, and each also_acceptable entry must hold it
  * verdict agrees with the discrepancy kinds
  * not_found quotes: no 6-consecutive-word run of the quote (quotes shorter than
    6 words: the whole quote) occurs anywhere in the corpus (lowercased,
    whitespace-normalised word sequence)
  * attribution: cable_signer/cable_date match the cable; ok agrees with the claim
  * article files: headline, byline line, 350-700 words
"""
import gzip, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'gold_en.jsonl')
CORPUS = sys.argv[2] if len(sys.argv) > 2 else '/work/shared/corpus/cablegate-6712.jsonl.gz'
ART = os.path.join(HERE, 'articles')

VERDICTS = {'verbatim', 'cosmetic', 'elided', 'altered', 'not_found'}
KINDS = {'case', 'punctuation', 'spelling', 'number_format', 'elision', 'bracketed', 'redaction', 'hyphenation',
         'number_change', 'negation', 'hedge', 'antonym', 'insertion', 'deletion', 'substitution'}
ALTERED = {'number_change', 'negation', 'hedge', 'antonym', 'insertion', 'deletion', 'substitution'}
ELIDED = {'elision', 'bracketed', 'redaction'}  # editorial differences (the contract: redaction is editorial)
COSMETIC = {'case', 'spelling', 'number_format', 'punctuation', 'hyphenation'}
TYPO = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u00a0': ' '})
MONTHS = 'January February March April May June July August September October November December'.split()

# ---------------------------------------------------------------- paragraphs
MARK = r'(?:(?<=\s)|^)\u00b6?\s?%d\.\s?\((?:C|S|U|SBU|C/NF|S/NF|S//NF|C//NF)\)'


def paragraphs(text):
    """{0: subject line, 1: text of para 1, ...}; numbered paragraphs are found
    in sequence (marker 'N. (C)' / 'N.(SBU)' / '\u00b6N.' ... after marker N-1)."""
    m = re.search(r'SUBJECT:\s*(.*?)(?:\n\s*\n|\n\s*REF|\n\s*Classified|\n\s*CLASSIFIED)', text, re.S)
    paras = {0: ' '.join(m.group(1).split())} if m else {}
    pos = m.end() if m else 0
    n, starts = 1, []
    while True:
        mm = re.compile(MARK % n, re.M).search(text, pos)
        if not mm:
            break
        starts.append((n, mm.start(), mm.end()))
        pos = mm.end()
        n += 1
    for i, (n, s, e) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
        paras[n] = ' '.join(text[e:end].split())
    return paras


def norm(s):
    """typography + whitespace only (case kept)"""
    s = s.translate(TYPO).replace('\u2026', '...')
    return ' '.join(s.split())


def strip_edges(s):
    return s.strip().strip('.,;:!?').strip()


def words(s):
    return re.findall(r"[a-z0-9]+(?:'[a-z0-9]+)*", s.translate(TYPO).lower())


def reconstruct(quote, discs):
    s = quote
    for d in discs:
        q, src = d.get('quote_side', ''), d.get('source_side', '')
        if q == '':  # words of the source the quote leaves out ("often", "not"): the contract's minimal sides
            continue
        if q not in s:
            raise ValueError('quote_side %r not in working string %r' % (q, s))
        s = s.replace(q, src, 1)
    return s


def expected_verdict(discs):
    kinds = {d['kind'] for d in discs}
    typo_only = {d['kind'] for d in discs if not (d['kind'] == 'punctuation' and
                 norm(d['quote_side']) == norm(d['source_side']))}
    if kinds & ALTERED:
        return {'altered'}
    if typo_only & ELIDED and typo_only & COSMETIC:
        return {'MIXED'}
    if typo_only & ELIDED:
        return {'elided'}
    if typo_only & COSMETIC:
        return {'cosmetic'}
    return {'verbatim'}


def main():
    errors = []
    texts, meta = {}, {}
    with gzip.open(CORPUS, 'rt', encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            texts[d['id']] = d['text']
            meta[d['id']] = d['meta']
    ntexts = {k: norm(v) for k, v in texts.items()}
    corpus_words = ' ' + ' '.join(' '.join(words(v)) for v in texts.values()) + ' '
    # per-cable word strings to locate hits
    para_cache = {}

    def paras_of(cid):
        if cid not in para_cache:
            para_cache[cid] = {k: norm(v) for k, v in paragraphs(texts[cid]).items()}
        return para_cache[cid]

    articles = {}
    for fn in sorted(os.listdir(ART)):
        if fn.startswith('en_') and fn.endswith('.txt'):
            raw = open(os.path.join(ART, fn), encoding='utf-8').read()
            articles[fn] = raw
            lines = raw.split('\n')
            if not lines[0].strip() or not re.match(r'^By [^,]+, [^,]+, .*(2010|2011)\s*$', lines[1]):
                errors.append('%s: headline/byline format' % fn)
            nw = len(raw.split())
            if not 350 <= nw <= 700:
                errors.append('%s: %d words' % (fn, nw))

    gold = [json.loads(l) for l in open(GOLD, encoding='utf-8') if l.strip()]
    ids = set()
    counts = {}
    for g in gold:
        gid = g.get('id')
        tag = gid or '?'
        keys = ['id', 'article', 'quote', 'source', 'also_acceptable', 'verdict', 'discrepancies', 'attribution', 'note']
        if list(g.keys()) != keys:
            errors.append('%s: keys %s' % (tag, list(g.keys())))
            continue
        if gid in ids:
            errors.append('%s: duplicate id' % tag)
        ids.add(gid)
        if not re.match(r'^en\d\d-\d\d$', gid) or g['article'] != 'en_%s.txt' % gid[2:4]:
            errors.append('%s: id/article mismatch' % tag)
        v = g['verdict']
        counts[v] = counts.get(v, 0) + 1
        if v not in VERDICTS:
            errors.append('%s: verdict %s' % (tag, v))
        for d in g['discrepancies']:
            if set(d) != {'kind', 'quote_side', 'source_side'} or d['kind'] not in KINDS:
                errors.append('%s: bad discrepancy %r' % (tag, d))
        art = articles.get(g['article'])
        q = g['quote']
        if art is None:
            errors.append('%s: article missing' % tag)
        else:
            ok = any((o + q) in art for o in '\u201c"\u2018\'')
            if not ok:
                errors.append('%s: quote not printed after a quotation mark in article' % tag)
        src = g['source']
        if src is None:
            if v != 'not_found':
                errors.append('%s: source null but verdict %s' % (tag, v))
            w = words(q)
            runs = [w[i:i + 6] for i in range(len(w) - 5)] if len(w) >= 6 else [w]
            for r in runs:
                if ' ' + ' '.join(r) + ' ' in corpus_words:
                    errors.append('%s: not_found quote has corpus run %r' % (tag, ' '.join(r)))
                    break
            if g['also_acceptable']:
                errors.append('%s: also_acceptable on not_found' % tag)
        else:
            if v == 'not_found':
                errors.append('%s: sourced but verdict not_found' % tag)
            cid, pn = src['cable'], src['paragraph']
            if cid not in texts:
                errors.append('%s: cable %s not in corpus' % (tag, cid))
                continue
            ps = paras_of(cid)
            if pn not in ps:
                errors.append('%s: %s has no paragraph %s' % (tag, cid, pn))
                continue
            try:
                rec = strip_edges(norm(reconstruct(q, g['discrepancies'])))
            except ValueError as e:
                errors.append('%s: %s' % (tag, e))
                continue
            for d in g['discrepancies']:  # a left-out word (minimal sides): put it back where it fits
                if not d.get('quote_side') and d.get('source_side') and rec not in ps[pn]:
                    cuts = [m.start() for m in re.finditer(r' ', rec)] + [0]
                    fits = [(rec[:c] + ' ' if c else '') + d['source_side'] + ' ' + rec[c:].lstrip() for c in cuts]
                    rec = next((f for f in fits if f in ps[pn]), rec)
            if rec not in ps[pn]:
                errors.append('%s: reconstructed text not in %s para %s: %r' % (tag, cid, pn, rec))
            raw_q = strip_edges(norm(q))
            if v != 'verbatim' and raw_q in ps[pn]:
                errors.append('%s: verdict %s but printed quote occurs unchanged' % (tag, v))
            if v not in expected_verdict(g['discrepancies']):
                errors.append('%s: verdict %s but discrepancies imply %s' % (tag, v, expected_verdict(g['discrepancies'])))
            # other locations holding the same text
            hits = set()
            for oid, nt in ntexts.items():
                if rec in nt:
                    for k, pt in paras_of(oid).items():
                        if rec in pt:
                            hits.add((oid, k))
            hits.discard((cid, pn))
            also = {(a['cable'], a['paragraph']) for a in g['also_acceptable']}
            if hits != also:
                errors.append('%s: also_acceptable %s but corpus holds it also at %s' % (tag, sorted(also), sorted(hits)))
        a = g['attribution']
        if a is not None:
            if src is None:
                # attribution of an invented quote: just require shape
                if set(a) != {'claimed', 'cable_signer', 'cable_date', 'ok'}:
                    errors.append('%s: attribution shape' % tag)
                continue
            cid = src['cable']
            created = re.search(r'\d{4}-\d\d-\d\d', meta[cid]).group(0)
            if a.get('cable_date') != created:
                errors.append('%s: cable_date %s != %s' % (tag, a.get('cable_date'), created))
            signer = a.get('cable_signer', '')
            if not re.search(r'\b%s\b' % re.escape(signer), texts[cid][-3000:]):
                errors.append('%s: signer %s not at end of cable' % (tag, signer))
            claimed = a['claimed']
            years = re.findall(r'\b(?:19|20)\d\d\b', claimed)
            year_ok = all(y == created[:4] for y in years)
            mon = [m for m in MONTHS if m in claimed]
            month_ok = all(MONTHS.index(m) + 1 == int(created[5:7]) for m in mon)
            names = [t for t in re.findall(r'\b[A-Z][a-z]+\b', claimed)
                     if t not in MONTHS and t not in {'The', 'Ambassador', 'Embassy', 'Charge', 'Chargé', 'Acting', 'Deputy', 'Secretary', 'Cable', 'Envoy', 'Chief', 'Mission', 'Ms', 'Mr'}]
            name_ok = signer.lower() in claimed.lower() or not names
            if a['ok'] != (year_ok and month_ok and name_ok):
                errors.append('%s: attribution ok=%s but computed %s (claimed %r)' % (tag, a['ok'], year_ok and month_ok and name_ok, claimed))
    # every article has gold lines
    for fn in articles:
        n = sum(1 for g in gold if g['article'] == fn)
        if not 8 <= n <= 12:
            errors.append('%s: %d gold quotes' % (fn, n))
    print('gold lines: %d   articles: %d   verdicts: %s' % (len(gold), len(articles), counts))
    if errors:
        print('FAILURES (%d):' % len(errors))
        for e in errors:
            print('  ' + e)
        sys.exit(1)
    print('ALL CHECKS PASSED')


if __name__ == '__main__':
    main()
