# platform (CPython's module over os.uname and os.confstr), os.uname,
# resource's usage and limits. Machine-dependent values are compared, not
# printed.
import os
import platform
import resource
import sys

u = os.uname()
print(type(u).__name__, len(u), u.sysname, u.machine == u[4])
print(repr(u).startswith("posix.uname_result(sysname='Linux', nodename="))
print(platform.system(), platform.machine() == u.machine, platform.node() == u.nodename)
print(platform.release() == u.release, platform.version() == u.version)
pu = platform.uname()
print(type(pu).__name__, pu.system, pu[:5] == (u.sysname, u.nodename, u.release, u.version, u.machine))
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(platform.python_version_tuple()[:2])
lib, ver = platform.libc_ver()
print(lib, ver == os.confstr("CS_GNU_LIBC_VERSION").split()[1])
print(platform.platform().startswith("Linux-" + u.release + "-" + u.machine + "-with-glibc"))
print(platform.platform(terse=True).startswith("Linux-"))
print(platform.architecture()[0])
print(isinstance(platform.freedesktop_os_release(), dict))
print(platform.mac_ver(), platform.win32_ver(), platform.java_ver()[0])
print(os.confstr("CS_PATH"), "CS_GNU_LIBC_VERSION" in os.confstr_names)
try:
    os.confstr("NO_SUCH_NAME")
except ValueError as e:
    print("ValueError:", e)
print(len(os.getloadavg()))

r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, len(r), r.n_fields, r.ru_maxrss > 0, r.ru_utime >= 0.0, r[2] == r.ru_maxrss)
print(repr(r).startswith("resource.struct_rusage(ru_utime="))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss >= 0)
try:
    resource.getrusage(42)
except ValueError as e:
    print("ValueError:", e)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
try:
    resource.getrlimit(99)
except ValueError as e:
    print("ValueError:", e)
try:
    resource.setrlimit(resource.RLIMIT_NOFILE, (1, 2, 3))
except ValueError as e:
    print("ValueError:", e)
print(resource.getpagesize() % 4096, resource.RLIM_INFINITY, resource.error is OSError)
