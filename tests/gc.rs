//! The cycle collector: cycles made by Python code are freed, live objects
//! stay intact. Each test runs a VM on its own thread (the collector's
//! registry is per thread).

use spry::vm::Vm;

fn on_vm_thread(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(256 << 20).spawn(f).expect("spawn").join().expect("test thread panicked");
}

#[test]
fn cycles_made_in_a_loop_are_collected() {
    on_vm_thread(|| {
        let mut vm = Vm::new();
        let src = "\
class Node:
    pass
def closure():
    def f():
        return f
    return f
keep = []
for i in range(30000):
    n = Node()
    n.me = n
    closure()
    l = []
    l.append(l)
    if i % 1000 == 0:
        keep.append(n)
assert all(k.me is k for k in keep)
";
        vm.run_main(src, "<gc test>").expect("program runs");
        let (collections, freed) = vm.gc_stats();
        assert!(collections > 0, "no collection ran");
        // Four tracked objects per iteration: the node (its dict is not
        // tracked), the closure (function, cell) and the list, minus the 30
        // kept nodes.
        assert!(freed > 100_000, "only {} objects freed", freed);
    });
}

#[test]
fn gc_collect_frees_unreachable_cycles_and_keeps_live_ones() {
    on_vm_thread(|| {
        let mut vm = Vm::new();
        let src = "\
class Parent:
    def __init__(self):
        self.child = Child(self)
class Child:
    def __init__(self, parent):
        self.parent = parent
import builtins
builtins.alive = Parent()
for i in range(10):
    Parent()
";
        vm.run_main(src, "<gc test>").expect("program runs");
        let freed = vm.gc_collect();
        // Ten garbage pairs: two instances each (an instance's dict is not
        // tracked while only the instance holds it: it goes with it, and
        // is not counted, as in CPython).
        assert!(freed >= 20, "only {} objects freed", freed);
        vm.run_main("assert alive.child.parent is alive\n", "<gc test 2>").expect("live objects intact");
    });
}
