#!/usr/bin/env python3
"""dblp_model.py - a frequency model of DBLP records for gen_dblp (the benchmark's dump generator).

Reads records exported from DBLP as BibTeX (one field per line, as DBLP's .bib exports
and davidar/dblp.yaml have them: '@type{key,', '  title = {...},', ...) and writes the
counts gen_dblp draws from: title tokens as written (the most frequent TOKENS of them,
and how much of the text the rest make up, with a sample of those rarer words to build
more from), title lengths, given and family names, homonym numbers, authors per record,
venues with their key prefixes, years. Only counts and single words and names: no record
is kept whole.

usage: dblp_model.py FILE.bib... > tests/tools/dblp_model.txt
"""
import collections, random, re, sys

TOKENS, GIVEN, FAMILY, VENUES, TAIL = 20000, 8000, 20000, 2500, 3000

ent = re.compile(r'^@(\w+)\{(.*),$')
fld = re.compile(r'^  (\w+) = \{(.*)\},?$')


def records(paths):
    for path in paths:
        cur = None
        with open(path, encoding='utf-8', errors='replace') as f:
            for line in f:
                line = line.rstrip('\n')
                m = ent.match(line)
                if m:
                    cur = {'type': m.group(1), 'key': m.group(2)}
                elif line == '}' and cur:
                    yield cur
                    cur = None
                elif cur is not None:
                    m = fld.match(line)
                    if m:
                        cur[m.group(1)] = m.group(2)


def top(counter, n):
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def main():
    tokens, tlen, given, family, digits = (collections.Counter() for _ in range(5))
    nauth = collections.defaultdict(collections.Counter)
    venues, years, types = collections.Counter(), collections.Counter(), collections.Counter()
    n = 0
    for r in records(sys.argv[1:]):
        t = r['type']
        if t in ('proceedings', 'book') and not r.get('author'):
            types[t] += 1
            continue
        title = r.get('title', '').strip()
        if not title:
            continue
        n += 1
        types[t] += 1
        words = title.split()
        tlen[min(len(words), 60)] += 1
        tokens.update(words)
        names = [a.strip() for a in r.get('author', '').split(' and ') if a.strip()]
        nauth[t][min(len(names), 200)] += 1
        for a in names:
            parts = a.split()
            if len(parts) > 1 and re.fullmatch(r'\d{4}', parts[-1]):
                digits[parts[-1]] += 1
                parts = parts[:-1]
            else:
                digits['none'] += 1
            if len(parts) >= 2:
                given[' '.join(parts[:-1])] += 1
                family[parts[-1]] += 1
        v = r.get('booktitle') or r.get('journal')
        k = r['key'].split('/')
        if v and len(k) >= 3:
            venues[(t, k[0] + '/' + k[1], v)] += 1
        y = r.get('year', '')
        if y.isdigit():
            years[int(y)] += 1
    out = sys.stdout
    out.write('# dblp_model.txt - word and name frequencies of %d real DBLP records (DBLP as of 2014,\n' % n)
    out.write('# from the BibTeX of davidar/dblp.yaml), written by tests/tools/dblp_model.py; read by gen_dblp.\n')
    out.write('# Counts only; DBLP data is ODC-BY 1.0 (dblp computer science bibliography, https://dblp.org).\n')
    rnd = random.Random(1)

    def section(name, counter, k, tail=False):
        items = top(counter, k)
        total = sum(counter.values())
        kept = sum(c for _, c in items)
        out.write('[%s] %d %d\n' % (name, total, len(counter)))
        for w, c in items:
            out.write('%d\t%s\n' % (c, w))
        if tail:
            rest = sorted(w for w, c in counter.items() if c <= 2 and re.fullmatch(r"[A-Za-z][a-z]{4,14}", w))
            sample = rnd.sample(rest, min(TAIL, len(rest)))
            out.write('[%s-tail] %d %d\n' % (name, total - kept, len(sample)))
            for w in sorted(sample):
                out.write('%s\n' % w)

    section('type', types, 100)
    section('titlelen', collections.Counter({str(k): v for k, v in tlen.items()}), 100)
    section('token', tokens, TOKENS, True)
    section('given', given, GIVEN, True)
    section('family', family, FAMILY, True)
    section('homonym', digits, 100)
    for t in sorted(nauth):
        section('authors-' + t, collections.Counter({str(k): v for k, v in nauth[t].items()}), 300)
    section('venue', collections.Counter({'%s\t%s\t%s' % k: c for k, c in venues.items()}), VENUES)
    section('year', collections.Counter({str(k): v for k, v in years.items()}), 300)


if __name__ == '__main__':
    main()
