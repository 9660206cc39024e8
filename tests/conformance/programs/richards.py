# The benchmark program of the same name at its small size: the JIT must
# give exactly CPython's output on whole programs too.
"""A toy operating-system scheduler in the spirit of Martin Richards' classic
benchmark, written from scratch: an idle task, a worker, two handlers and two
devices exchange packets through a priority scheduler. Stresses objects,
method calls (including overridden ones), attribute access and list queues.

Size: number of complete simulations (each one runs until the idle task has
ticked a fixed number of times).
"""
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
WORK_PACKET = "work"
DEVICE_PACKET = "device"
BUFFER_SIZE = 4
IDLE_TICKS = 2000


class Packet:
    def __init__(self, kind, owner):
        self.kind = kind
        self.owner = owner
        self.cursor = 0
        self.value = 0
        self.buffer = [0] * BUFFER_SIZE


class Task:
    """Base class: scheduling state plus the actions a task body may take.
    Every action returns the task the scheduler should look at next."""

    def __init__(self, scheduler, ident, priority, inbox):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.inbox = inbox
        self.waiting = bool(inbox) or ident != IDLE
        self.held = False
        self.next = None
        scheduler.add(self)

    def runnable(self):
        if self.held:
            return False
        return not self.waiting or len(self.inbox) > 0

    def step(self):
        packet = None
        if self.waiting and self.inbox:
            packet = self.inbox.pop(0)
            self.waiting = False
        return self.body(packet)

    def body(self, packet):
        raise NotImplementedError

    # Actions available to task bodies.
    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.held = True
        self.scheduler.holds += 1
        return self.next

    def release(self, ident):
        other = self.scheduler.lookup(ident)
        other.held = False
        return other if other.priority > self.priority else self

    def send(self, packet, ident):
        other = self.scheduler.lookup(ident)
        self.scheduler.sends += 1
        packet.owner = self.ident
        other.inbox.append(packet)
        if other.waiting and not other.held and other.priority > self.priority:
            return other
        return self


class IdleTask(Task):
    def __init__(self, scheduler, ticks):
        Task.__init__(self, scheduler, IDLE, 0, [])
        self.ticks = ticks
        self.seed = 1

    def body(self, packet):
        self.ticks -= 1
        if self.ticks == 0:
            return self.hold()
        self.seed = (self.seed * 69069 + 1) % 65536
        if self.seed & 256:
            return self.release(DEVICE_B)
        return self.release(DEVICE_A)


class WorkerTask(Task):
    def __init__(self, scheduler, inbox):
        Task.__init__(self, scheduler, WORKER, 1000, inbox)
        self.target = HANDLER_A
        self.letter = 0

    def body(self, packet):
        if packet is None:
            return self.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.cursor = 0
        for i in range(BUFFER_SIZE):
            self.letter = (self.letter + 1) % 26
            packet.buffer[i] = self.letter + 65
        return self.send(packet, self.target)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, device, inbox):
        Task.__init__(self, scheduler, ident, priority, inbox)
        self.device = device
        self.jobs = []
        self.idle_devices = []

    def body(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.jobs.append(packet)
            else:
                self.idle_devices.append(packet)
        if self.jobs:
            job = self.jobs[0]
            if job.cursor >= BUFFER_SIZE:
                self.jobs.pop(0)
                return self.send(job, WORKER)
            if self.idle_devices:
                carrier = self.idle_devices.pop(0)
                carrier.value = job.buffer[job.cursor]
                job.cursor += 1
                return self.send(carrier, self.device)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority, handler):
        Task.__init__(self, scheduler, ident, priority, [])
        self.handler = handler
        self.pending = None
        self.output = 0

    def body(self, packet):
        if packet is None:
            if self.pending is None:
                return self.wait()
            carrier = self.pending
            self.pending = None
            return self.send(carrier, self.handler)
        self.pending = packet
        self.output = (self.output * 29 + packet.value) % 1000003
        return self.hold()


class Scheduler:
    def __init__(self):
        self.table = {}
        self.head = None
        self.sends = 0
        self.holds = 0
        self.steps = 0

    def add(self, task):
        """Keep the task list sorted by decreasing priority."""
        self.table[task.ident] = task
        if self.head is None or task.priority > self.head.priority:
            task.next = self.head
            self.head = task
            return
        cursor = self.head
        while cursor.next is not None and cursor.next.priority >= task.priority:
            cursor = cursor.next
        task.next = cursor.next
        cursor.next = task

    def lookup(self, ident):
        return self.table[ident]

    def run(self):
        task = self.head
        while task is not None:
            if task.runnable():
                self.steps += 1
                task = task.step()
            else:
                task = task.next


def simulate(ticks):
    sched = Scheduler()
    IdleTask(sched, ticks)
    WorkerTask(sched, [Packet(WORK_PACKET, IDLE), Packet(WORK_PACKET, IDLE)])
    HandlerTask(sched, HANDLER_A, 2000, DEVICE_A,
                [Packet(DEVICE_PACKET, IDLE) for _ in range(3)])
    HandlerTask(sched, HANDLER_B, 3000, DEVICE_B,
                [Packet(DEVICE_PACKET, IDLE) for _ in range(3)])
    DeviceTask(sched, DEVICE_A, 4000, HANDLER_A)
    DeviceTask(sched, DEVICE_B, 5000, HANDLER_B)
    sched.run()
    out = (sched.lookup(DEVICE_A).output * 7 + sched.lookup(DEVICE_B).output) % 1000003
    return sched.sends, sched.holds, sched.steps, out


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    sends = holds = steps = mix = 0
    for r in range(runs):
        s, h, n, out = simulate(IDLE_TICKS + r % 10)
        sends += s
        holds += h
        steps += n
        mix = (mix * 31 + out) % 1000000007
    print("checksum: %d,%d,%d,%d" % (sends, holds, steps, mix))


main()
