# os.fork with os.register_at_fork hooks (before: last registered first;
# after: in order), os.waitpid and exit statuses.
import os
import sys

calls = []
os.register_at_fork(before=lambda: calls.append('before-1'), after_in_parent=lambda: calls.append('parent-1'),
                    after_in_child=lambda: calls.append('child-1'))
os.register_at_fork(before=lambda: calls.append('before-2'), after_in_child=lambda: calls.append('child-2'))
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, repr(calls).encode())
    os._exit(7)
os.close(w)
child_calls = os.read(r, 1000).decode()
_, status = os.waitpid(pid, 0)
print(child_calls)
print(calls)
print(os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
for kwargs in [{}, {'before': 1}]:
    try:
        os.register_at_fork(**kwargs)
    except TypeError as e:
        print(e)
try:
    os.register_at_fork(print)
except TypeError as e:
    print(e)
sys.stdout.flush()
