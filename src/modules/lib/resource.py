"""Resource usage and limits (Spry: over `posix`'s getrusage, getrlimit
and setrlimit), as CPython's `resource` module on Linux."""
import posix as _posix

error = OSError

RLIMIT_CPU = 0
RLIMIT_FSIZE = 1
RLIMIT_DATA = 2
RLIMIT_STACK = 3
RLIMIT_CORE = 4
RLIMIT_RSS = 5
RLIMIT_NPROC = 6
RLIMIT_NOFILE = 7
RLIMIT_MEMLOCK = 8
RLIMIT_AS = 9
RLIMIT_OFILE = 7
RLIMIT_LOCKS = 10
RLIMIT_SIGPENDING = 11
RLIMIT_MSGQUEUE = 12
RLIMIT_NICE = 13
RLIMIT_RTPRIO = 14
RLIMIT_RTTIME = 15
RLIM_INFINITY = -1

RUSAGE_SELF = 0
RUSAGE_CHILDREN = -1
RUSAGE_THREAD = 1

_FIELDS = ("ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
           "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock",
           "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw")


class struct_rusage(tuple):
    """struct_rusage: Result from getrusage.

This object may be accessed either as a tuple of
    (utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,
    nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)
or via the attributes ru_utime, ru_stime, ru_maxrss, and so on."""
    n_sequence_fields = 16
    n_fields = 16
    n_unnamed_fields = 0

    def __new__(cls, values):
        values = tuple(values)
        if len(values) != 16:
            raise TypeError("resource.struct_rusage() takes a 16-sequence (%d-sequence given)" % len(values))
        return tuple.__new__(cls, values)

    def __repr__(self):
        return "resource.struct_rusage(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_rusage, (tuple(self),))


for _i, _name in enumerate(_FIELDS):
    setattr(struct_rusage, _name, property(lambda self, _i=_i: self[_i]))
del _i, _name


def getrusage(who):
    return struct_rusage(_posix._getrusage(who))


def getrlimit(resource):
    return _posix._getrlimit(resource)


def setrlimit(resource, limits):
    return _posix._setrlimit(resource, limits)


def getpagesize():
    return _posix._getpagesize()
