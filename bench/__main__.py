"""Run every benchmark: ``python -m bench`` (or ``make bench``); ``python -m bench news`` runs one.

A benchmark is a module ``bench/bench_<name>.py`` with a ``main()`` that measures, compares with
its baseline in the same run, prints a summary and writes ``bench/results/<name>.json``; at the
end ``bench/results.md`` lists every figure against its target (``bench/report.py``).
"""

import importlib
import pkgutil
import sys
from pathlib import Path

from bench import report


def main(argv):
    names = sorted(
        module.name.removeprefix("bench_")
        for module in pkgutil.iter_modules([str(Path(__file__).parent)])
        if module.name.startswith("bench_")
    )
    wanted = argv or names
    unknown = sorted(set(wanted) - set(names))
    if unknown:
        sys.exit(f"No such benchmark: {', '.join(unknown)}. Available: {', '.join(names)}")
    for name in wanted:
        print(f"== {name}")
        importlib.import_module(f"bench.bench_{name}").main()
    print(f"== wrote {report.write()}")


if __name__ == "__main__":
    main(sys.argv[1:])
