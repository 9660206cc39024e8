# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""A small ray tracer: spheres on a checkered floor, two point lights with
shadows, diffuse and specular shading, and mirror reflections up to three
bounces. Stresses a Vector class with operator overloading, many short-lived
objects, method calls and float arithmetic.

Size: image width in pixels (the height is three quarters of it).
"""
import math
import sys

EPSILON = 1e-7
MAX_DEPTH = 3


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def blend(self, other):
        """Component-wise product, used to tint one colour by another."""
        return Vector(self.x * other.x, self.y * other.y, self.z * other.z)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, color, other, diffuse, specular, reflect):
        Material.__init__(self, color, diffuse, specular, reflect)
        self.other = other

    def color_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return self.other


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.ambient = Vector(0.08, 0.08, 0.1)
        self.background = Vector(0.2, 0.3, 0.5)

    def closest_hit(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, point, to_light, distance):
        ray = Ray(point, to_light)
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.closest_hit(ray)
        if obj is None:
            return self.background
        point = ray.at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        material = obj.material
        base = material.color_at(point)
        color = base.blend(self.ambient)
        for light in self.lights:
            offset = light.position - point
            distance = offset.length()
            to_light = offset * (1.0 / distance)
            lambert = normal.dot(to_light)
            if lambert <= 0.0 or self.in_shadow(point, to_light, distance):
                continue
            color = color + base.blend(light.color) * (lambert * material.diffuse)
            mirrored = to_light - normal * (2.0 * lambert)
            highlight = mirrored.dot(ray.direction)
            if highlight > 0.0:
                h2 = highlight * highlight
                h4 = h2 * h2
                h8 = h4 * h4
                h16 = h8 * h8
                color = color + light.color * (h16 * material.specular)
        if depth < MAX_DEPTH and material.reflect > 0.0:
            d = ray.direction
            bounce = d - normal * (2.0 * normal.dot(d))
            reflected = self.trace(Ray(point, bounce), depth + 1)
            color = color * (1.0 - material.reflect) + reflected * material.reflect
        return color


def build_scene():
    scene = Scene()
    floor = Checker(Vector(0.9, 0.9, 0.9), Vector(0.15, 0.15, 0.2), 0.8, 0.1, 0.2)
    scene.objects.append(Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), floor))
    scene.objects.append(Sphere(Vector(0.0, 1.0, 3.0), 1.0,
                                Material(Vector(0.9, 0.2, 0.2), 0.7, 0.5, 0.3)))
    scene.objects.append(Sphere(Vector(-2.2, 0.7, 4.0), 0.7,
                                Material(Vector(0.2, 0.8, 0.3), 0.9, 0.2, 0.1)))
    scene.objects.append(Sphere(Vector(1.9, 0.5, 2.2), 0.5,
                                Material(Vector(0.3, 0.4, 0.95), 0.6, 0.8, 0.5)))
    scene.objects.append(Sphere(Vector(0.6, 2.6, 5.5), 0.9,
                                Material(Vector(0.95, 0.85, 0.3), 0.8, 0.3, 0.0)))
    scene.lights.append(Light(Vector(-4.0, 6.0, -2.0), Vector(0.8, 0.8, 0.75)))
    scene.lights.append(Light(Vector(5.0, 4.0, 1.0), Vector(0.35, 0.35, 0.45)))
    return scene


def to_byte(c):
    if c <= 0.0:
        return 0
    if c >= 1.0:
        return 255
    return int(c * 255.0)


def render(scene, width, height):
    eye = Vector(0.0, 1.6, -3.0)
    digest = 0
    for row in range(height):
        sy = (height / 2.0 - row) / width
        for col in range(width):
            sx = (col - width / 2.0) / width
            direction = Vector(sx, sy - 0.1, 1.0).normalized()
            color = scene.trace(Ray(eye, direction), 0)
            pixel = (to_byte(color.x) << 16) | (to_byte(color.y) << 8) | to_byte(color.z)
            digest = (digest * 31 + pixel) % 1000000007
    return digest


def main():
    width = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    height = width * 3 // 4
    print("checksum: %d" % render(build_scene(), width, height))


main()
