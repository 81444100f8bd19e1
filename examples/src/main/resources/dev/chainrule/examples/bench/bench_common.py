"""What the NumPy and PyTorch bench scripts share: timing by median, and the command line that
runs the selected workloads and prints one JSON object on stdout. Run by `chainrule-examples
bench`, which puts this file next to the script it runs."""
import argparse
import json
import statistics
import time

WORKLOADS = ["w1", "w2", "w3", "w4", "w5", "w6", "w7"]


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


def interleaved(bodies, reps, warmup_seconds, block_seconds):
    """Times bodies in turn, so that their ratios compare runs taken seconds apart: warms them up
    in turn (each at least twice, all together for at least warmup_seconds), then reps times runs
    each body for a block of about block_seconds (its run count fixed by its last warm-up run).
    Returns the seconds of one run as seconds[body][rep]."""
    last = [0.0] * len(bodies)
    start = time.perf_counter()
    passes = 0
    while passes < 2 or time.perf_counter() - start < warmup_seconds:
        for b, body in enumerate(bodies):
            t = time.perf_counter()
            body()
            last[b] = time.perf_counter() - t
        passes += 1
    runs = [max(1, int(block_seconds / max(t, 1e-9))) for t in last]
    seconds = [[0.0] * reps for _ in bodies]
    for r in range(reps):
        for b, body in enumerate(bodies):
            t = time.perf_counter()
            for _ in range(runs[b]):
                body()
            seconds[b][r] = (time.perf_counter() - t) / runs[b]
    return seconds


def main(framework, version, workloads, on_threads=None, extra=None):
    """Parses --threads, --reps and --workloads, runs the chosen workloads the script has (in
    order; NumPy has no convolution and no forward mode, so no W6 or W7) and prints
    {"framework", "version", "results": [...]} plus extra() if given. workloads maps a name to a
    function of reps returning the row's value, unit and details, or a list of such rows each
    naming its own workload; on_threads(n) is called first."""
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
            made = workloads[name](a.reps)
            for part in made if isinstance(made, list) else [made]:
                row = {"workload": name, "threads": a.threads, "dtype": "float64"}
                row.update(part)
                results.append(row)
    out = {"framework": framework, "version": version, "results": results}
    if extra is not None:
        out.update(extra())
    print(json.dumps(out))
