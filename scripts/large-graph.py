#!/usr/bin/env python3
"""Writes a synthetic interchange JSON for export benchmarks: one issue fought over by many actors.

Usage: scripts/large-graph.py [EDGES] > large.json; graphq import --db large.sqlite large.json

About EDGES distinct (holder, target, polarity) edges, all about the one issue (as target or
topic), each backed by 1-3 pieces of evidence spread over 2018-2024 and 40 outlets. Offsets point
into real article texts, so `graphq verify` passes on the result.
"""
import json
import random
import sys

edges = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
rng = random.Random(42)
kinds = ["organization", "person", "group", "government", "media"]
n_actors = max(50, edges // 20)
actors = [{"name": f"Actor {i:05d}", "kind": kinds[i % len(kinds)]} for i in range(n_actors)]
issue = "synthetic issue"
outlets = [f"Outlet {i}" for i in range(40)]
pols = ["supports", "opposes", "defends"]
seen = set()
articles, stances = [], []
while len(seen) < edges:
    h = rng.randrange(n_actors)
    to_issue = rng.random() < 0.1
    t = None if to_issue else rng.randrange(n_actors)
    if t == h:
        continue
    p = rng.choice(pols)
    key = (h, t, p)
    if key in seen:
        continue
    seen.add(key)
    for _ in range(rng.choice([1, 1, 2, 3])):
        holder = actors[h]["name"]
        target = issue if to_issue else actors[t]["name"]
        sentence = f"{holder} {p} {target} in a statement."
        date = f"{rng.randrange(2018, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        text = f"Report {len(articles)}. {sentence} More context follows."
        k = f"art-{len(articles)}"
        articles.append({"key": k, "url": f"https://news.example/{k}", "title": f"Story {len(articles)}",
                         "source": rng.choice(outlets), "published": date, "text": text})
        start = text.index(sentence)
        stances.append({"holder": holder, "polarity": p, "target": target,
                        "target_kind": "issue" if to_issue else "entity", "topic": issue, "article": k,
                        "evidence": sentence, "start": start, "end": start + len(sentence), "date": date,
                        "confidence": round(rng.uniform(0.3, 0.95), 2)})
json.dump({"entities": actors, "issues": [{"label": issue}], "articles": articles, "stances": stances}, sys.stdout)
