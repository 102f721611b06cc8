#!/usr/bin/env python3
"""Mine multi-character terms from report text, for Resources/lexicon/mined.dict.

A development tool, not a runtime dependency. Candidates are runs of 2-6 Han characters that
recur (frequency), hold together (every split point has high pointwise mutual information) and
stand free (varied characters on both sides: left and right branching entropy). Candidates that
begin or end with a function character are dropped, since they are phrases, not terms.

    python3 tools/mine_lexicon.py corpora ../shared/corpora/national-gwr > mined.dict
"""
import math
import os
import re
import sys
from collections import Counter, defaultdict

HAN = re.compile(r"[\u4e00-\u9fff]+")
EDGE_STOP = set("的了是在和与及等将要把被对从向为也都而并且或其之以于由就这那我你他她它们有个所着过给让使十更少")
INNER_STOP = set("的和与及")  # inside a longer candidate these join two words into a phrase
PHRASE_ENDS = ("更多", "良好", "不少", "一定能", "一定能够")
# Modifiers that open the next word: 职工基本 and 年内基本 are cut from 职工基本养老保险 and
# 年内基本建成, not terms.
MODIFIER_ENDS = ("基本", "全面", "积极", "进一步", "不断", "继续")
MAX_LEN = 6


def texts(paths):
    for root in paths:
        if os.path.isfile(root):
            yield open(root, encoding="utf-8", errors="ignore").read()
            continue
        for d, _, files in os.walk(root):
            for f in sorted(files):
                if f.endswith((".txt", ".md")) and f != "README.md":
                    yield open(os.path.join(d, f), encoding="utf-8", errors="ignore").read()


def main(paths):
    grams = Counter()
    left = defaultdict(Counter)
    right = defaultdict(Counter)
    chars = 0
    for text in texts(paths):
        for run in HAN.findall(text):
            chars += len(run)
            for n in range(1, MAX_LEN + 1):
                for i in range(len(run) - n + 1):
                    g = run[i:i + n]
                    grams[g] += 1
                    if n >= 2:
                        left[g][run[i - 1] if i > 0 else "^"] += 1
                        right[g][run[i + n] if i + n < len(run) else "$"] += 1

    def entropy(counter):
        total = sum(counter.values())
        return -sum(c / total * math.log(c / total) for c in counter.values())

    def cohesion(g):
        # Smallest PMI over the ways to cut g in two.
        p = grams[g] / chars
        return min(math.log(p / (grams[g[:k]] / chars * grams[g[k:]] / chars)) for k in range(1, len(g)))

    out = []
    for g, f in grams.items():
        n = len(g)
        if n < 2 or g[0] in EDGE_STOP or g[-1] in EDGE_STOP:
            continue
        if n >= 3 and (INNER_STOP & set(g[1:-1]) or g.endswith(PHRASE_ENDS) or (g.endswith(MODIFIER_ENDS) and g not in MODIFIER_ENDS)):
            continue
        if f < (8 if n == 2 else 3):
            continue
        if min(entropy(left[g]), entropy(right[g])) < 1.2 or cohesion(g) < 4.0 + (n - 2) * 0.5:
            continue
        out.append((g, f))
    out.sort(key=lambda x: (-x[1], x[0]))
    print("# Nianbao government lexicon: terms mined from national government work reports (2000-2022)")
    print("# and the seed report by tools/mine_lexicon.py (frequency, cohesion, branching entropy).")
    print("# Format: jieba user dictionary: word freq. Regenerate with the command in the script's header.")
    for g, f in out:
        print(f"{g} {f}")


if __name__ == "__main__":
    main(sys.argv[1:])
