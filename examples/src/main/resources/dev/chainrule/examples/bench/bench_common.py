"""What the NumPy and PyTorch bench scripts share: timing by median, and the command line that
runs the selected workloads and prints one JSON object on stdout. Run by `chainrule-examples
bench`, which puts this file next to the script it runs."""
import argparse
import json
import statistics
import time

WORKLOADS = ["w1", "w2", "w3", "w4", "w5", "w6", "w7"]
# The workloads that also run in float32 (--dtype float32): the MLP's training step and the GEMM.
FLOAT32 = ["w2", "w3", "w4"]


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


def interleaved(bodies, reps, warmup_seconds, rep_seconds):
    """Times bodies in turn, one run of each per turn, so that a ratio of two compares runs taken
    close together under the same load: warms them up (each at least twice, all together for at
    least warmup_seconds), then reps times runs as many turns as take about rep_seconds. Returns
    the mean wall-clock and this thread's CPU seconds of one run, each as [body][rep]."""
    turn = 0.0
    start = time.perf_counter()
    passes = 0
    while passes < 2 or time.perf_counter() - start < warmup_seconds:
        t = time.perf_counter()
        for body in bodies:
            body()
        turn = time.perf_counter() - t
        passes += 1
    turns = max(1, int(rep_seconds / max(turn, 1e-9)))
    wall = [[0.0] * reps for _ in bodies]
    cpu = [[0.0] * reps for _ in bodies]
    for r in range(reps):
        for _ in range(turns):
            for b, body in enumerate(bodies):
                c = time.thread_time()
                t = time.perf_counter()
                body()
                wall[b][r] += time.perf_counter() - t
                cpu[b][r] += time.thread_time() - c
        for b in range(len(bodies)):
            wall[b][r] /= turns
            cpu[b][r] /= turns
    return wall, cpu


def main(framework, version, workloads, on_threads=None, extra=None):
    """Parses --threads, --reps, --workloads and --dtype, runs the chosen workloads the script has
    (in order; NumPy has no convolution and no forward mode, so no W6 or W7) and prints
    {"framework", "version", "results": [...]} plus extra() if given. workloads maps a name to a
    function of reps and the dtype's name ("float64" or "float32", the latter only for the
    workloads in FLOAT32) returning the row's value, unit and details, or a list of such rows each
    naming its own workload; on_threads(n) is called first. Asking a float64-only workload in
    float32 exits with status 2."""
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--workloads", default=",".join(WORKLOADS))
    p.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    a = p.parse_args()
    wanted = a.workloads.split(",")
    if a.dtype == "float32":
        only64 = [w for w in wanted if w not in FLOAT32]
        if only64:
            p.error("workloads %s run in float64 only; float32 has %s"
                    % (",".join(only64), ",".join(FLOAT32)))
    if on_threads is not None:
        on_threads(a.threads)
    results = []
    for name in WORKLOADS:
        if name in wanted and name in workloads:
            made = workloads[name](a.reps, a.dtype)
            for part in made if isinstance(made, list) else [made]:
                row = {"workload": name, "threads": a.threads, "dtype": a.dtype}
                row.update(part)
                results.append(row)
    out = {"framework": framework, "version": version, "results": results}
    if extra is not None:
        out.update(extra())
    print(json.dumps(out))
