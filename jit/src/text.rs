//! A complete textual form of a [`Function`]: `Function::dump` writes it,
//! `Function::parse` reads it back into an identical function.
//!
//! `--jit-log` prints the readable form (`Display`), which leaves out what a
//! reader does not need (local types, helper addresses, `preserve`); the
//! dump adds them, so a region recorded from a real program
//! (`SPRY_JIT_DUMP=dir`) can be compiled again outside the VM: the
//! `backend_compile` benchmark (`benches/`) measures Cranelift's work on
//! recorded regions, and experiments on the backend replay them. Helper
//! addresses are the recording process's: such a function is compiled,
//! never run.
//!
//! The format is the `Display` form with two differences: a `locals` line
//! after the first (the type of each local variable in order), and calls
//! written `call[.preserve] NAME@ADDR(args)`, `vN = ` before them when the
//! helper returns a value.

use crate::ir::{Args, Block, Cmp, Function, Inst, Op, Results, Terminator, Ty, Var};
use std::fmt::Write;

impl Function {
    /// The complete textual form (see the module documentation).
    pub fn dump(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "function {}:", self.name);
        let locals: Vec<String> = self.locals.iter().map(|t| t.to_string()).collect();
        let _ = writeln!(out, "  locals {}", locals.join(" "));
        self.write_blocks(&mut out, true);
        out
    }

    /// Reads the form `dump` writes.
    pub fn parse(text: &str) -> Result<Function, String> {
        Parser::default().parse(text)
    }
}

fn ty(s: &str) -> Result<Ty, String> {
    match s {
        "i64" => Ok(Ty::I64),
        "f64" => Ok(Ty::F64),
        _ => Err(format!("unknown type {:?}", s)),
    }
}

fn cmp(s: &str) -> Result<Cmp, String> {
    Ok(match s {
        "eq" => Cmp::Eq,
        "ne" => Cmp::Ne,
        "lt" => Cmp::Lt,
        "le" => Cmp::Le,
        "gt" => Cmp::Gt,
        "ge" => Cmp::Ge,
        "ult" => Cmp::Ult,
        _ => return Err(format!("unknown comparison {:?}", s)),
    })
}

/// `v12` -> 12.
fn var(s: &str) -> Result<Var, String> {
    s.trim().strip_prefix('v').and_then(|n| n.parse().ok()).ok_or_else(|| format!("expected a value, found {:?}", s))
}

/// `v1, v2` (possibly empty) -> [1, 2].
fn var_list(s: &str) -> Result<Vec<Var>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(Vec::new());
    }
    s.split(',').map(var).collect()
}

/// `l3` -> 3.
fn local(s: &str) -> Result<u32, String> {
    s.trim().strip_prefix('l').and_then(|n| n.parse().ok()).ok_or_else(|| format!("expected a local, found {:?}", s))
}

/// `[v4+16]` -> (4, 16).
fn address(s: &str) -> Result<(Var, i32), String> {
    let inner = s.trim().strip_prefix('[').and_then(|r| r.strip_suffix(']')).ok_or_else(|| format!("expected [vN+off], found {:?}", s))?;
    let k = inner.find(['+', '-']).ok_or_else(|| format!("no offset in {:?}", s))?;
    let off = inner[k..].trim_start_matches('+').parse().map_err(|_| format!("bad offset in {:?}", s))?;
    Ok((var(&inner[..k])?, off))
}

/// `block7(v1, v2)` -> (7, [1, 2]).
fn target(s: &str) -> Result<(u32, Vec<Var>), String> {
    let s = s.trim();
    let open = s.find('(').ok_or_else(|| format!("expected blockN(...), found {:?}", s))?;
    let b = s[..open].strip_prefix("block").and_then(|n| n.parse().ok()).ok_or_else(|| format!("bad block in {:?}", s))?;
    let args = s[open + 1..].strip_suffix(')').ok_or_else(|| format!("unclosed arguments in {:?}", s))?;
    Ok((b, var_list(args)?))
}

/// Splits `a, b(c, d), e` at the commas outside parentheses.
fn split_top(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

#[derive(Default)]
struct Parser {
    f: Function,
}

impl Parser {
    fn parse(mut self, text: &str) -> Result<Function, String> {
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let head = lines.next().ok_or("empty text")?;
        self.f.name =
            head.trim().strip_prefix("function ").and_then(|r| r.strip_suffix(':')).ok_or("expected `function NAME:`")?.to_string();
        let locals = lines.next().ok_or("missing locals line")?.trim();
        let locals = locals.strip_prefix("locals").ok_or("expected `locals ...`")?;
        self.f.locals = locals.split_whitespace().map(ty).collect::<Result<_, _>>()?;
        let mut cur: Option<usize> = None;
        for (n, line) in lines.enumerate() {
            let l = line.trim();
            let r = if l.starts_with("block") && l.ends_with(':') {
                self.block_header(l).map(|b| cur = Some(b))
            } else {
                match cur {
                    Some(b) => self.line(b, l),
                    None => Err("instruction before the first block".to_string()),
                }
            };
            r.map_err(|e| format!("line {}: {}: {}", n + 3, e, l))?;
        }
        Ok(self.f)
    }

    /// Records the type of value `v` (values are numbered densely, in the
    /// order the translator made them, not in text order).
    fn def(&mut self, v: Var, t: Ty) {
        let i = v as usize;
        if self.f.types.len() <= i {
            self.f.types.resize(i + 1, Ty::I64);
        }
        self.f.types[i] = t;
    }

    fn block_header(&mut self, l: &str) -> Result<usize, String> {
        let cold = l.ends_with(" cold:");
        let l = l.strip_suffix(':').unwrap().strip_suffix(" cold").unwrap_or(l.strip_suffix(':').unwrap());
        let open = l.find('(').ok_or("expected blockN(...)")?;
        let b: usize = l[5..open].parse().map_err(|_| "bad block number")?;
        if b != self.f.blocks.len() {
            return Err(format!("block{} out of order", b));
        }
        let mut params = Vec::new();
        let inner = l[open + 1..].strip_suffix(')').ok_or("unclosed parameters")?;
        for p in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (v, t) = p.split_once(':').ok_or("expected vN: type")?;
            let (v, t) = (var(v)?, ty(t.trim())?);
            self.def(v, t);
            params.push(v);
        }
        self.f.blocks.push(Block { params, insts: Vec::new(), term: Terminator::None, cold });
        Ok(b)
    }

    fn line(&mut self, b: usize, l: &str) -> Result<(), String> {
        if let Some(t) = l.strip_prefix("jump ") {
            let (t, a) = target(t)?;
            self.f.blocks[b].term = Terminator::Jump(t, a);
            return Ok(());
        }
        if let Some(rest) = l.strip_prefix("br ") {
            let parts = split_top(rest);
            if parts.len() != 3 {
                return Err("expected br vN, blockA(...), blockB(...)".into());
            }
            let cond = var(parts[0])?;
            let then = target(parts[1])?;
            let els = target(parts[2])?;
            self.f.blocks[b].term = Terminator::Branch { cond, then, els };
            return Ok(());
        }
        if let Some(v) = l.strip_prefix("return ") {
            self.f.blocks[b].term = Terminator::Return(var(v)?);
            return Ok(());
        }
        let (results, rhs) = match l.split_once(" = ") {
            Some((lhs, rhs)) if lhs.starts_with('v') => (var_list(lhs)?, rhs),
            _ => (Vec::new(), l),
        };
        let (name, operands) = rhs.split_once(' ').unwrap_or((rhs, ""));
        let mut args: Vec<Var> = Vec::new();
        let op = match name {
            "iconst" => Op::IConst(operands.trim().parse().map_err(|_| "bad integer")?),
            "fconst" => Op::FConst(operands.trim().parse().map_err(|_| "bad float")?),
            "load.i64" | "load.f64" | "load.u8" => {
                let (a, off) = address(operands)?;
                args.push(a);
                match name {
                    "load.u8" => Op::Load8 { off },
                    _ => Op::Load { ty: ty(&name[5..])?, off },
                }
            }
            "store" | "store.u8" => {
                let (addr, val) = operands.split_once("],").ok_or("expected [vN+off], vM")?;
                let (a, off) = address(&format!("{}]", addr))?;
                args.extend([a, var(val)?]);
                if name == "store" {
                    Op::Store { off }
                } else {
                    Op::Store8 { off }
                }
            }
            "call" | "call.preserve" => {
                let (callee, rest) = operands.split_once('(').ok_or("expected NAME@ADDR(args)")?;
                let (hname, addr) = callee.split_once('@').ok_or("expected NAME@ADDR")?;
                let addr = u64::from_str_radix(addr.trim_start_matches("0x"), 16).map_err(|_| "bad address")?;
                args = var_list(rest.strip_suffix(')').ok_or("unclosed arguments")?)?;
                // Helper names are `&'static str` in the IR (the translator
                // names its helpers with literals); a parsed function is
                // compiled a bounded number of times, so leaking is fine.
                let hname: &'static str = Box::leak(hname.to_string().into_boxed_str());
                Op::Call { addr, name: hname, ret: !results.is_empty(), preserve: name == "call.preserve" }
            }
            "get_local" => Op::GetVar(local(operands)?),
            "set_local" => {
                let (l, v) = operands.split_once(',').ok_or("expected lN, vM")?;
                args.push(var(v)?);
                Op::SetVar(local(l)?)
            }
            "spill" => Op::Spill(local(operands)?),
            "reload" => Op::Reload(local(operands)?),
            _ => {
                args = var_list(operands)?;
                let simple = |n: &str| -> Option<Op> {
                    Some(match n {
                        "iadd" => Op::IAdd,
                        "isub" => Op::ISub,
                        "imul" => Op::IMul,
                        "iand" => Op::IAnd,
                        "ior" => Op::IOr,
                        "ixor" => Op::IXor,
                        "ishl" => Op::IShl,
                        "isar" => Op::ISar,
                        "ineg" => Op::INeg,
                        "sdiv" => Op::SDiv,
                        "srem" => Op::SRem,
                        "iaddov" => Op::IAddOv,
                        "isubov" => Op::ISubOv,
                        "imulov" => Op::IMulOv,
                        "fadd" => Op::FAdd,
                        "fsub" => Op::FSub,
                        "fmul" => Op::FMul,
                        "fdiv" => Op::FDiv,
                        "fneg" => Op::FNeg,
                        "fsqrt" => Op::FSqrt,
                        "fabs" => Op::FAbs,
                        "itof" => Op::IToF,
                        "fbits" => Op::FBits,
                        "bitsf" => Op::BitsF,
                        "select" => Op::Select,
                        "callind" => Op::CallInd,
                        "stackptr" => Op::StackPtr,
                        _ => return None,
                    })
                };
                if let Some(c) = name.strip_prefix("icmp(").and_then(|r| r.strip_suffix(')')) {
                    Op::ICmp(cmp(c)?)
                } else if let Some(c) = name.strip_prefix("fcmp(").and_then(|r| r.strip_suffix(')')) {
                    Op::FCmp(cmp(c)?)
                } else {
                    simple(name).ok_or_else(|| format!("unknown operation {:?}", name))?
                }
            }
        };
        // Result types follow from the operation, as in `Function::push`.
        let (t0, t1) = match &op {
            Op::FConst(_) | Op::FAdd | Op::FSub | Op::FMul | Op::FDiv | Op::FNeg | Op::FSqrt | Op::FAbs | Op::IToF | Op::BitsF => {
                (Ty::F64, Ty::I64)
            }
            Op::Load { ty, .. } => (*ty, Ty::I64),
            Op::Select => (self.f.types.get(args[1] as usize).copied().ok_or("select of an undefined value")?, Ty::I64),
            Op::GetVar(l) => (*self.f.locals.get(*l as usize).ok_or("undeclared local")?, Ty::I64),
            _ => (Ty::I64, Ty::I64),
        };
        for (i, r) in results.iter().enumerate() {
            self.def(*r, if i == 0 { t0 } else { t1 });
        }
        if matches!(op, Op::Store { .. } | Op::Store8 { .. } | Op::Call { .. } | Op::CallInd) {
            self.f.effects += 1;
        }
        self.f.blocks[b].insts.push(Inst { op, args: Args::from_vec(args), results: Results::from_vec(results) });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    extern "C" fn helper(a: u64) -> u64 {
        a + 1
    }

    /// Every operation, a float local, calls of both kinds, branches with
    /// arguments and a cold block: dumped and parsed back, equal.
    #[test]
    fn dump_parses_back_to_the_same_function() {
        let mut f = Function::new("every_op");
        let base = f.base();
        let fl = f.new_local(Ty::F64);
        let il = f.new_local(Ty::I64);
        let body = f.new_block();
        let exit = f.new_block();
        f.blocks[exit as usize].cold = true;
        let a = f.push1(0, Op::Load { ty: Ty::I64, off: -8 }, [base]);
        let x = f.push1(0, Op::Load { ty: Ty::F64, off: 16 }, [base]);
        let k = f.iconst(0, -42);
        let c = f.fconst(0, 0.1);
        f.push(0, Op::SetVar(fl), [x]);
        f.push(0, Op::SetVar(il), [a]);
        let p = f.add_param(body, Ty::I64);
        let q = f.add_param(body, Ty::F64);
        f.set_term(0, Terminator::Jump(body, vec![k, c]));
        let mut ints = vec![p];
        for op in [
            Op::IAdd,
            Op::ISub,
            Op::IMul,
            Op::IAnd,
            Op::IOr,
            Op::IXor,
            Op::IShl,
            Op::ISar,
            Op::SDiv,
            Op::SRem,
            Op::ICmp(Cmp::Ult),
            Op::FCmp(Cmp::Ne),
        ] {
            let args = if matches!(op, Op::FCmp(_)) { [q, q] } else { [p, a] };
            ints.push(f.push1(body, op, args));
        }
        for op in [Op::IAddOv, Op::ISubOv, Op::IMulOv] {
            ints.extend(f.push(body, op, [p, a]));
        }
        ints.push(f.push1(body, Op::INeg, [p]));
        let mut floats = vec![q];
        for op in [Op::FAdd, Op::FSub, Op::FMul, Op::FDiv] {
            floats.push(f.push1(body, op, [q, q]));
        }
        for op in [Op::FNeg, Op::FSqrt, Op::FAbs] {
            floats.push(f.push1(body, op, [q]));
        }
        floats.push(f.push1(body, Op::IToF, [p]));
        floats.push(f.push1(body, Op::BitsF, [p]));
        ints.push(f.push1(body, Op::FBits, [q]));
        let s = f.push1(body, Op::Select, [p, q, q]);
        let g = f.push1(body, Op::GetVar(fl), []);
        f.push(body, Op::Spill(il), []);
        let r = f.push1(body, Op::Call { addr: helper as *const () as usize as u64, name: "helper", ret: true, preserve: false }, [p]);
        f.push(body, Op::Call { addr: 0x1234, name: "keep", ret: false, preserve: true }, [r, a]);
        f.push(body, Op::Reload(il), []);
        let sp = f.push1(body, Op::StackPtr, []);
        let ci = f.push1(body, Op::CallInd, [r, sp]);
        let b8 = f.push1(body, Op::Load8 { off: 3 }, [ci]);
        f.push(body, Op::Store8 { off: 0 }, [base, b8]);
        f.push(body, Op::Store { off: 24 }, [base, s]);
        f.push(body, Op::SetVar(fl), [g]);
        f.set_term(body, Terminator::Branch { cond: ints[3], then: (body, vec![ints[1], floats[2]]), els: (exit, vec![]) });
        f.set_term(exit, Terminator::Return(ints[5]));
        f.verify().unwrap();
        let text = f.dump();
        let g = Function::parse(&text).unwrap_or_else(|e| panic!("{}\n{}", e, text));
        assert_eq!(g, f, "{}", text);
        assert_eq!(g.dump(), text);
    }

    /// Does not compile when an operation is added to `Op` without a
    /// thought for its textual form (`write_blocks`, `Parser::line`) and
    /// a place in the round-trip test above.
    #[allow(dead_code)]
    fn every_op_has_a_textual_form(op: Op) {
        match op {
            Op::IConst(_) | Op::FConst(_) | Op::Load { .. } | Op::Store { .. } | Op::IAdd | Op::ISub | Op::IMul => {}
            Op::IAnd | Op::IOr | Op::IXor | Op::IShl | Op::ISar | Op::INeg | Op::SDiv | Op::SRem => {}
            Op::IAddOv | Op::ISubOv | Op::IMulOv | Op::ICmp(_) | Op::FCmp(_) | Op::FAdd | Op::FSub => {}
            Op::FMul | Op::FDiv | Op::FNeg | Op::FSqrt | Op::FAbs | Op::IToF | Op::FBits | Op::BitsF => {}
            Op::Select | Op::Call { .. } | Op::CallInd | Op::StackPtr | Op::GetVar(_) | Op::SetVar(_) => {}
            Op::Load8 { .. } | Op::Store8 { .. } | Op::Spill(_) | Op::Reload(_) => {}
        }
    }

    #[test]
    fn parse_errors_name_the_line() {
        let e = Function::parse("function f:\n  locals\n  block0(v0: i64, v1: i64):\n    v2 = frob v0\n").unwrap_err();
        assert!(e.contains("line 4") && e.contains("unknown operation \"frob\""), "{}", e);
    }
}
