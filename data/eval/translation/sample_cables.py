# The seeded sample the items were written from (run from anywhere; needs compare and ../shared).
# Prints two paragraphs (first 900 characters) of each of 44 cables, one cable per post.
import gzip, json, random, re, sys, glob
ROOT = __import__('os').path.abspath(__import__('os').path.join(__import__('os').path.dirname(__file__), '..', '..', '..'))
sys.path.insert(0, ROOT)
from compare.ingest.paragraphs import split
excl = set()
for l in open(ROOT + '/../shared/eval/real-dev/gold.jsonl'):
    excl.update(re.findall(r'\b\d{2}[A-Z]{3,}[A-Z]*\d+\b', l))
for f in [p for p in glob.glob(ROOT + '/data/eval/*.jsonl') + glob.glob(ROOT + '/data/eval/*/*.jsonl') if '/translation/' not in p]:
    excl.update(re.findall(r'\b\d{2}[A-Z]{3,}[A-Z]*\d+\b', open(f).read()))
recs = {}
for l in gzip.open(ROOT + '/../shared/corpus/cablegate-6712.jsonl.gz','rt'):
    r = json.loads(l); recs[r['id']] = r
ids = sorted(recs)
print(len(excl), 'excluded', len(ids), file=sys.stderr)
rnd = random.Random(2026); rnd.shuffle(ids)
out = []; posts = set()
for cid in ids:
    if cid in excl: continue
    post = re.sub(r'^\d{2}|\d+$', '', cid)
    if post in posts: continue
    body = split(recs[cid]['text'])
    ps = [p for p in body.paragraphs if p.number and len(p.text.split()) >= 60 and p.text.count(' -- ') < 3]
    if len(ps) < 2: continue
    posts.add(post); out.append((cid, ps))
    if len(out) >= 44: break
for cid, ps in out:
    rnd2 = random.Random(cid)
    for p in sorted(rnd2.sample(ps, 2), key=lambda p: p.number):
        print(f"### {cid} ¶{p.number}: {p.text[:900]}\n")
