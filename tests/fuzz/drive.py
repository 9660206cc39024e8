#!/usr/bin/env python3
"""Differential driver: generate programs, run them under the interpreter and
several JIT configurations (one process at a time), compare.

usage: nice -n 19 python3 drive.py START COUNT [LEVEL|-1] [MINUTES]
LEVEL -1 cycles levels 0..4 by seed (seed % 5).
Results: log.txt (one line per program), fails/<seed>/ (JIT mismatches),
cpy/<seed>/ (interpreter vs CPython differences).
"""
import json
import os
import subprocess
import sys
import time

SRC = os.path.dirname(os.path.abspath(__file__))
# The binary under test and the directory for programs, logs and findings.
SPRY = os.environ.get("SPRY", os.path.join(SRC, "..", "..", "target", "release", "spry"))
HERE = os.environ.get("FUZZ_WORK", "/tmp/spry-fuzz")
os.makedirs(HERE, exist_ok=True)
sys.path.insert(0, SRC)
import gen  # noqa: E402

MODES = {
    "off": ["--jit=off"],
    "t1": ["--jit-threshold=1"],
    "t2": ["--jit-threshold=2"],
    "t7": ["--jit-threshold=7"],
    "t1none": ["--jit-threshold=1", "--jit-opt=none"],
    "t2bg": ["--jit-threshold=2", "--jit-opt=+background"],
}
TIMEOUT = 10
PY = os.environ.get("PYTHON", "python3")


def run(cmd, path):
    t0 = time.time()
    try:
        p = subprocess.run(cmd + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=TIMEOUT)
        out, err, rc = p.stdout, p.stderr, p.returncode
    except subprocess.TimeoutExpired as e:
        out, err, rc = (e.stdout or b""), (e.stderr or b""), "TIMEOUT"
    dt = time.time() - t0
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    lines = [l for l in err.splitlines() if l.strip()]
    last = lines[-1] if lines else ""
    return {"out": out, "rc": rc, "last": last, "err": err[-3000:], "time": round(dt, 3)}


def crashy(r):
    return (r["rc"] == "TIMEOUT" or (isinstance(r["rc"], int) and r["rc"] < 0)
            or "panicked" in r["err"] or "RUST_BACKTRACE" in r["err"])


def key(r):
    return (r["out"], r["rc"], r["last"])


def check(path, modes=MODES, cpython=True):
    res = {"off": run([SPRY] + modes["off"], path)}
    if res["off"]["rc"] == "TIMEOUT":
        res["cpython"] = run([PY, "-I"], path)
        if res["cpython"]["rc"] == "TIMEOUT":
            return res
    for m, a in modes.items():
        if m not in res:
            res[m] = run([SPRY] + a, path)
    if cpython and "cpython" not in res:
        res["cpython"] = run([PY, "-I"], path)
    return res


def classify(res):
    ref = key(res["off"])
    jitbad = [m for m in MODES if m != "off" and key(res[m]) != ref]
    crashes = [m for m in res if crashy(res[m])]
    cpy = "cpython" in res and key(res["cpython"]) != ref
    return jitbad, crashes, cpy


def main():
    start = int(sys.argv[1])
    count = int(sys.argv[2])
    level = int(sys.argv[3]) if len(sys.argv) > 3 else -1
    minutes = float(sys.argv[4]) if len(sys.argv) > 4 else 1e9
    deadline = time.time() + minutes * 60
    os.makedirs(os.path.join(HERE, "progs"), exist_ok=True)
    log = open(os.path.join(HERE, "log.txt"), "a")
    nrun = nbad = ncpy = 0
    for seed in range(start, start + count):
        if time.time() > deadline:
            break
        lv = seed % 5 if level < 0 else level
        g = gen.Gen(seed, lv)
        src = g.program()
        path = os.path.join(HERE, "progs", "cur.py")
        with open(path, "w") as f:
            f.write(src)
        res = check(path)
        if len(res) == 2:
            jitbad, crashes, cpy = [], [], False
        else:
            jitbad, crashes, cpy = classify(res)
        nrun += 1
        tag = "ok"
        if res["off"]["rc"] == "TIMEOUT" and res["cpython"]["rc"] == "TIMEOUT":
            tag = "SLOW"
            cpy = False
            jitbad = []
            crashes = []
        if jitbad or [c for c in crashes if c != "cpython"]:
            tag = "JIT" if jitbad else "CRASH"
            nbad += 1
            d = os.path.join(HERE, "fails", str(seed))
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "prog.py"), "w") as f:
                f.write(src)
            with open(os.path.join(d, "res.json"), "w") as f:
                json.dump({"seed": seed, "level": lv, "families": g.families, "jitbad": jitbad,
                           "crashes": crashes, "res": res}, f, indent=1)
        if cpy:
            ncpy += 1
            d = os.path.join(HERE, "cpy", str(seed))
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "prog.py"), "w") as f:
                f.write(src)
            with open(os.path.join(d, "res.json"), "w") as f:
                json.dump({"seed": seed, "level": lv, "families": g.families,
                           "off": res["off"], "cpython": res["cpython"]}, f, indent=1)
        log.write(f"{seed} L{lv} {tag}{' CPY' if cpy else ''} {','.join(jitbad)} {','.join(crashes)} "
                  f"fam={'+'.join(g.families)} t_off={res['off']['time']}\n")
        log.flush()
    log.write(f"# done start={start} ran={nrun} jitbad={nbad} cpy={ncpy}\n")
    log.close()


if __name__ == "__main__":
    main()
