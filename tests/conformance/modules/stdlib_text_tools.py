# CPython's optparse, configparser, html (escape/unescape, HTMLParser), sched,
# getpass, token/tokenize, and pwd (over getpwuid_r/getpwnam_r).
import sys, io
import optparse, configparser, html, sched, getpass, tokenize, token
from html.parser import HTMLParser

p = optparse.OptionParser(usage="%prog [options] file", prog="tool")
p.add_option("-n", "--count", type="int", default=3, help="how many [default: %default]")
p.add_option("-v", action="store_true", dest="verbose")
p.add_option("--name", choices=["a", "b"], default="a")
opts, args = p.parse_args(["-n", "5", "-v", "x.txt", "--name=b"])
print(opts.count, opts.verbose, opts.name, args)
p.print_help()
try:
    p.parse_args(["-n", "notint"])
except SystemExit as e:
    print("exit", e.code)

cp = configparser.ConfigParser()
cp.read_string("""
[DEFAULT]
base = /srv
[server]
port = 8080
path = %(base)s/www
debug = yes
[client]
timeout: 2.5
""")
print(cp.sections(), cp["server"]["path"], cp.getint("server", "port"), cp.getboolean("server", "debug"), cp.getfloat("client", "timeout"))
out = io.StringIO(); cp.write(out); print(out.getvalue())
try:
    cp.get("nope", "x")
except configparser.NoSectionError as e:
    print("NoSectionError:", e)

print(html.escape("<a href='x'>&</a>"), html.unescape("&lt;p&gt; &amp;amp; &eacute; &#233; &#x41;"))
class P(HTMLParser):
    def handle_starttag(self, tag, attrs): print("start", tag, attrs)
    def handle_endtag(self, tag): print("end", tag)
    def handle_data(self, data):
        if data.strip(): print("data", repr(data))
P().feed("<html><body class='c'><p>Hi &amp; bye</p><br/></body></html>")

t = [0.0]
s = sched.scheduler(lambda: t[0], lambda d: t.__setitem__(0, t[0] + d))
for delay, name in [(3, "c"), (1, "a"), (2, "b")]:
    s.enter(delay, 1, print, argument=("event", name, "at"))
s.run()
print(type(getpass.getuser()).__name__)

src = "x = 1 + 2  # comment\nif x:\n    print(x)\n"
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(token.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
for tok in tokenize.tokenize(io.BytesIO(src.encode()).readline):
    if tok.type == token.ENCODING:
        print("encoding", tok.string)
import os, pwd
e = pwd.getpwuid(os.getuid())
print(e.pw_name == getpass.getuser() or "USER" in os.environ, e.pw_uid == os.getuid(), type(e).__name__, len(e))
r = pwd.getpwnam("root")
print(r.pw_uid, r.pw_gid, r.pw_dir, r[0], repr(r).startswith("pwd.struct_passwd(pw_name='root'"))
for f, a in [(pwd.getpwnam, "no-such-user-xyz"), (pwd.getpwuid, 999999)]:
    try:
        f(a)
    except KeyError as ex:
        print("KeyError:", ex)
print(any(x.pw_name == "root" for x in pwd.getpwall()), os.getgid() == os.getegid(), os.getppid() > 0)
