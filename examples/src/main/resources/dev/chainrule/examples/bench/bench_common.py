"""What the NumPy and PyTorch bench scripts share: timing by median, and the command line that
runs the selected workloads and prints one JSON object on stdout. Run by `chainrule-examples
bench`, which puts this file next to the script it runs."""
import argparse
import json
import statistics
import time

WORKLOADS = ["w1", "w2", "w3", "w4", "w4f32", "w5", "w6"]


def median_time(reps, warmups, body):
    """Runs body warmups times untimed, then reps times, and returns the median seconds."""
    for _ in range(warmups):
        body()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(framework, version, workloads, on_threads=None, extra=None):
    """Parses --threads, --reps and --workloads, runs the chosen workloads the script has (in
    order; NumPy has no convolution, so no W6) and prints
    {"framework", "version", "results": [...]} plus extra() if given. workloads maps a name to a
    function of reps returning the row's value, unit and details; on_threads(n) is called first."""
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--workloads", default=",".join(WORKLOADS))
    a = p.parse_args()
    if on_threads is not None:
        on_threads(a.threads)
    wanted = a.workloads.split(",")
    results = []
    for name in WORKLOADS:
        if name in wanted and name in workloads:
            row = {"workload": name, "threads": a.threads, "dtype": "float64"}
            row.update(workloads[name](a.reps))
            results.append(row)
    out = {"framework": framework, "version": version, "results": results}
    if extra is not None:
        out.update(extra())
    print(json.dumps(out))
