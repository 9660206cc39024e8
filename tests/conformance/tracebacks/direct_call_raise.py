# An exception raised in a method that compiled code calls directly (too big
# to inline, the receiver's class varying), uncaught: every frame is listed.
class Shape:
    def __init__(self, k):
        self.k = k

    def area_of(self, x):
        return self.area(x)


class Square(Shape):
    def area(self, x):
        a = x + self.k
        b = a * 3 - x
        c = (a + b) % 97
        d = c * c - a
        e = d // 7 + b
        f = e - c + a
        g = (f * 5) % 1009
        h = (g + a) % 1019
        i = h * 3 - b
        j = (i + c) % 1021
        k = j - d + e
        m = (k * 5) % 1031
        g = g + m - k
        return g + a - b + c - d + e - f


class Circle(Shape):
    def area(self, x):
        a = x - self.k
        b = a * 5 + x
        c = (a - b) % 89
        d = c * 3 + a
        e = d % 11 + b
        f = e + c - a
        g = (f * 7) % 1013
        h = (g + a) % 1019
        i = h * 3 - b
        j = (i + c) % 1021
        k = j - d + e
        m = (k * 5) % 1031
        g = g + m - k
        if x == 2501:
            return g // (x - 2501)
        return g - a + b - c + d - e + f


def total(shapes, n):
    t = 0
    for i in range(n):
        t += shapes[i % 2].area_of(i)
    return t


print(total([Square(1), Circle(2)], 2000))
print(total([Square(3), Circle(4)], 3000))
