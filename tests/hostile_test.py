#!/usr/bin/python3
"""Runs cleaner over the hostile corpus (testdata/hostile/) and checks each
case's expected behaviour from cases.tsv, within 20 s and 4 GiB per run;
a check `rss-under:N` bounds the run's peak resident memory to N times the
input's size.

Usage: hostile_test.py CLEANER WORK_DIR
Generates the inputs into WORK_DIR/inputs (once; generate.py is seeded),
runs every case, prints one line per failure and closes with
"N passed, M failed".
"""
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "testdata", "hostile")
TIME_LIMIT = 20.0
MEMORY_LIMIT = 4 << 30


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


# GNU time reports its child's own peak: the ru_maxrss that wait4() gives
# a child forked by this script includes the script's resident memory at
# the fork (Linux carries it across exec), tens of megabytes once large
# outputs have been read. Without it, that overestimate is used.
TIME = "/usr/bin/time"


def run(argv):
    """(exit code or None on timeout, stdout, stderr, seconds, peak RSS in
    bytes) of one run under the time and memory limits. A child killed by
    signal N gives -N."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as peak_file:
        timed = os.access(TIME, os.X_OK)
        if timed:
            argv = [TIME, "-f", "%M", "-o", peak_file.name] + argv
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                preexec_fn=limit_memory, start_new_session=True)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > TIME_LIMIT:
                os.killpg(proc.pid, 9)  # time and its child
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                return None, b"", b"", TIME_LIMIT, 0
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        secs = time.monotonic() - start
        rss = usage.ru_maxrss * 1024
        if timed:
            lines = peak_file.read().splitlines()
            if lines and lines[-1].strip().isdigit():
                rss = int(lines[-1]) * 1024
            if any(l.startswith("Command terminated by signal") for l in lines):
                proc.returncode = -int(lines[0].split()[-1])
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read(), err.read(), secs, rss


def check_one(check, text, err_text, rss=0, size=0):
    """The problems one check of cases.tsv finds (none: [])."""
    if check.startswith("rss-under:") and rss > float(check[10:]) * size:
        return [f"peak memory {rss / 2**20:.0f} MB is {rss / size:.1f}x the input, "
                f"over {check[10:]}x"]
    if check == "out-empty" and text:
        return [f"output not empty: {text[:60]!r}"]
    if check == "out-nonempty" and not text.strip():
        return ["no output"]
    if check.startswith("out-contains:") and check[13:] not in text:
        return [f"output lacks {check[13:]!r}"]
    if check.startswith("out-lacks:") and check[10:] in text:
        return [f"output has {check[10:]!r}"]
    if check.startswith("err-contains:") and check[13:] not in err_text:
        return [f"stderr lacks {check[13:]!r}: {err_text[-300:]!r}"]
    return []


def main():
    cleaner, work = sys.argv[1], sys.argv[2]
    inputs = os.path.join(work, "inputs")
    stamp = os.path.join(inputs, ".generated")
    if not os.path.exists(stamp) or os.path.getmtime(stamp) < os.path.getmtime(
            os.path.join(CORPUS, "generate.py")):
        subprocess.run([sys.executable, os.path.join(CORPUS, "generate.py"), inputs],
                       check=True, stdout=subprocess.DEVNULL)
        open(stamp, "w").close()
    passed = failed = 0
    for line in open(os.path.join(CORPUS, "cases.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        name, args, codes, check = line.split("\t")
        path = os.path.join(inputs, name)
        argv = [cleaner] + [path if a == "{in}" else a for a in args.split()]
        rc, out, err, secs, rss = run(argv)
        if rc is None:
            print(f"FAIL {name}: no answer within {TIME_LIMIT:.0f} s")
            failed += 1
            continue
        size = os.path.getsize(path)
        problems = []
        if rc < 0:
            problems.append(f"killed by signal {-rc}")
        elif str(rc) not in codes.split(","):
            problems.append(f"exit {rc}, want {codes}")
        try:
            text = out.decode("utf-8")
        except UnicodeDecodeError:
            problems.append("stdout is not valid UTF-8")
            text = ""
        err_text = err.decode("utf-8", "replace")
        if rc == 1 and "cleaner: " not in err_text:
            problems.append("exit 1 without a 'cleaner: INPUT: reason' line")
        for c in check.split(" && "):
            problems += check_one(c, text, err_text, rss, size)
        if problems:
            print(f"FAIL {name} ({secs:.1f} s): " + "; ".join(problems))
            for l in err_text.splitlines()[:3]:
                print(f"     stderr: {l[:200]}")
            failed += 1
        else:
            print(f"ok   {name} ({secs:.1f} s, {rss / max(size, 1):.1f}x memory, exit {rc})")
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
