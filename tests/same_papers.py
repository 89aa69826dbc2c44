# same_papers.py A.yaml B.yaml [--fields f,g] [--by title]: exits 0 when both catalogs
# hold the same papers with the same fields (default: everything but sources and extras);
# prints each difference. Used by the round-trip tests (markdown, CSL-JSON, RIS).
import sys, yaml
args = sys.argv[1:]
fields = ['key', 'title', 'short', 'authors', 'venue', 'year', 'year_inferred', 'topics', 'links', 'doi', 'arxiv']
by = 'key'
if '--fields' in args:
    i = args.index('--fields'); fields = args[i + 1].split(','); del args[i:i + 2]
if '--by' in args:
    i = args.index('--by'); by = args[i + 1]; del args[i:i + 2]
def load(p):
    return {x[by]: x for x in (yaml.safe_load(open(p)) or {}).get('papers') or []}
a, b = load(args[0]), load(args[1])
bad = 0
for k in sorted(set(a) | set(b)):
    if k not in b or k not in a:
        print('only in %s: %s' % (args[0] if k in a else args[1], k)); bad += 1; continue
    for f in fields:
        if a[k].get(f) != b[k].get(f):
            print('%s: %s: %r != %r' % (k, f, a[k].get(f), b[k].get(f))); bad += 1
print('%d papers and %d papers, %d differences' % (len(a), len(b), bad))
sys.exit(1 if bad else 0)
