# math: CPython's own gamma/lgamma, hypot/dist (vector_norm), cbrt, logs of huge ints,
# fsum overflow, argument-count and type error messages.
import math


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for x in [0.5, 1.5, 2.5, 3, 7.25, 10.1, 23, 24, 30.5, 100.3, 171.5, 171.7, -0.5, -1.5, -2.25, -150.5, -250.5, 1e-25, -1e-25]:
    t("gamma %r" % x, lambda: math.gamma(x))
    t("lgamma %r" % x, lambda: math.lgamma(x))
for x in [0, -1, -2.0, float("inf"), float("-inf"), float("nan"), 1e-320]:
    t("gamma special %r" % x, lambda: math.gamma(x))
    t("lgamma special %r" % x, lambda: math.lgamma(x))
for x in [2, 3, 10, 1e308, -1e308, 0.001, -27, 1e-310]:
    t("cbrt %r" % x, lambda: math.cbrt(x))
t("hypot 3", lambda: math.hypot(1, 2, 3))
t("hypot 2", lambda: math.hypot(1.1, 2.2))
t("hypot many", lambda: math.hypot(*[0.1 * i for i in range(1, 20)]))
t("hypot tiny", lambda: math.hypot(1e-310, 3e-310, 2e-311))
t("hypot huge", lambda: math.hypot(1e308, 1e308))
t("hypot inf nan", lambda: (math.hypot(float("inf"), float("nan")), math.hypot(float("nan"), 1)))
t("dist", lambda: (math.dist((1.5, 2.25, 3.125), (0.1, -7, 2)), math.dist([1, 2], [3, 4])))
t("dist dims", lambda: math.dist((1,), (1, 2)))
for n in [10 ** 400, 2 ** 1100 + 1, 3 ** 1000, 10 ** 30, 2 ** 1023 * 3]:
    t("logs big", lambda: (math.log(n), math.log2(n), math.log10(n), math.log(n, 7)))
t("log -big", lambda: math.log(-(10 ** 400)))
t("log 0 base", lambda: math.log(10, 1))
t("log nan", lambda: (math.log(float("nan")), math.log2(float("inf"))))
t("fsum overflow", lambda: math.fsum([1e308, 1e308]))
t("fsum cancel", lambda: math.fsum([1e308, 1e308, -1e308]))
t("fsum inf", lambda: (math.fsum([float("inf"), 1]), math.fsum([0.0, -0.0])))
t("fsum -inf+inf", lambda: math.fsum([float("inf"), float("-inf")]))
t("sqrt()", lambda: math.sqrt())
t("sqrt(1, 2)", lambda: math.sqrt(1, 2))
t("sqrt(x=1)", lambda: math.sqrt(x=1))
t("cos('a')", lambda: math.cos("a"))
t("pow(1)", lambda: math.pow(1))
t("atan2 kw", lambda: math.atan2(y=1, x=2))
t("log()", lambda: math.log())
t("log(1,2,3)", lambda: math.log(1, 2, 3))
t("ldexp float", lambda: math.ldexp(1.0, 2.0))
t("ldexp big", lambda: (math.ldexp(1.0, -(10 ** 30)), math.ldexp(0.0, 10 ** 30)))
t("ldexp overflow", lambda: math.ldexp(1.0, 10 ** 30))
t("gcd kw", lambda: math.gcd(a=1))
t("perm float n", lambda: math.perm(-8, 0.5))
t("comb float", lambda: math.comb(5.0, 2))
t("perm kw", lambda: math.perm(5, k=2))
t("prod()", lambda: math.prod())
t("prod 3", lambda: math.prod([1], 2, 3))
t("prod 2 pos", lambda: math.prod([1], 2))
t("prod start", lambda: math.prod([2, 3], start=0.5))
t("isclose()", lambda: math.isclose())
t("isclose(1)", lambda: math.isclose(1))
t("isclose 3", lambda: math.isclose(1, 2, 3))
t("isclose kw", lambda: math.isclose(a=1, b=1.0000000001))
t("isclose neg tol", lambda: math.isclose(1, 2, abs_tol=-1))
