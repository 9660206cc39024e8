# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""N-body: a star and four planets on near-circular orbits, advanced with a
semi-implicit Euler step. Stresses float arithmetic and attribute access on
small objects.

Size: number of time steps.
"""
import math
import sys

# Units: astronomical units, years, solar masses, so G * M_sun = 4 * pi^2.
GM_SUN = 4.0 * math.pi * math.pi
STEP = 0.01


class Body:
    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx
        self.vy = vy
        self.vz = vz
        self.mass = mass


def planet(radius, ux, uy, lift, mass):
    """A planet at distance `radius` in direction (ux, uy) (a unit vector),
    moving on a circular orbit counter-clockwise, tilted by `lift`."""
    speed = math.sqrt(GM_SUN / radius)
    return Body(radius * ux, radius * uy, radius * lift,
                -uy * speed, ux * speed, lift * speed * 0.5,
                mass * GM_SUN)


def make_system():
    sun = Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, GM_SUN)
    bodies = [
        sun,
        planet(1.3, 0.6, 0.8, 0.010, 0.0021),
        planet(4.9, -0.8, 0.6, -0.020, 0.00095),
        planet(9.7, 0.28, -0.96, 0.015, 0.00029),
        planet(19.4, -0.96, -0.28, -0.005, 0.000044),
    ]
    # Give the star the opposite momentum so the system's centre stays put.
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun.vx = -px / sun.mass
    sun.vy = -py / sun.mass
    sun.vz = -pz / sun.mass
    return bodies


def energy(bodies):
    # Masses are stored as G*m, so this is G times the total energy.
    e = 0.0
    for i, b in enumerate(bodies):
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for other in bodies[i + 1:]:
            dx = b.x - other.x
            dy = b.y - other.y
            dz = b.z - other.z
            e -= b.mass * other.mass / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, steps, dt):
    pairs = [(bodies[i], bodies[j])
             for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    for _ in range(steps):
        for a, b in pairs:
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            ma = a.mass * mag
            mb = b.mass * mag
            a.vx -= dx * mb
            a.vy -= dy * mb
            a.vz -= dz * mb
            b.vx += dx * ma
            b.vy += dy * ma
            b.vz += dz * ma
        for body in bodies:
            body.x += dt * body.vx
            body.y += dt * body.vy
            body.z += dt * body.vz


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    bodies = make_system()
    before = energy(bodies)
    advance(bodies, steps, STEP)
    after = energy(bodies)
    spread = 0.0
    for b in bodies:
        spread += b.x + b.y + b.z
    print("checksum: %.9f,%.9f,%.9f" % (before, after, spread))


main()
