"""chaoslib's own cost per trivial python activity, in one interpreter (the reference for PythonActivityBenchmark).

Run with chaoslib's source on PYTHONPATH (it is not part of this project), e.g.
  git -C <chaostoolkit-lib checkout> archive HEAD chaoslib | tar -x -C /tmp/chaoslib-src
  PYTHONPATH=/tmp/chaoslib-src:src/test/resources/python python3 scripts/bench/chaoslib_activity.py
"""
import copy
import statistics
import time

from chaoslib.experiment import run_experiment
N = 1000
exp = {"title": "t", "description": "d", "method": [
    {"type": "action", "name": "a%d" % i, "provider": {"type": "python", "module": "ctktest_ext", "func": "nothing"}}
    for i in range(N)]}
results = []
for rep in range(7):
    e = copy.deepcopy(exp)
    start = time.perf_counter()
    journal = run_experiment(e)
    elapsed = time.perf_counter() - start
    assert journal["status"] == "completed", journal["status"]
    results.append(elapsed / N * 1e6)
print("chaoslib run_experiment, %d trivial python actions: per activity us, 7 runs: %s; median %.0f" % (
    N, [round(r) for r in results], statistics.median(results)))
