#!/usr/bin/env python3
"""Writes a CSV of N made-up incidents in our import format, to time import and export at scale.

Usage: src/tools/make-test-incidents.py N OUT.csv   (the records are random points in and around
Kazakhstan; they are test data, never real events)
"""
import random
import sys
import uuid

n, out = int(sys.argv[1]), sys.argv[2]
random.seed(1)
cols = ["id", "title", "type", "sub_type", "date", "date_precision", "lon", "lat", "source_key",
        "source_title", "claim_killed"]
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write(",".join(cols) + "\r\n")
    for i in range(n):
        lon, lat = random.uniform(50, 85), random.uniform(41, 54)
        f.write(",".join([str(uuid.UUID(int=random.getrandbits(128), version=4)), "Generated incident %d" % i,
                          "armed_attack", "attack_on_civilians",
                          "2015-%02d-%02d" % (random.randint(1, 12), random.randint(1, 28)), "day",
                          "%.5f" % lon, "%.5f" % lat, "gen-%d" % (i % 100), "Generated report %d" % (i % 100),
                          str(random.randint(0, 5))]) + "\r\n")
