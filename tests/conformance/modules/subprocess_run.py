# subprocess (CPython's module over Spry's fork_exec, select and os
# functions): run, Popen, communicate, pipes, text mode, errors, signals.
import os
import select
import signal
import subprocess
import sys

r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r)
print(r.stdout, r.returncode, r.args)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr), r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e)
print(subprocess.check_output(["tr", "a-z", "A-Z"], input=b"shout\n"))
print(repr(subprocess.check_output("echo $((6*7))", shell=True, text=True)))
print(subprocess.call(["sh", "-c", "exit 7"]))
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode, e.cmd, isinstance(e, subprocess.SubprocessError))
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 2"])
except subprocess.CalledProcessError as e:
    print("output kept:", e.output, e.stdout)
for cmd, kw in [(["no-such-command-xyz"], {}), (["ls"], {"cwd": "/no/such/dir"})]:
    try:
        subprocess.run(cmd, **kw)
    except FileNotFoundError as e:
        print("FileNotFoundError:", e, e.errno, e.filename)
try:
    subprocess.run(["/etc/passwd"])
except PermissionError as e:
    print("PermissionError:", e.errno, e.filename)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e.cmd, e.timeout > 0)
try:
    subprocess.run(["sh", "-c", "echo early; sleep 5"], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired with output:", e.output)
print(repr(subprocess.getoutput("echo a; echo b")))
print(subprocess.getstatusoutput("echo x; exit 4"))

# Popen and communicate.
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
out, err = p.communicate("line1\nline2\n")
print(repr(out), err, p.returncode, p.pid > 0, p.args)
big = "x" * 200000 + "\n"
out, _ = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE).communicate(big.encode())
print(len(out), out == big.encode())
with subprocess.Popen(["sh", "-c", "read a; echo got $a"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    p.stdin.write(b"value\n")
    p.stdin.close()
    print(p.stdout.read())
print(p.returncode)
p = subprocess.Popen(["sh", "-c", "printf 'a\\nb\\nc\\n'"], stdout=subprocess.PIPE, text=True)
print([line for line in p.stdout])
p.stdout.close()
print(p.wait())
with subprocess.Popen(["sh", "-c", "kill -TERM $$"]) as p:
    pass
print("killed by", p.returncode)
p = subprocess.Popen(["sleep", "10"])
print(p.poll())
p.send_signal(signal.SIGUSR1)
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
p.terminate()
print(p.wait(), p.poll())
try:
    subprocess.Popen(["sleep", "10"]).wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("wait timed out:", e.cmd)

r = subprocess.run(["env"], env={"FOO": "bar"}, capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["sh", "-c", "echo to-stderr >&2"], stderr=subprocess.STDOUT, stdout=subprocess.PIPE)
print(r.stdout, r.stderr)
r = subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True)
print(r.stdout)
r = subprocess.run(["pwd"], cwd="/", capture_output=True, text=True)
print(r.stdout.strip())
r = subprocess.run(["sh", "-c", "echo $0 $1", "zero", "one"], capture_output=True, text=True)
print(r.stdout.strip())
r = subprocess.run("echo $HOME_TEST", shell=True, env={"HOME_TEST": "h"}, capture_output=True, text=True)
print(r.stdout.strip())

# A file as the child's stdout, and the parent's own stdout inherited.
import tempfile
with tempfile.TemporaryFile() as f:
    subprocess.run(["echo", "into a file"], stdout=f)
    f.seek(0)
    print(f.read())
sys.stdout.flush()
subprocess.run(["echo", "child writes to the inherited stdout"])
print(subprocess.list2cmdline(["a b", "c"]))

# select and pipes.
rfd, wfd = os.pipe()
print(select.select([rfd], [], [], 0))
os.write(wfd, b"ping")
print(select.select([rfd], [wfd], [], 0) == ([rfd], [wfd], []))
pl = select.poll()
pl.register(rfd, select.POLLIN)
print(pl.poll(0) == [(rfd, select.POLLIN)])
print(os.read(rfd, 10), pl.poll(0))
os.close(wfd)
print(pl.poll(100) == [(rfd, select.POLLHUP)])
pl.unregister(rfd)
os.close(rfd)
try:
    pl.modify(rfd, select.POLLIN)
except FileNotFoundError as e:
    print("modify:", e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print("ValueError:", e)
print(os.get_inheritable(0), os.get_blocking(0))
r, w = os.pipe()
print(os.get_inheritable(r), os.waitstatus_to_exitcode(256), os.waitstatus_to_exitcode(9))
os.close(r)
os.close(w)

# os.system and os.popen.
sys.stdout.flush()
print(os.system("echo from system; exit 3"))
with os.popen("echo popen; echo two") as f:
    print(repr(f.read()))
print(os.popen("exit 2").close(), os.popen("true").close())
with os.popen("cat > /dev/null", "w") as f:
    f.write("ignored\n")
