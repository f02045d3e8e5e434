"""chaoslib's own cost per trivial activity, in one interpreter: the reference the harness compares with.

  python   (default) 1,000 actions calling ctktest_ext.nothing, 7 runs (the reference for PythonActivityBenchmark)
  process  wait-mode's counterpart of issue 18's per-activity figure: run_experiment of 101 and of one `true`
           process action, alternating (15 rounds after 3 warm-up pairs), (t101 - t1) / 100

Run with chaoslib's source on PYTHONPATH (it is not part of this project), e.g.
  git -C <chaostoolkit-lib checkout> archive HEAD chaoslib | tar -x -C /tmp/chaoslib-src
  PYTHONPATH=/tmp/chaoslib-src:src/test/resources/python python3 scripts/bench/chaoslib_activity.py [python|process]
"""
import copy
import os
import statistics
import sys
import time

from chaoslib.experiment import run_experiment


def experiment(count, provider):
    return {"title": "t", "description": "d", "method": [
        {"type": "action", "name": "a%d" % i, "provider": dict(provider)} for i in range(count)]}


def run(exp):
    exp = copy.deepcopy(exp)
    start = time.perf_counter()
    journal = run_experiment(exp)
    elapsed = time.perf_counter() - start
    assert journal["status"] == "completed", journal["status"]
    return elapsed


def python_activity():
    n = 1000
    exp = experiment(n, {"type": "python", "module": "ctktest_ext", "func": "nothing"})
    results = [run(exp) / n * 1e6 for _ in range(7)]
    print("chaoslib run_experiment, %d trivial python actions: per activity us, 7 runs: %s; median %.0f" % (
        n, [round(r) for r in results], statistics.median(results)))


def process_activity():
    one = experiment(1, {"type": "process", "path": "true"})
    many = experiment(101, {"type": "process", "path": "true"})
    for _ in range(3):
        run(one)
        run(many)
    t1, t101 = [], []
    cpu = [0.0, 0.0, 0.0, 0.0]  # own one, own many, children one, children many (as the harness counts the service)
    for _ in range(15):
        for is_many, times in ((False, t1), (True, t101)):
            before = os.times()
            times.append(run(many if is_many else one))
            after = os.times()
            cpu[int(is_many)] += (after.user + after.system) - (before.user + before.system)
            cpu[2 + int(is_many)] += (after.children_user + after.children_system) - (
                before.children_user + before.children_system)
    print("chaoslib run_experiment, per trivial process activity: %.3f ms (median t101 %.1f ms, t1 %.1f ms, 15 rounds); "
          "CPU per activity: chaoslib %.3f ms, the 'true' processes %.3f ms (load %s)" % (
              (statistics.median(t101) - statistics.median(t1)) / 100 * 1e3, statistics.median(t101) * 1e3,
              statistics.median(t1) * 1e3, (cpu[1] - cpu[0]) / 1500 * 1e3, (cpu[3] - cpu[2]) / 1500 * 1e3,
              " ".join("%.2f" % v for v in os.getloadavg())))


if __name__ == "__main__":
    {"python": python_activity, "process": process_activity}[sys.argv[1] if len(sys.argv) > 1 else "python"]()
