//! Randomised differential test of the JIT at the Python level: many small
//! generated programs (loops over ints, floats, bools, lists and objects;
//! arithmetic that overflows into big ints, divisions by zero caught by
//! `try`, type changes in the middle of a loop, calls of small functions,
//! attribute updates, tuples and lists built and unpacked, nested loops)
//! run with the JIT off and with every loop compiled at
//! once; stdout and exit code must be identical. On a mismatch the test
//! prints the seed and the program as a reproducer.

use std::process::{Command, Stdio};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len() as u64) as usize]
    }
}

const VARS: &[&str] = &["a", "b", "c", "x", "y"];

/// A random expression over the loop variables.
fn expr(r: &mut Rng, depth: u32) -> String {
    if depth == 0 || r.below(3) == 0 {
        return match r.below(7) {
            0 => format!("{}", r.below(20) as i64 - 5),
            1 => format!("{}.5", r.below(9)),
            2 => "i".to_string(),
            3 => r.pick(&["True", "False"]).to_string(),
            4 => "p.v".to_string(),
            5 => "xs[i % len(xs)]".to_string(),
            _ => r.pick(VARS).to_string(),
        };
    }
    let (l, rt) = (expr(r, depth - 1), expr(r, depth - 1));
    match r.below(12) {
        0..=2 => format!("({} {} {})", l, r.pick(&["+", "-", "*"]), rt),
        3 => format!("({} // ({} or 1))", l, rt),
        4 => format!("({} % ({} or 3))", l, rt),
        5 => format!("({} / ({} or 2))", l, rt),
        6 => format!("({} {} {})", l, r.pick(&["<", "<=", "==", "!=", ">", ">="]), rt),
        7 => format!("({} if {} else {})", l, rt, expr(r, depth - 1)),
        8 => format!("f({}, {})", l, rt),
        9 => format!("abs({})", l),
        10 => format!("(-{})", l),
        _ => format!("min({}, {})", l, rt),
    }
}

/// A random statement for the loop body.
fn stmt(r: &mut Rng) -> String {
    let v = r.pick(VARS);
    match r.below(13) {
        9 => format!("t = (clip({}), {})\n    {}, {} = t", expr(r, 2), expr(r, 1), v, r.pick(VARS)),
        10 => format!("ys = [{}, {}, {}]\n    {} = clip(ys[{}] + len(ys))", expr(r, 1), expr(r, 1), v, v, r.below(3)),
        11 => format!("for j in range({}):\n        {} = clip({} + j)", r.below(4), v, expr(r, 1)),
        12 => format!("k = 0\n    while k < {} and {}:\n        k += 1\n        {} = clip({})", r.below(5), expr(r, 1), v, expr(r, 2)),
        0..=3 => format!("{} = clip({})", v, expr(r, 3)),
        4 => format!("{} += {}\n    {} = clip({})", v, expr(r, 2), v, v),
        5 => format!("if {}:\n        {} = clip({})\n    else:\n        {} = clip({})", expr(r, 2), v, expr(r, 2), v, expr(r, 2)),
        6 => format!("p.v = clip({})", expr(r, 2)),
        7 => format!("xs[i % len(xs)] = clip({})", expr(r, 2)),
        _ => format!("if i == {}:\n        {} = {} * 1e300 if isinstance({}, float) else {} * 2 ** 70", r.below(60), v, v, v, v),
    }
}

fn program(seed: u64) -> String {
    let mut r = Rng(seed | 1);
    let mut body = String::new();
    for _ in 0..(2 + r.below(6)) {
        body.push_str("    ");
        body.push_str(&stmt(&mut r));
        body.push('\n');
    }
    format!(
        r#"class P:
    def __init__(self, v):
        self.v = v

def f(u, w):
    return u - w if u > w else w + 1

def clip(z):
    # Keeps big ints from growing without bound (squaring every iteration).
    return z % 1000000007 if isinstance(z, int) and abs(z) > 10 ** 40 else z

def run():
    a, b, c, x, y = 1, 2, 3, 0.5, -2
    p = P(1)
    xs = [1, 2.5, 3, 4]
    for i in range({n}):
        try:
{body_indented}        except (ZeroDivisionError, OverflowError, TypeError) as e:
            a = type(e).__name__
    return a, b, c, x, y, p.v, xs

print(run())
"#,
        n = 40 + r.below(80),
        body_indented = body.lines().map(|l| format!("        {}\n", l)).collect::<String>()
    )
}

/// A program of calls: methods overridden in subclasses, closures over
/// mutable cells, defaults and keyword arguments, constructors, operator
/// methods; called from a hot loop with changing argument types.
fn call_program(seed: u64) -> String {
    let mut r = Rng(seed | 1);
    let mut body = String::new();
    for _ in 0..(2 + r.below(5)) {
        let v = r.pick(VARS);
        let line = match r.below(8) {
            0 => format!("{} = clip(objs[i % 3].m({}))", v, expr(&mut r, 1)),
            1 => format!("{} = clip(bump({}))", v, expr(&mut r, 1)),
            2 => format!("{} = clip(g({}, k={}))", v, expr(&mut r, 1), expr(&mut r, 1)),
            3 => format!("{} = clip(g({}))", v, expr(&mut r, 1)),
            4 => format!("o = Box({})\n    {} = clip((o + Box({})).n)", expr(&mut r, 1), v, expr(&mut r, 1)),
            5 => format!("{} = clip(h({}))", v, expr(&mut r, 1)),
            6 => format!("if i == {}:\n        Base.m = lambda self, q: q * 3", r.below(80)),
            _ => format!("{} = clip({})", v, expr(&mut r, 2)),
        };
        body.push_str("    ");
        body.push_str(&line);
        body.push('\n');
    }
    format!(
        r#"class P:
    def __init__(self, v):
        self.v = v

class Base:
    def m(self, q):
        return q + 1

class A(Base):
    def m(self, q):
        return q * 2 if q > 3 else super().m(q)

class B(Base):
    pass

class Box:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return Box(self.n + other.n)

def f(u, w):
    return u - w if u > w else w + 1

def clip(z):
    return z % 1000000007 if isinstance(z, int) and abs(z) > 10 ** 40 else z

def make():
    count = 0
    def bump(d=1):
        nonlocal count
        count += d
        return count
    return bump

def g(a, k=2):
    return a * k

def run():
    a, b, c, x, y = 1, 2, 3, 0.5, -2
    p = P(1)
    xs = [1, 2.5, 3, 4]
    objs = [Base(), A(), B()]
    bump = make()
    h = lambda t: f(t, c)
    for i in range({n}):
        try:
{body_indented}        except (ZeroDivisionError, OverflowError, TypeError) as e:
            a = type(e).__name__
    return a, b, c, x, y, p.v, bump(0)

print(run())
"#,
        n = 40 + r.below(80),
        body_indented = body.lines().map(|l| format!("        {}\n", l)).collect::<String>()
    )
}

fn run_spry(src: &std::path::Path, flags: &[&str]) -> (String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).args(flags).arg(src).stdin(Stdio::null()).output().expect("cannot run spry");
    (String::from_utf8_lossy(&out.stdout).to_string(), out.status.code())
}

#[test]
fn generated_programs_agree_with_the_interpreter() {
    let dir = std::env::temp_dir().join(format!("spry-jit-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // SPRY_FUZZ_SEED and SPRY_FUZZ_CASES explore further than the default
    // run that `cargo test` makes.
    let seed0 = std::env::var("SPRY_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0xF00D_5EED);
    let cases = std::env::var("SPRY_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(300);
    let mut rng = Rng(seed0);
    let mut bad = Vec::new();
    for case in 0..cases {
        let seed = rng.next();
        let src = if case % 3 == 2 { call_program(seed) } else { program(seed) };
        let path = dir.join(format!("case{}.py", case));
        std::fs::write(&path, &src).unwrap();
        let reference = run_spry(&path, &["--jit=off"]);
        if std::env::var_os("SPRY_FUZZ_SHOW").is_some() && case % 3 == 2 && case < 9 {
            eprintln!("{}\n=> {:?}", src, reference);
        }
        for flags in [&["--jit-threshold=1"][..], &["--jit-threshold=7"][..], &["--jit-threshold=1", "--jit-opt=none"][..]] {
            let got = run_spry(&path, flags);
            if got != reference {
                bad.push(format!(
                    "seed {} with {:?}:\n--- program\n{}--- interpreter {:?}\n--- jit {:?}",
                    seed, flags, src, reference, got
                ));
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(bad.is_empty(), "{} mismatches:\n{}", bad.len(), bad.join("\n"));
}
