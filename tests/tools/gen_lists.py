#!/usr/bin/python3
"""gen_lists.py - writes N awesome-lists whose heading trees are deep and overlap: the same
headings under other parents, catch-alls ("Others") at every depth, headings no taxonomy
knows, so that one import of them all meets many headings at once (the shape that found a
use-after-free in topics_match.c). Deterministic for a seed.

usage: gen_lists.py DIR [N] [SEED]"""
import os
import random
import sys

KNOWN = ["Scheduling", "Pipeline Parallelism", "Model Parallelism", "Inference Serving",
         "Compression", "Federated Learning", "Communication", "GPU Cluster Management",
         "Resource Schedule", "Training", "Compilers", "Storage", "Data Loading"]
WORDS = ["Sparse", "Elastic", "Adaptive", "Quantum", "Streaming", "Graph", "Vector", "Kernel",
         "Memory", "Tensor", "Edge", "Secure", "Hybrid", "Dynamic", "Approximate", "Learned",
         "Index", "Query", "Cache", "Network", "Fault", "Tolerance", "Placement", "Autotuning"]
CATCH = ["Others", "Other", "Misc", "Miscellaneous things"]
VENUES = ["OSDI", "SOSP", "NSDI", "EuroSys", "ATC", "MLSys", "SIGCOMM", "ASPLOS", "SC", "VLDB"]


def heading(rnd):
    r = rnd.random()
    if r < 0.3:
        return rnd.choice(KNOWN)
    if r < 0.45:
        return rnd.choice(CATCH)
    n = rnd.randint(1, 3)
    return " ".join(rnd.sample(WORDS, n))


def write_list(path, idx, rnd):
    lines = ["# Awesome %s Papers %d" % (rnd.choice(WORDS), idx), ""]
    paper = 0

    def section(depth):
        nonlocal paper
        lines.append("#" * depth + " " + heading(rnd))
        lines.append("")
        for _ in range(rnd.randint(0, 3)):
            paper += 1
            v = rnd.choice(VENUES)
            y = rnd.randint(2014, 2024)
            t = "%s %s for %s Systems %d-%d" % (rnd.choice(WORDS), rnd.choice(WORDS), rnd.choice(WORDS), idx, paper)
            lines.append("- %s (%s'%02d) [[Paper]](https://example.org/%d/%d)" % (t, v, y % 100, idx, paper))
        lines.append("")
        if depth < 6:
            for _ in range(rnd.randint(0, 3) if depth < 4 else rnd.randint(0, 1)):
                section(depth + 1)

    for _ in range(rnd.randint(4, 8)):
        section(2)
    with open(path, "w") as f:
        f.write("\n".join(lines))


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        write_list(os.path.join(out, "list%02d.md" % i), i, random.Random(seed * 1000 + i))


main()
