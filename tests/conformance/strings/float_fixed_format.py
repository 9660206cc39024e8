# Fixed-notation float formatting: rounding of exact binary values (ties),
# signs, -0.0, z, #, grouping, percent, width, huge and tiny values.
import random
random.seed(7)
vals = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 1e22, 1e-22, 5e-324, 1.7976931348623157e308, 123456789.125, 0.045, 9.995, 99.5, 999999.5, float("inf"), float("-inf"), float("nan"), 1e16, 12345678901234567890.0]
vals += [random.uniform(-1e6, 1e6) for _ in range(300)] + [random.random() * 10 ** random.randint(-30, 30) for _ in range(300)]
for v in vals:
    print(f"{v:.0f}|{v:.1f}|{v:.2f}|{v:.3f}|{v:.6f}|{v:.17f}|{v:f}|{v:F}|{v:10.2f}|{v:+.2f}|{v:#.0f}|{v:z.1f}|{v:,.2f}|{v:.2%}" + "|%.2f|%f|%.0f|%10.3f" % (v, v, v, v))
