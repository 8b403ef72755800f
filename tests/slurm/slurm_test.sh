#!/bin/bash
# The README's Slurm array job, run on a real one-node Slurm cluster on
# localhost: MUNGE, slurmctld and slurmd started here with a generated
# configuration, every file of theirs in a scratch folder.
#
#   1. The array job (the README's script, taken from README.md) over a gzipped
#      JSON Lines corpus in 8 files, `sbatch --array=0-3 --wait`: the union of
#      the four parts is the single-process output, record for record; each
#      part holds exactly the records of its shard's files (--shard-by file).
#   2. The same job again with task 1 held mid-run (one of its input files is
#      a FIFO that this script feeds only half of) and cancelled with
#      `scancel JOB_1`: no part-1.jsonl is left; `sbatch --array=1 --wait`
#      reruns only that task, and all four parts are byte-identical to run 1.
#
# Prints the records/s of the array job and of one process. Exits 77 (ctest's
# SKIP_RETURN_CODE) when Slurm cannot be started here: not root, or the
# slurm-wlm / munge binaries missing; under CI=true that is a failure. Every daemon and file it started or
# wrote is removed on exit, whatever happens.
#
# Usage: slurm_test.sh SOURCE_DIR CLEANER_BINARY [RECORDS]
set -euo pipefail
src=$(cd "$1" && pwd)
bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
records=${3:-8000}
export PATH="$PATH:/usr/sbin:/sbin"

skip() {
  if [ "${CI:-}" = true ]; then  # CI installs slurm-wlm and munge and runs as root
    echo "FAIL (CI=true, so not skipped): $*" >&2
    exit 1
  fi
  echo "SKIP: $*" >&2
  exit 77
}
[ "$(id -u)" = 0 ] || skip "slurmd must run as root to start jobs (this test runs in CI, as root)"
for b in mungekey munged munge slurmctld slurmd sbatch sinfo squeue scancel scontrol python3; do
  command -v "$b" > /dev/null || skip "$b not found: apt-get install slurm-wlm munge"
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/cleaner-slurm.XXXXXX")
pids=()          # daemons and helpers started here, killed in reverse order
cleanup() {
  local status=$?
  set +e
  if [ -n "${SLURM_CONF:-}" ] && [ -e "$SLURM_CONF" ]; then
    scancel --quiet --full --user="$(id -un)" 2> /dev/null  # jobs first: slurmstepd outlives slurmd
    for _ in $(seq 20); do [ -z "$(squeue -h 2> /dev/null)" ] && break; sleep 0.5; done
  fi
  for ((k = ${#pids[@]} - 1; k >= 0; k--)); do kill "${pids[k]}" 2> /dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null; done
  if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
    for log in slurmctld.log slurmd.log munged.log munged.err; do
      echo "== $log (last lines)" >&2
      tail -n 15 "$scratch/$log" >&2
    done
  fi
  cd /
  rm -rf "$scratch"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
# wait_for SECONDS WHAT COMMAND...: until COMMAND succeeds.
wait_for() {
  local limit=$1 what=$2
  shift 2
  for ((t = 0; t < limit * 10; t++)); do
    "$@" && return 0
    sleep 0.1
  done
  fail "$what: not within ${limit} s"
}
now() { date +%s.%N; }

# --- MUNGE: its own key, socket, log, pid and seed files -------------------
cd "$scratch"
mungekey --create --keyfile="$scratch/munge.key" > /dev/null
munged --foreground --force --socket="$scratch/munge.sock" --key-file="$scratch/munge.key" \
  --log-file="$scratch/munged.log" --pid-file="$scratch/munged.pid" \
  --seed-file="$scratch/munged.seed" 2> "$scratch/munged.err" &
pids+=($!)
wait_for 10 "munged answering" bash -c "munge -S '$scratch/munge.sock' -n > /dev/null 2>&1"

# --- Slurm: one node (this host), one partition ----------------------------
host=$(python3 -c 'import socket; print(socket.gethostname().split(".")[0])')  # as slurmd names itself
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
mkdir -p spool state
# CPUs=4 with config_overrides: four tasks at once even on a 2-core machine.
cat > slurm.conf << EOF
ClusterName=cleanertest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$scratch/munge.sock
CredType=cred/munge
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmctldPidFile=$scratch/slurmctld.pid
SlurmdPidFile=$scratch/slurmd.pid
SlurmdSpoolDir=$scratch/spool
StateSaveLocation=$scratch/state
SlurmctldLogFile=$scratch/slurmctld.log
SlurmdLogFile=$scratch/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
KillWait=5
InactiveLimit=0
MinJobAge=600
SlurmdParameters=config_overrides
NodeName=$host NodeAddr=127.0.0.1 CPUs=4 RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$scratch/slurm.conf"
unset SLURM_JOB_ID SLURM_ARRAY_JOB_ID SLURM_ARRAY_TASK_ID
slurmctld -D -f "$SLURM_CONF" > /dev/null 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" > /dev/null 2>&1 &
pids+=($!)
node_idle() { [ "$(sinfo -h -N -o %t 2> /dev/null)" = idle ]; }
wait_for 60 "node $host idle in sinfo" node_idle
echo "slurm: node $host idle (slurmctld :$ctld_port, slurmd :$slurmd_port)"

# --- The corpus: $records records in 8 gzipped JSON Lines files ------------
mkdir in held
python3 "$src/bench/corpus_gen.py" "$records" 7 | python3 -c '
import gzip, sys
lines = sys.stdin.buffer.readlines()
files = 8
for k in range(files):
    with gzip.open(f"in/c-{k}.jsonl.gz", "wb", compresslevel=1) as f:
        f.writelines(lines[k * len(lines) // files:(k + 1) * len(lines) // files])'
mkdir -p bin
ln -s "$bin" bin/cleaner  # the README's script calls `cleaner` from PATH
export PATH="$scratch/bin:$PATH"

# The README's array job script, exactly as the README shows it.
python3 - "$src/README.md" > clean.sbatch << 'EOF'
import re, sys
blocks = re.findall(r"```sh\n(#!/bin/bash\n#SBATCH.*?)```", open(sys.argv[1]).read(), re.S)
if len(blocks) != 1:
    sys.exit(f"README.md: want one ```sh block starting #!/bin/bash and #SBATCH, found {len(blocks)}")
print(blocks[0], end="")
EOF
grep -q -- '--shard-by file' clean.sbatch || fail "the README's array job does not use --shard-by file"

# --- One process, the reference ---------------------------------------------
t0=$(now)
cleaner -j 1 --output-format jsonl in/*.jsonl.gz > single.jsonl 2> single.log \
  || fail "one process: $(cat single.log)"
t1=$(now)
cleaner --output-format jsonl in/*.jsonl.gz > single-all-cores.jsonl 2> /dev/null \
  || fail "one process, all cores"
t2=$(now)
cmp -s single.jsonl single-all-cores.jsonl || fail "-j 1 and -j $(nproc) outputs differ"

# --- 1. The array job ---------------------------------------------------------
mkdir out1
t3=$(now)
IN="$scratch/in" OUT="$scratch/out1" timeout 120 sbatch --array=0-3 --wait clean.sbatch > sbatch1.out \
  || fail "sbatch --array=0-3 --wait failed: $(cat sbatch1.out out1/*.log 2> /dev/null)"
t4=$(now)
cp out1/part-*.log .  # the tasks' summaries, for the throughput line
# check_parts DIR: four parts, nothing temporary left, each part the records of
# its shard's files, the union the single-process output.
check_parts() {
  python3 - "$1" "$records" << 'EOF'
import gzip, json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
left = sorted(f for f in os.listdir(out) if f.endswith(".tmp"))
if left:
    sys.exit(f"temporary files left in {out}: {left}")
files = sorted(f for f in os.listdir("in") if f.endswith(".jsonl.gz"))
single = open("single.jsonl", "rb").read().splitlines()
union = []
for i in range(4):
    part = open(f"{out}/part-{i}.jsonl", "rb").read().splitlines()
    want = set()
    for f in files[i::4]:  # --shard-by file: sorted files dealt round-robin
        want |= {json.loads(l)["id"] for l in gzip.open(f"in/{f}")}
    got = [json.loads(l)["id"] for l in part]
    if sorted(got) != sorted(want):
        sys.exit(f"{out}/part-{i}.jsonl: {len(got)} records, not the {len(want)} of {files[i::4]}")
    union += part
ids = [json.loads(l)["id"] for l in single]
if len(single) != n or sorted(ids) != [f"doc-{k:07d}" for k in range(n)]:
    sys.exit(f"single-process output: {len(single)} records, not the {n} ids generated")
if sorted(union) != sorted(single):
    sys.exit(f"the union of the parts ({len(union)} records) differs from the single-process output")
print(f"{out}: 4 parts, {len(union)} records, = the single-process output record for record")
EOF
}
check_parts out1 || fail "array job output"

# --- 2. Task 1 cancelled mid-run, then rerun alone ----------------------------
# Task 1's first file (sorted rank 1) becomes a FIFO fed half its bytes: the
# task cleans that half, then waits for more until it is cancelled.
mv in/c-1.jsonl.gz held/
mkfifo in/c-1.jsonl.gz
python3 -c '
import sys, time
data = open("held/c-1.jsonl.gz", "rb").read()
with open("in/c-1.jsonl.gz", "wb") as fifo:
    fifo.write(data[:len(data) // 2])  # returns once the reader has taken all but a pipe buffer
    fifo.flush()
    open("fed", "w").close()
    time.sleep(600)' &
writer=$!
pids+=("$writer")
mkdir out2
IN="$scratch/in" OUT="$scratch/out2" timeout 120 sbatch --array=0-3 --wait clean.sbatch > sbatch2.out 2>&1 &
submit=$!
pids+=("$submit")
wait_for 60 "task 1 reading its input" test -e fed
job=$(sed -n 's/^Submitted batch job \([0-9]*\).*/\1/p' sbatch2.out)
[ -n "$job" ] || fail "no job id from sbatch: $(cat sbatch2.out)"
# state TASK: the array task's JobState; tried again for a few seconds when
# scontrol does not answer (a busy machine).
state() {
  local out
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    out=$(scontrol -o show job "${job}_$1" 2>&1) || true
    if [[ $out =~ JobState=([A-Z_]+) ]]; then
      echo "${BASH_REMATCH[1]}"
      return
    fi
    sleep 0.5
  done
  echo "unknown (scontrol: $out)"
}
# settled TASK: the task's state once Slurm has finished ending it.
# COMPLETING is the moment between a task's end and its node's clean-up; on
# a loaded machine scontrol reports it for a second or more after sbatch
# --wait has returned (seen once for the cancelled task).
settled() {
  local s
  for _ in $(seq 1 60); do
    s=$(state "$1")
    if [ "$s" != COMPLETING ]; then
      echo "$s"
      return
    fi
    sleep 0.5
  done
  echo "$s"
}
[ "$(state 1)" = RUNNING ] || fail "task 1 is $(state 1), not RUNNING"
scancel "${job}_1"
# sbatch --wait's own exit code is not checked: it is the highest exit code
# of the tasks it has seen end, and a task cancelled while running is marked
# CANCELLED before its exit status reaches the controller, so on a loaded
# machine sbatch may return 0 (seen twice). The task's state is what counts.
wait "$submit" || true
kill "$writer" 2> /dev/null || true
wait "$writer" 2> /dev/null || true
s1=$(settled 1)
[ "$s1" = CANCELLED ] || fail "task 1 is $s1, not CANCELLED"
for i in 0 2 3; do
  si=$(settled $i)
  [ "$si" = COMPLETED ] || fail "task $i is $si, not COMPLETED"
done
[ ! -e out2/part-1.jsonl ] || fail "the cancelled task left out2/part-1.jsonl"
echo "task ${job}_1 cancelled mid-run: parts 0 2 3 written, no part-1.jsonl" \
  "($(ls -A out2 | grep -c '\.tmp$' || true) temporary file left)"
rm in/c-1.jsonl.gz
mv held/c-1.jsonl.gz in/
IN="$scratch/in" OUT="$scratch/out2" timeout 120 sbatch --array=1 --wait clean.sbatch > sbatch3.out \
  || fail "rerun of task 1 failed: $(cat sbatch3.out out2/part-1.log)"
check_parts out2 || fail "after the rerun"
for i in 0 1 2 3; do
  cmp out1/part-$i.jsonl out2/part-$i.jsonl || fail "part $i differs from the clean run"
done
echo "rerun of task 1 alone: the four parts are byte-identical to the clean run"

python3 - "$records" "$t0" "$t1" "$t2" "$t3" "$t4" "$(nproc)" << 'EOF'
import os, re, sys
n, t0, t1, t2, t3, t4, cores = int(sys.argv[1]), *map(float, sys.argv[2:7]), sys.argv[7]
tasks = [float(re.search(r"summary: .* in ([0-9.]+) s,", open(f"part-{i}.log").read()).group(1))
         for i in range(4)]
last = max(os.path.getmtime(f"out1/part-{i}.jsonl") for i in range(4)) - t3
print(f"throughput, {n} records on {cores} cores: one process -j 1 {t1 - t0:.2f} s = "
      f"{n / (t1 - t0):.0f} records/s; one process -j {cores} {t2 - t1:.2f} s = "
      f"{n / (t2 - t1):.0f} records/s; array job, 4 tasks -j 1 at once: slowest task "
      f"{max(tasks):.2f} s = {n / max(tasks):.0f} records/s, submit to last part written "
      f"{last:.2f} s = {n / last:.0f} records/s (sbatch --wait returned after {t4 - t3:.2f} s: "
      f"it polls after 2 s, then 8 s)")
EOF
echo "PASS"
