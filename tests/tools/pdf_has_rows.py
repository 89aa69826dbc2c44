#!/usr/bin/python3
"""pdf_has_rows.py - does a compiled LaTeX table show every row it should?

    pdf_has_rows.py CATALOG TOPICS.yaml TOPICS.csv VENUES.csv TABLE:TEXT[:keys|:all]...

TEXT is `pdftotext -raw` of the PDF; TABLE says what must be in it:
  topics      every topic label (TOPICS.csv: `litsurvey stats --by topic --format csv`);
              with :all (--max-cites 0) also every paper with a topic, by its name
  venue-year  every venue (VENUES.csv, most papers first) and the number of papers; when
              the table sums the rest in one "N other venues" row, the len-N venues
              with the most papers and that row
  taxonomy    every topic (its short label in TOPICS.yaml, if any) and every paper with
              a topic, by its name
  catalog     every paper: its title, and its system name when it has one
  survey      all of the above for one document
A paper's name is its system name, else its title up to a colon (when that is at most
40 bytes), else its title; in the topics table only a title of at most 40 bytes, else
nothing (the citation alone names it, never a title cut off). With :keys the
citation key must be printed too (a standalone document without a .bib).
Text is compared as lower-case letters and digits only, so line breaks, hyphenation,
accents, ligatures and TeX's escapes do not matter. Prints what is missing; exit 1 if any.
"""
import csv
import re
import sys
import unicodedata

import yaml


def norm(s):
    s = unicodedata.normalize("NFKD", s).lower()
    return re.sub(r"[^a-z0-9]", "", s)


def name(p, cut):
    if p.get("short"):
        return p["short"]
    title = str(p.get("title") or p["key"])
    colon = title.find(":")
    if 0 < colon <= 40:
        return title[:colon]
    return "" if cut and len(title.encode()) > 40 else title


def col(path, field):
    with open(path, newline="") as f:
        return [r[field] for r in csv.DictReader(f) if r[field] != "(none)"]


def main():
    cat_path, tax_path, topics_csv, venues_csv, *jobs = sys.argv[1:]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(cat_path) as f:
        papers = yaml.load(f, Loader=loader)["papers"]
    with open(tax_path) as f:
        short = {t["label"]: t.get("short") or t["label"] for t in yaml.load(f, Loader=loader)["topics"]}
    topics = col(topics_csv, "topic")
    shorts = [short.get(t, t) for t in topics]
    venues = col(venues_csv, "venue")
    with_topic = [p for p in papers if p.get("topics")]
    bad = 0
    for job in jobs:
        table, text_path, *flags = job.split(":")
        raw = open(text_path, encoding="utf-8", errors="replace").read()
        text = norm(raw)
        want = []  # (what, text)
        if table in ("topics", "survey"):
            want += [("topic", t) for t in topics]
            if "all" in flags:
                want += [("paper " + p["key"], name(p, True)) for p in with_topic]
        if table in ("venue-year", "survey"):
            other = re.search(r"([0-9,]+) other venues?", raw)
            shown = venues[:len(venues) - int(other.group(1).replace(",", ""))] if other else venues
            if other and not shown:
                print(f"# {text_path}: '{other.group(0)}' but only {len(venues)} venues")
                bad = 1
            want += [("venue", v) for v in shown] + [("total", str(len(papers)))]
        if table in ("taxonomy", "survey"):
            want += [("topic label", t) for t in shorts]
            want += [("paper " + p["key"], name(p, False)) for p in with_topic]
        if table in ("catalog", "survey"):
            want += [("title of " + p["key"], str(p.get("title") or "")) for p in papers]
            want += [("name of " + p["key"], p["short"]) for p in papers if p.get("short")]
        if "keys" in flags and (table in ("taxonomy", "catalog") or table == "topics" and "all" in flags):
            want += [("key", p["key"]) for p in (papers if table == "catalog" else with_topic)]
        missing = [(w, s) for w, s in want if norm(s) and norm(s) not in text]
        for w, s in missing[:10]:
            print(f"# {text_path}: {w} missing: {s}")
        if missing:
            print(f"# {text_path}: {len(missing)} of {len(want)} missing")
        bad |= bool(missing)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
