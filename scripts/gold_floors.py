"""Raise the gold-set floors to the current scores; refuse to lower one unless told.

    python scripts/gold_floors.py                 # every set under tests/ with a gold/ folder
    python scripts/gold_floors.py --allow-lower   # accept a lower score as the new floor
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.goldgate import below_floor, full_f1, new_floors, read_floors, score_set, write_floors

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT / "tests" / "golden", ROOT / "tests" / "heldout"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--allow-lower", action="store_true",
                        help="write floors below the old ones (say why in the commit)")
    args = parser.parse_args()
    status = 0
    for gold_set in SETS:
        if not (gold_set / "gold").is_dir():
            continue
        scores, floors = full_f1(score_set(gold_set, ROOT)), read_floors(gold_set)
        fallen = below_floor(scores, floors)
        for kind, (score, floor) in sorted(fallen.items()):
            print(f"{gold_set.name}: {kind} {score:.3f} is below its floor {floor:.3f}",
                  file=sys.stderr)
        if fallen and not args.allow_lower:
            status = 1
            continue
        updated = new_floors(scores, floors, allow_lower=args.allow_lower)
        write_floors(gold_set, updated)
        print(f"{gold_set.name}: " + ", ".join(f"{k} {v:.3f}" for k, v in updated.items()))
    return status


if __name__ == "__main__":
    sys.exit(main())
