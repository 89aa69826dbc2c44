# import_seeds.sh - the five real seed lists (../shared/seeds, skipped when absent): every
# paper imported, counted by hand per list, a sample checked field by field against the
# lists by hand, merges across lists, order independence, and the committed catalog.
. "$(dirname "$0")/../lib.sh"
SEEDS=$ROOT/../shared/seeds
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
if ! ls "$SEEDS"/*.txt >/dev/null 2>&1; then
  ok "# SKIP seed lists not present"
  exit 0
fi
cd "$TMP" || exit 1
cp "$SEEDS"/*.txt .   # sources name each list by the path given: here, its file name

"$LIT" import $V 0*.txt -o seeds.yaml 2>summary.txt
check "the five seeds import" test -s seeds.yaml
check "summary: 219 papers from 290 entries" grep -q "imported 219 papers from 290 entries in 5 files; 0 skipped, 71 merged" summary.txt
"$LIT" import $V -q $(ls 0*.txt | sort -r) -o rev.yaml
check "same catalog whatever the order of the lists" cmp seeds.yaml rev.yaml
# the committed catalog was made with the keys of its day: they are in the file and stay
# (people cite them); re-importing the seeds into it gives it byte for byte, and a fresh
# import gives the same papers under today's keys
"$LIT" import $V -q -m "$ROOT/data/catalog.yaml" 0*.txt -o kept.yaml
check "the committed data/catalog.yaml is this import, its keys kept" cmp kept.yaml "$ROOT/data/catalog.yaml"
check "  and a fresh import has the same papers, only the keys made anew" $PY -c "
import yaml
def load(f):
    return {tuple((s['list'], s['line']) for s in p['sources']): {k: v for k, v in p.items() if k != 'key'}
            for p in yaml.safe_load(open(f))['papers']}
a, b = load('seeds.yaml'), load('kept.yaml')
assert a == b, [k for k in set(a) | set(b) if a.get(k) != b.get(k)][:5]
"
check "litsurvey check: no problems" "$LIT" check -q -c seeds.yaml $V
"$LIT" import $V -q -m seeds.yaml 0*.txt -o again.yaml
check "re-importing into the catalog changes nothing (keys stable, no duplicates)" cmp seeds.yaml again.yaml

# Entries per list, counted by hand in each file: 000 has 17 paragraphs with papers; 001
# has 125 bullets of which 6 are not papers (a topic bullet with an overview link, an
# optical topic bullet, a notion overview, a course page, a talk, none other); 002 has 32
# bullets; 003 has 57 numbered-topic items; 004 has 71 lines of which 6 are categories.
check "every entry of every list, counted by hand" $PY -c "
import yaml, collections
c = yaml.safe_load(open('seeds.yaml'))['papers']
n = collections.Counter(s['list'] for p in c for s in p['sources'])
want = {'000_08ab5818e1fd3ce2.txt': 17, '001_19808dd0d0367353.txt': 119, '002_bf948b1d70ba5056.txt': 32,
        '003_d45c6d844837da83.txt': 57, '004_594ff7e104f84ae0.txt': 65}
assert dict(n) == want, dict(n)
"

# A sample verified by hand against the lists, field by field.
cat > sample.py <<'PYEOF'
import sys, yaml
P = {p['key']: p for p in yaml.safe_load(open('kept.yaml'))['papers']}   # the committed keys
L0, L1, L2, L3, L4 = ('000_08ab5818e1fd3ce2.txt', '001_19808dd0d0367353.txt', '002_bf948b1d70ba5056.txt',
                      '003_d45c6d844837da83.txt', '004_594ff7e104f84ae0.txt')
bad = 0
def want(key, **f):
    global bad
    p = P.get(key)
    if p is None:
        print('missing paper', key); bad = 1; return
    for k, v in f.items():
        got = p.get(k)
        if k == 'sources':
            got = [(s['list'], s['line'], s.get('section')) for s in p['sources']]
        if got != v:
            print('%s.%s: got %r, want %r' % (key, k, got, v)); bad = 1
want('pipedream-sosp19', title='PipeDream: Generalized Pipeline Parallelism for DNN Training', short='PipeDream',
     venue='SOSP', year=2019,
     links={'paper': 'https://cs.stanford.edu/~matei/papers/2019/sosp_pipedream.pdf',
            'slides': 'https://sosp19.rcs.uwaterloo.ca/slides/narayanan.pdf',
            'talk': 'https://sosp19.rcs.uwaterloo.ca/videos/D1-S1-P1.mp4'},
     topics=['distributed-training', 'model-parallelism', 'pipeline-parallelism'],
     sources=[(L0, 5, 'Model Parallelism'), (L1, 17, 'Parallelism Paradigms & Strategies'), (L3, 43, 'Pipeline'),
              (L4, 19, 'Parallelism & Distributed Systems')])
want('byteps-osdi20', title='A Unified Architecture for Accelerating Distributed DNN Training in Heterogeneous GPU/CPU Clusters',
     short='BytePS', venue='OSDI', year=2020,
     sources=[(L1, 12, 'Distributed Training & Parallelism Paradigms'), (L3, 34, 'Data Parallelism'),
              (L4, 15, 'Parallelism & Distributed Systems')])
want('bytescheduler-sosp19', title='A Generic Communication Scheduler for Distributed DNN Training Acceleration',
     short='ByteScheduler', venue='SOSP', year=2019,
     links={'code': 'https://github.com/bytedance/byteps', 'paper': 'https://i.cs.hku.hk/~cwu/papers/yhpeng-sosp19.pdf'},
     sources=[(L0, 27, 'Communication Schedule'), (L1, 85, 'Optimizing Networks/Communications for ML'),
              (L4, 18, 'Parallelism & Distributed Systems'), (L4, 61, 'Scheduling & Resource Management')])
want('gavel-osdi20', title='Heterogeneity-Aware Cluster Scheduling Policies for Deep Learning Workloads', short='Gavel',
     venue='OSDI', year=2020, links={'pdf': 'https://www.usenix.org/system/files/osdi20-narayanan_deepak.pdf'},
     sources=[(L1, 40, 'Workload Scheduling, Cluster Resource Management'), (L3, 17, 'Cluster Scheduling'),
              (L4, 32, 'GPU Cluster Management')])
want('dapple-ppopp21', title='DAPPLE: A Pipelined Data Parallel Approach for Training Large Models', venue='PPoPP', year=2021)
want('optimizing-arxiv19', title='Optimizing Network Performance for Distributed DNN Training on GPU Clusters: ImageNet/AlexNet Training in 1.5 Minutes',
     venue='arXiv', year=2019, year_inferred=True, arxiv='1902.06855', sources=[(L0, 39, 'Network optimization')])
want('chimera-sc21', venue='SC', year=2021, sources=[(L1, 24, 'Parallelism Paradigms & Strategies'), (L4, 13, 'Parallelism & Distributed Systems')])
want('kungfu-osdi20', venue='OSDI', year=2020, sources=[(L4, 58, 'Scheduling & Resource Management')])
want('improving-eurosys18', title='Improving the Expressiveness of Deep Learning Frameworks with Recursion', venue='EuroSys',
     year=2018, topics=['distributed-training'], sources=[(L2, 13, 'TRAINING')])
want('scaling-osdi14', venue='OSDI', year=2014, short=None)
want('mpe', title='Fast Performance Prediction for Efficient Distributed DNN Training', short='MPE', venue=None, year=None,
     topics=['performance-modeling'], sources=[(L3, 83, 'Performance Modeling')])
want('distbelief-neurips12', title='Large Scale Distributed Deep Networks', short='DistBelief', venue='NeurIPS', year=2012)
want('gpipe-neurips19', venue='NeurIPS', year=2019, year_inferred=None, arxiv='1811.06965')
want('tictac-mlsys19', venue='MLSys', year=2019)
want('bml-neurips18', venue='NeurIPS', year=2018)
want('bagua-vldb21', venue='VLDB', year=2021)
want('megatron-lm-arxiv19', venue='arXiv', year=2019, year_inferred=None)
want('tensorflow-serving-neuripsw17', venue='NeurIPS-W', year=2017)
want('ioi-sigcommw21', venue='SIGCOMM-W', year=2021, topics=['optical-interconnects'])
want('drf-nsdi11', links={'pdf': 'https://www.usenix.org/legacy/events/nsdi11/tech/full_papers/Ghodsi.pdf'})
want('achieving-osdi22', title='Achieving \u03bcs-scale Preemption for Concurrent GPU-accelerated DNN Inferences')
want('hetpipe-atc20', title='HetPipe: Enabling Large DNN Training on (Whimpy) Heterogeneous GPU Clusters through Integration of Pipelined Model Parallelism and Data Parallelism', venue='ATC')
want('zero-sc20', venue='SC', year=2020, title='ZeRO: Memory Optimizations Toward Training Trillion Parameter Models')
want('bagpipe-sosp23', venue='SOSP', year=2023)
want('topoopt-nsdi23', short='TOPOOPT', venue='NSDI', year=2023)
want('optimus-eurosys18', venue='EuroSys', year=2018, doi='10.1145/3190508.3190517')
# not papers: topic bullets, overview and course links, a talk, category lines, prose
titles = ' | '.join(p['title'] for p in P.values())
for t in ('Overview', 'Parallelism Paradigms', 'Kuntai', 'CS34702', 'talk', 'Optical Networks for ML', 'Reference',
          'paper list', 'GPU Cluster Management', 'Deep Learning Compiler', 'Cluster Scheduling:', 'Individual'):
    if t in titles:
        print('a non-paper was imported:', t); bad = 1
for p in P.values():
    for s in p['sources']:
        if '/' in s['list']:
            print('list with a folder:', s); bad = 1
    if any(c in p['title'] for c in '\\*[]') or '&#' in p['title'] or p['title'] != p['title'].strip() or '  ' in p['title']:
        print('markup left in a title:', p['title']); bad = 1
sys.exit(bad)
PYEOF
check "hand-verified sample, field by field" $PY sample.py
exit $failed
