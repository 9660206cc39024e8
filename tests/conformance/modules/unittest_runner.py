import unittest

def add(a, b):
    return a + b

class TestAdd(unittest.TestCase):
    def setUp(self):
        self.base = 10
    def test_add(self):
        self.assertEqual(add(self.base, 5), 15)
    def test_fail(self):
        self.assertEqual(add(1, 1), 3)
    def test_error(self):
        raise KeyError("k")
    @unittest.skip("not now")
    def test_skip(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("bad value")
    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_containers(self):
        self.assertIn(1, [1, 2]); self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertListEqual([1, 2, 3], [1, 2, 4])

class TestOther(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = [1]
    def test_shared(self):
        self.assertEqual(self.shared, [1])
    def test_logs(self):
        import logging
        with self.assertLogs("x", level="INFO") as cm:
            logging.getLogger("x").info("hello")
        self.assertEqual(cm.output, ["INFO:x:hello"])

import io, re, sys
# (Timings and this file's path vary: normalised.)
def run(*cases, verbosity=1):
    stream = io.StringIO()
    suite = unittest.TestSuite(unittest.defaultTestLoader.loadTestsFromTestCase(c) for c in cases)
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    text = re.sub(r"in \d+\.\d+s", "in Xs", stream.getvalue()).replace(__file__, "FILE")
    print(text, end="")
    return result
r = run(TestAdd, TestOther)
print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped), len(r.expectedFailures), r.wasSuccessful())
class Good(unittest.TestCase):
    def test_a(self): self.assertTrue(True)
    def test_b(self): self.assertIsNone(None)
r = run(Good, verbosity=2)
print(r.wasSuccessful())
prog = unittest.main(module=None, defaultTest=[], argv=["x"], exit=False, testRunner=unittest.TextTestRunner(stream=io.StringIO()))
print(prog.result.testsRun)
try:
    unittest.main(argv=["prog", "Good"], exit=True, testRunner=unittest.TextTestRunner(stream=io.StringIO()))
except SystemExit as e:
    print("SystemExit", e.code)
