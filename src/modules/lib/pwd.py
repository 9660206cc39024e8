"""The password database (Spry: `getpwuid_r`/`getpwnam_r` through `posix`)."""
import posix as _posix

_FIELDS = ("pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell")


class struct_passwd(tuple):
    """pwd.struct_passwd: Results from getpw*() routines."""
    n_sequence_fields = 7
    n_fields = 7
    n_unnamed_fields = 0

    def __new__(cls, values):
        values = tuple(values)
        if len(values) != 7:
            raise TypeError("pwd.struct_passwd() takes a 7-sequence (%d-sequence given)" % len(values))
        return tuple.__new__(cls, values)

    def __repr__(self):
        return "pwd.struct_passwd(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_passwd, (tuple(self),))


for _i, _name in enumerate(_FIELDS):
    setattr(struct_passwd, _name, property(lambda self, _i=_i: self[_i]))
del _i, _name


def getpwuid(uid, /):
    """Return the password database entry for the given numeric user ID."""
    if not isinstance(uid, int):
        uid = uid.__index__()
    e = _posix._getpwuid(uid)
    if e is None:
        raise KeyError("getpwuid(): uid not found: %d" % uid)
    return struct_passwd(e)


def getpwnam(name, /):
    """Return the password database entry for the given user name."""
    if not isinstance(name, str):
        raise TypeError("getpwnam() argument must be str, not %s" % type(name).__name__)
    e = _posix._getpwnam(name)
    if e is None:
        raise KeyError("getpwnam(): name not found: %r" % name)
    return struct_passwd(e)


def getpwall():
    """Return a list of all available password database entries."""
    entries = []
    try:
        with open("/etc/passwd") as f:
            for line in f:
                parts = line.rstrip("\n").split(":")
                if len(parts) == 7 and not line.startswith(("#", "+", "-")):
                    try:
                        entries.append(getpwnam(parts[0]))
                    except KeyError:
                        pass
    except OSError:
        pass
    return entries
