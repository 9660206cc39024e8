# unittest.mock: Mock, MagicMock, patch (decorator, context manager,
# patch.object, patch.dict), call, side_effect, return_value, spec, sentinel.
import os
import unittest
from unittest import mock
from unittest.mock import MagicMock, Mock, call, patch, sentinel, ANY


class Service:
    limit = 3

    def fetch(self, key, default=None):
        return "real %s" % key

    def total(self, *values):
        return sum(values)


def use_service(svc):
    return svc.fetch("a"), svc.fetch("b", default=1)


def try_(fn):
    try:
        fn()
    except Exception as e:
        print("  %s: %s" % (type(e).__name__, e))


print("Mock basics")
m = Mock()
m.method(1, 2, key="v")
m.method(3)
m.other.attr.call()
print(" ", m.method.called, m.method.call_count)
print(" ", m.method.call_args, m.method.call_args_list)
print(" ", m.mock_calls)
print(" ", m.method.call_args.args, m.method.call_args.kwargs)
m.method.assert_called_with(3)
m.method.assert_any_call(1, 2, key="v")
try_(lambda: m.method.assert_called_once_with(3))
try_(lambda: m.method.assert_called_with(4))
try_(lambda: m.nothing.assert_called())
m.nothing.assert_not_called()
m.method.reset_mock()
print("  after reset", m.method.call_count, m.method.call_args)

print("return_value and side_effect")
m = Mock(return_value=42)
print(" ", m(), m("x"))
m = Mock(side_effect=[1, 2, ValueError("third")])
print(" ", m(), m())
try_(m)
try_(m)
m = Mock(side_effect=lambda x: x * 2)
print(" ", m(21))
m = Mock(side_effect=KeyError("k"))
try_(m)
m = Mock()
m.side_effect = lambda *a: mock.DEFAULT
m.return_value = "default"
print(" ", m(1))
m.configure_mock(**{"method.return_value": 5, "attr": "set"})
print(" ", m.method(), m.attr)

print("spec")
s = Mock(spec=Service)
print(" ", isinstance(s, Service), s.fetch("z") is not None)
try_(lambda: s.missing)
s2 = mock.create_autospec(Service, instance=True)
s2.fetch.return_value = "auto"
print(" ", s2.fetch("k"), s2.fetch.call_args)
try_(lambda: s2.fetch())
try_(lambda: s2.fetch(1, 2, 3))
ss = Mock(spec_set=["a"])
ss.a = 1
try_(lambda: setattr(ss, "b", 2))
print(" ", repr(Mock(name="named"))[:21])

print("MagicMock")
mm = MagicMock()
mm.__len__.return_value = 7
mm.__getitem__.side_effect = lambda k: k.upper()
mm.__iter__.return_value = iter([1, 2])
print(" ", len(mm), mm["key"], list(mm), bool(mm), int(mm), str(mm)[:11])
with mm as ctx:
    print("  context", ctx is mm.__enter__.return_value)
print(" ", mm.__enter__.called, mm.__exit__.call_args)
print(" ", 3 in mm, mm == mm, mm != 1)
mm.__contains__.return_value = True
print(" ", 3 in mm)

print("call")
m = Mock()
m(1)
m.a.b(2, x=3)
m.a(4)
print(" ", m.mock_calls == [call(1), call.a.b(2, x=3), call.a(4)])
m.assert_has_calls([call.a.b(2, x=3), call.a(4)])
try_(lambda: m.assert_has_calls([call.a(4), call(1)]))
print(" ", call(1, ANY) == call(1, "anything"), call.x(1).call_list())
m.assert_called_once_with(1)

print("patch as a decorator")


@patch("os.getcwd")
def patched(fake_getcwd):
    fake_getcwd.return_value = "/fake"
    return os.getcwd(), fake_getcwd.call_count


print(" ", patched(), os.getcwd() != "/fake")


@patch.object(Service, "fetch", return_value="patched")
@patch.object(Service, "limit", 99)
def patched2(fake_fetch):
    svc = Service()
    return use_service(svc), Service.limit, fake_fetch.call_args_list


print(" ", patched2())
print(" ", Service().fetch("x"), Service.limit)

print("patch as a context manager")
with patch("os.path.exists", return_value=True) as fake:
    print(" ", os.path.exists("/no/such"), fake.call_args)
print(" ", os.path.exists("/no/such"))
with patch.object(Service, "total", side_effect=lambda *v: -1) as fake_total:
    print(" ", Service().total(1, 2), fake_total.call_args)
with patch("os.sep", "#"):
    print(" ", os.sep)
print(" ", os.sep)
p = patch("os.getpid", new=lambda: 1234)
p.start()
print(" ", os.getpid())
p.stop()
print(" ", os.getpid() != 1234)
config = {"a": 1}
with patch.dict(config, {"b": 2}, clear=False):
    print(" ", sorted(config.items()))
print(" ", config)
with patch.dict(config, clear=True):
    print(" ", config)
print(" ", config)
with patch.multiple(Service, limit=1, fetch=mock.DEFAULT) as values:
    print(" ", Service.limit, type(values["fetch"]).__name__)
try_(lambda: patch.object(Service, "no_such_attribute").start())
try_(lambda: patch("no_such_module_xyz.thing").start())

print("patch in a TestCase")


class T(unittest.TestCase):
    @patch.object(Service, "fetch")
    def test_fetch(self, fetch):
        fetch.return_value = "m"
        self.assertEqual(use_service(Service()), ("m", "m"))
        fetch.assert_has_calls([call("a"), call("b", default=1)])

    def test_fail(self):
        m = Mock()
        m(1)
        m.assert_called_once_with(2)


result = unittest.TestResult()
unittest.defaultTestLoader.loadTestsFromTestCase(T).run(result)
print(" ", result.testsRun, len(result.failures), len(result.errors))
print(" ", result.failures[0][1].strip().splitlines()[-1])

print("sentinel, mock_open, seal, PropertyMock")
print(" ", sentinel.thing is sentinel.thing, sentinel.thing)
mo = mock.mock_open(read_data="line1\nline2\n")
with patch("builtins.open", mo):
    with open("whatever.txt") as f:
        print(" ", f.readline().strip(), f.read().splitlines())
print(" ", mo.call_args)
sealed = Mock()
sealed.a.return_value = 1
mock.seal(sealed)
try_(lambda: sealed.b)
with patch.object(Service, "prop", new_callable=mock.PropertyMock, create=True) as prop:
    prop.return_value = "p"
    print(" ", Service().prop, prop.call_count)
nc = mock.NonCallableMock()
try_(nc)
