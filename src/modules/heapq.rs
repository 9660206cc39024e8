//! `_heapq`: the heap primitives under `lib/heapq.py` (a port of CPython's
//! `Modules/_heapqmodule.c`: same comparisons in the same order, same
//! errors).

use super::new_module;
use crate::bytecode::CmpOp;
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};

fn heap_arg<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a PyRef<ListObj>> {
    args.no_kwargs(name)?;
    if args.len() != n {
        let msg = if n == 1 {
            format!("{}() takes exactly one argument ({} given)", name, args.len())
        } else {
            format!("{} expected {} arguments, got {}", name, n, args.len())
        };
        return Err(PyErr::type_error(msg));
    }
    match &args.pos[0] {
        Value::List(l) => Ok(l),
        v => Err(PyErr::type_error(format!("{}() argument {}must be list, not {}", name, if n == 1 { "" } else { "1 " }, vm.type_name(v)))),
    }
}

fn changed() -> PyErr {
    PyErr::runtime_error("list changed size during iteration")
}

fn item(heap: &ListObj, i: usize) -> PyResult<Value> {
    heap.get(i).ok_or_else(changed)
}

/// `newitem < parent` (or `>` for the max-heap variants).
fn less(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        vm.compare_bool(CmpOp::Lt, b, a)
    } else {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        vm.compare_bool(CmpOp::Lt, a, b)
    }
}

fn siftdown(vm: &mut Vm, heap: &ListObj, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = heap.len();
    if pos >= size {
        return Err(PyErr::index_error("index out of range"));
    }
    let newitem = item(heap, pos)?;
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let parent = item(heap, parentpos)?;
        let lt = less(vm, &newitem, &parent, max)?;
        if size != heap.len() {
            return Err(changed());
        }
        if !lt {
            break;
        }
        let parent = item(heap, parentpos)?;
        let cur = item(heap, pos)?;
        heap.set(parentpos, cur);
        heap.set(pos, parent);
        pos = parentpos;
    }
    Ok(())
}

fn siftup(vm: &mut Vm, heap: &ListObj, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = heap.len();
    let startpos = pos;
    if pos >= endpos {
        return Err(PyErr::index_error("index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let a = item(heap, childpos)?;
            let b = item(heap, childpos + 1)?;
            let lt = less(vm, &a, &b, max)?;
            if !lt {
                childpos += 1;
            }
            if endpos != heap.len() {
                return Err(changed());
            }
        }
        let child = item(heap, childpos)?;
        let cur = item(heap, pos)?;
        heap.set(childpos, cur);
        heap.set(pos, child);
        pos = childpos;
    }
    siftdown(vm, heap, startpos, pos, max)
}

fn heappush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(vm, &args, "heappush", 2)?;
    heap.push(args.pos[1].clone());
    siftdown(vm, heap, 0, heap.len() - 1, false)?;
    Ok(Value::None)
}

fn pop_common(vm: &mut Vm, heap: &ListObj, max: bool) -> PyResult<Value> {
    let Some(last) = heap.pop() else {
        return Err(PyErr::index_error("index out of range"));
    };
    if heap.is_empty() {
        return Ok(last);
    }
    let ret = item(heap, 0)?;
    heap.set(0, last);
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(vm, &args, "heappop", 1)?;
    pop_common(vm, heap, false)
}

fn heappop_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(vm, &args, "_heappop_max", 1)?;
    pop_common(vm, heap, true)
}

fn replace_common(vm: &mut Vm, heap: &ListObj, v: &Value, max: bool) -> PyResult<Value> {
    if heap.is_empty() {
        return Err(PyErr::index_error("index out of range"));
    }
    let ret = item(heap, 0)?;
    heap.set(0, v.clone());
    siftup(vm, heap, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(vm, &args, "heapreplace", 2)?;
    replace_common(vm, heap, &args.pos[1], false)
}

fn heapreplace_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(vm, &args, "_heapreplace_max", 2)?;
    replace_common(vm, heap, &args.pos[1], true)
}

fn heappushpop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(vm, &args, "heappushpop", 2)?;
    let v = &args.pos[1];
    if heap.is_empty() {
        return Ok(v.clone());
    }
    let top = item(heap, 0)?;
    let lt = less(vm, &top, v, false)?;
    if !lt {
        return Ok(v.clone());
    }
    if heap.is_empty() {
        return Err(PyErr::index_error("index out of range"));
    }
    let ret = item(heap, 0)?;
    heap.set(0, v.clone());
    siftup(vm, heap, 0, false)?;
    Ok(ret)
}

fn heapify_common(vm: &mut Vm, heap: &ListObj, max: bool) -> PyResult<Value> {
    let n = heap.len();
    for i in (0..n / 2).rev() {
        siftup(vm, heap, i, max)?;
    }
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(vm, &args, "heapify", 1)?;
    heapify_common(vm, heap, false)
}

fn heapify_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let heap = heap_arg(vm, &args, "_heapify_max", 1)?;
    heapify_common(vm, heap, true)
}

pub fn make(vm: &mut Vm) -> Value {
    new_module(
        vm,
        "_heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
            ("_heapify_max", heapify_max),
        ],
    )
}
