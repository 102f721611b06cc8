#!/usr/bin/env python3
"""Generate a large fictional corpus for benchmarks: N counties x 4 years of OGI annual reports,
built from the demo county's sources (tools/demo-src/, 白鹭县, fictional) by renaming the county,
shifting the years and varying the figures and which points appear. Every county is fictional
(names made of two characters and 县, numbered in the manifest). Deterministic for a given seed.

    python3 tools/generate_corpus.py OUT_DIR COUNTIES [--seed 1]
"""
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHARS = "青白云清松柳桃梅竹兰禾岚溪河湖泉石林山川峰岭原田丰安宁平和顺康乐永定明德仁义"


def main(out, counties, seed=1):
    rng = random.Random(seed)
    sources = {y: open(os.path.join(HERE, "demo-src", f"{y}.txt"), encoding="utf-8").read() for y in (2017, 2018, 2019, 2020)}
    os.makedirs(out, exist_ok=True)
    rows = ["path,unit,region,year,genre"]
    names = set()
    for c in range(counties):
        while True:
            name = rng.choice(CHARS) + rng.choice(CHARS) + "县"
            name = f"{name[:2]}{c:05d}县" if name in names else name
            if name not in names:
                names.add(name)
                break
        shift = rng.randint(-2, 2)
        folder = os.path.join(out, f"county{c:05d}")
        os.makedirs(folder, exist_ok=True)
        for year, text in sources.items():
            t = text.replace("白鹭县", name)
            t = re.sub(r"(20[12][0-9])", lambda m: str(int(m.group(1)) + shift), t)
            # Vary figures by up to ±30%, keeping small counts small.
            t = re.sub(r"(?<![0-9.])([0-9]{2,4})(?=(条|篇|人次|件|名|个))",
                       lambda m: str(max(1, int(int(m.group(1)) * rng.uniform(0.7, 1.3)))), t)
            # Drop a random enumerated point now and then, so reports differ in shape.
            lines = [l for l in t.split("\n") if not (l.strip().startswith("（五）") and rng.random() < 0.3)]
            path = os.path.join(folder, f"{year + shift}.txt")
            encoding = "gb18030" if rng.random() < 0.1 else "utf-8"
            with open(path, "w", encoding=encoding) as f:
                f.write("\n".join(lines))
            rows.append(f"county{c:05d}/{year + shift}.txt,{name}人民政府,{name},{year + shift},ogi-annual-report")
    with open(os.path.join(out, "manifest.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    main(args[0], int(args[1]), seed)
