#!/usr/bin/env python3
"""Instruction-level profile of Spry's compiled loops (`perf annotate` cannot
disassemble JIT code: the code is gone when perf reads the samples).

    tools/jit_annotate.py [--helper NAME] [--count N] [--min K] -- target/release/spry prog.py ARGS

1. `perf record` the run; samples in JIT code carry `loop_<fn>_<line>`
   symbols and offsets (from the /tmp/perf-PID.map Cranelift writes).
2. Run the program again under gdb, stop at the N-th call of the helper
   NAME (default `exec`; any `spry::jit::helpers::NAME` that the hot loop
   calls while its code is alive), and copy every compiled function's
   machine code out of the process (gdb disables ASLR, so the binary's
   base is fixed).
3. Disassemble each (objdump) and print every instruction with the number
   of samples at its offset; lines with fewer than --min samples are
   omitted when --min is given.

Needs perf, gdb and objdump. The code must be the same in both runs (same
program, arguments and compile order), which a deterministic program gives.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

GDB_SCRIPT = r'''
import gdb, os
pid = gdb.selected_inferior().pid
out = os.environ["JIT_ANNOTATE_DIR"]
for line in open(f"/tmp/perf-{pid}.map"):
    a, n, name = line.split()
    mem = gdb.selected_inferior().read_memory(int(a, 16), int(n, 16))
    with open(os.path.join(out, name + ".bin"), "wb") as f:
        f.write(bytes(mem))
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--helper", default="exec")
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--min", type=int, default=0)
    ap.add_argument("cmd", nargs="+")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="jit_annotate.")
    data = os.path.join(tmp, "perf.data")
    subprocess.run(["perf", "record", "-q", "-o", data, "--"] + a.cmd, stdout=subprocess.DEVNULL, check=True)
    script = subprocess.run(["perf", "script", "-i", data, "-F", "ip,sym,symoff"], capture_output=True, text=True).stdout
    counts = collections.defaultdict(collections.Counter)
    for line in script.splitlines():
        m = re.search(r"\s(loop_\S+)\+0x([0-9a-f]+)", line)
        if m:
            counts[m.group(1)][int(m.group(2), 16)] += 1
    if not counts:
        sys.exit("no samples in compiled code")
    # The helper's address in the binary, relative to its load base.
    nm = subprocess.run(["nm", a.cmd[0]], capture_output=True, text=True).stdout
    want = "jit7helpers%d%s17h" % (len(a.helper), a.helper)
    offs = [l.split()[0] for l in nm.splitlines() if want in l and " T " in l]
    if not offs:
        sys.exit("helper %s not found" % a.helper)
    bp = "*(0x555555554000+0x%s)" % offs[0]
    py = os.path.join(tmp, "dump.py")
    with open(py, "w") as f:
        f.write(GDB_SCRIPT)
    env = dict(os.environ, PERF_BUILDID_DIR=tmp, JIT_ANNOTATE_DIR=tmp)
    subprocess.run(["gdb", "-batch", "-ex", "set pagination off", "-ex", "break " + bp, "-ex", "ignore 1 %d" % a.count,
                    "-ex", "run", "-ex", "source " + py, "-ex", "kill", "--args"] + a.cmd,
                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for name, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        path = os.path.join(tmp, name + ".bin")
        print("==== %s: %d samples" % (name, sum(c.values())))
        if not os.path.exists(path):
            print("  (code not captured: try another --helper/--count)")
            continue
        dis = subprocess.run(["objdump", "-D", "-b", "binary", "-mi386:x86-64", path], capture_output=True, text=True).stdout
        for l in dis.splitlines():
            m = re.match(r"\s*([0-9a-f]+):", l)
            if m:
                n = c.get(int(m.group(1), 16), 0)
                if n >= a.min:
                    print("%6d %s" % (n, l.rstrip()))


main()
