//! Snapshot tests of what humans read: `spry --dis` listings of small
//! functions. Set `SPRY_UPDATE_SNAPSHOTS=1` to rewrite the `.dis` files after
//! an intended change, and review the diff.

use std::path::Path;
use std::process::Command;

fn check_snapshot(name: &str, flag: &str, ext: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots");
    let src = dir.join(format!("{}.py", name));
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).arg(flag).arg(&src).current_dir(&dir).output().expect("run spry");
    assert!(out.status.success(), "spry {} failed: {}", flag, String::from_utf8_lossy(&out.stderr));
    let got = String::from_utf8(out.stdout).unwrap();
    let snap = dir.join(format!("{}.{}", name, ext));
    if std::env::var_os("SPRY_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snap, &got).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&snap).unwrap_or_else(|_| panic!("missing snapshot {}", snap.display()));
    assert_eq!(got, expected, "{} output of {} changed (SPRY_UPDATE_SNAPSHOTS=1 to accept)", flag, name);
}

#[test]
fn dis_fib() {
    check_snapshot("dis_fib", "--dis", "dis");
}

#[test]
fn dis_loops() {
    check_snapshot("dis_loops", "--dis", "dis");
}

#[test]
fn dis_closure() {
    check_snapshot("dis_closure", "--dis", "dis");
}

#[test]
fn dis_try() {
    check_snapshot("dis_try", "--dis", "dis");
}

/// `--ast` must print exactly what CPython's `ast.dump(..., indent=4)` prints
/// (the expected file was recorded with CPython 3.11).
#[test]
fn ast_greet_matches_cpython() {
    check_snapshot("ast_greet", "--ast", "ast");
}

/// Replaces machine addresses (long decimal or hex numbers) in `--jit-log`
/// output, which differ from run to run.
fn normalise_addresses(s: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '0' && i + 1 < chars.len() && chars[i + 1] == 'x' {
            let mut j = i + 2;
            while j < chars.len() && (chars[j].is_ascii_hexdigit() || chars[j] == '_') {
                j += 1;
            }
            if j - i - 2 >= 8 {
                out.push_str("<addr>");
                i = j;
                continue;
            }
        }
        if c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j - i >= 10 {
                out.push_str("<addr>");
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// `--jit-log` of a small loop: source lines, Spry's IR and the Cranelift IR.
fn check_jit_log(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots");
    let out = Command::new(env!("CARGO_BIN_EXE_spry"))
        .args(["--jit-threshold=2", "--jit-log", &format!("{}.py", name)])
        .current_dir(&dir)
        .output()
        .expect("run spry");
    assert!(out.status.success(), "spry --jit-log failed: {}", String::from_utf8_lossy(&out.stderr));
    let got = normalise_addresses(&String::from_utf8(out.stderr).unwrap());
    assert!(got.contains("=== loop at"), "no loop was compiled:\n{}", got);
    let snap = dir.join(format!("{}.jitlog", name));
    if std::env::var_os("SPRY_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snap, &got).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&snap).unwrap_or_else(|_| panic!("missing snapshot {}", snap.display()));
    assert_eq!(got, expected, "--jit-log of {} changed (SPRY_UPDATE_SNAPSHOTS=1 to accept)", name);
}

#[test]
fn jit_log_int_sum() {
    check_jit_log("jit_int_sum");
}

/// A nest: the inner loop gets hot first and is left to the outer loop,
/// whose code has a second entry at the inner loop's header (block 0
/// chooses the entry).
#[test]
fn jit_log_nest_entry() {
    check_jit_log("jit_nest_entry");
}

#[test]
fn jit_log_float_list() {
    check_jit_log("jit_float_list");
}

/// An attribute read and written (checked once: an attribute fact) and a
/// method of a builtin type called directly (`call_builtin_method`).
#[test]
fn jit_log_attr_method() {
    check_jit_log("jit_attr_method");
}

/// `background`: the loop is compiled on the compiler thread while the
/// interpreter runs it, then entered; `--jit-stats` waits for compilations
/// in flight and says how much of the compile time was on that thread.
/// Without the option, no compiler thread.
#[test]
fn background_compiles_on_a_second_thread() {
    let stats = jit_stats("jit_background.py", &["--jit-opt=+background"], "5999999\n");
    assert!(stats.contains("ms of it on the compiler thread)"), "{}", stats);
    let entered = stats
        .lines()
        .find(|l| l.starts_with("  loop jit_background.py:6-8 in total: compiled 1 time(s)"))
        .and_then(|l| l.split("entered ").nth(1))
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse::<u64>().ok());
    assert!(entered.is_some_and(|n| n >= 1), "{}", stats);
    let stats = jit_stats("jit_background.py", &[], "5999999\n");
    assert!(!stats.contains("compiler thread"), "{}", stats);
    assert!(stats.contains("  loop jit_background.py:6-8 in total: compiled 1 time(s)"), "{}", stats);
}

/// `--compare` runs both tiers, checks the outputs agree and prints the table.
#[test]
fn compare_prints_both_tiers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots");
    let out = Command::new(env!("CARGO_BIN_EXE_spry"))
        .args(["--compare", "--runs", "1", "--jit-threshold=2", "jit_int_sum.py"])
        .current_dir(&dir)
        .output()
        .expect("run spry");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "--compare failed: {}{}", text, String::from_utf8_lossy(&out.stderr));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("tier") && lines[0].contains("speed-up") && lines[0].contains("guard failures"), "{}", text);
    assert!(lines[1].starts_with("interpreter"), "{}", text);
    let jit: Vec<&str> = lines[2].split_whitespace().collect();
    assert_eq!(jit[0], "jit", "{}", text);
    // loops compiled: the while loop of total().
    assert_eq!(jit[jit.len() - 2], "1", "{}", text);
    assert_eq!(lines[3], "outputs identical across 2 runs");
}

/// `--compare` fails when the two tiers disagree (here: a program whose
/// output depends on the tier through an environment check is not
/// possible, so a program whose runs differ — it prints the time — is).
#[test]
fn compare_detects_different_outputs() {
    let dir = std::env::temp_dir().join(format!("spry-cmp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("varies.py");
    std::fs::write(&f, "import time\nprint(time.perf_counter_ns())\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).args(["--compare", "--runs", "1"]).arg(&f).output().expect("run spry");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("outputs differ"));
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs `tests/snapshots/FILE` with `--jit-stats` and `opts`, checks that
/// it succeeds with stdout `expect`, and returns the statistics (stderr).
fn jit_stats(file: &str, opts: &[&str], expect: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots");
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).args(opts).args(["--jit-stats", file]).current_dir(&dir).output().expect("run spry");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), expect);
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// `fnfirst` (with `callerfirst` off): the loop of a function called often
/// with few iterations per call is not compiled on its own (the function
/// is compiled whole), but a long call of a function called often before
/// still gets its loop compiled; `--jit-opt=-fnfirst` compiles the short
/// loop alone too. `callerfirst` (default): the function, hot while its
/// caller's loop is nearly hot, is compiled neither whole nor its loop:
/// the caller's loop compiles, the call inlined. `quickloopless` (compile
/// options only) changes neither output nor what is compiled.
#[test]
fn fnfirst_leaves_loops_to_functions() {
    let run = |opts: &[&str]| {
        let stats = jit_stats("jit_fnfirst.py", opts, "2005000\n4999950900\n");
        let regions: Vec<String> = stats
            .lines()
            .filter(|l| l.starts_with("  function") || l.starts_with("  loop"))
            .map(|l| l.split(": compiled").next().unwrap().to_string())
            .collect();
        (stats, regions)
    };
    let (stats, _) = run(&["--jit-opt=-callerfirst"]);
    assert!(stats.contains("function jit_fnfirst.py:2-5 in short: compiled 1 time"), "{}", stats);
    assert!(!stats.contains("loop jit_fnfirst.py:3-4 in short"), "{}", stats);
    assert!(stats.contains("loop jit_fnfirst.py:11-13 in long_after_short: compiled 1 time"), "{}", stats);
    let (stats, _) = run(&["--jit-opt=-fnfirst,-callerfirst"]);
    assert!(stats.contains("loop jit_fnfirst.py:3-4 in short: compiled 1 time"), "{}", stats);
    let (stats, regions) = run(&[]);
    assert!(!stats.contains("in short:"), "{}", stats);
    assert!(stats.contains("loop jit_fnfirst.py:18-19 in <module>: compiled 1 time"), "{}", stats);
    assert!(stats.contains("loop jit_fnfirst.py:11-13 in long_after_short: compiled 1 time"), "{}", stats);
    let (_, regions2) = run(&["--jit-opt=-quickloopless"]);
    assert_eq!(regions, regions2);
}

/// `entries`: a nest's inner loop that got hot again before the nest was
/// compiled (it runs long in each outer iteration) has compiled code of its
/// own, so the nest gets no entry at its header: the interpreter, running
/// the inner loop at the start of each call of `mark`, enters the inner
/// loop's own code (4 entries), and then the nest at its back-edge. Before,
/// it entered the nest at the inner header, and the inner loop's own code
/// ran once.
#[test]
fn inner_loop_with_own_code_gets_no_entry() {
    let stats = jit_stats("jit_inner_alone.py", &[], "38368\n");
    let entered = |region: &str| -> u64 {
        let line = stats.lines().find(|l| l.contains(region)).unwrap_or_else(|| panic!("{} not compiled:\n{}", region, stats));
        line.split("entered ").nth(1).and_then(|r| r.split(' ').next()).and_then(|n| n.parse().ok()).expect(line)
    };
    assert!(stats.contains("JIT: 2 loops compiled"), "{}", stats);
    assert_eq!(entered("loop jit_inner_alone.py:8-9 in mark"), 4, "{}", stats);
    assert_eq!(entered("loop jit_inner_alone.py:6-10 in mark"), 4, "{}", stats);
}

/// `nest` and `callerfirst`: an inner loop whose every iteration calls a
/// function with a loop of its own (left to the inner loop's compilation
/// by `callerfirst`) is compiled alone, not as part of the nest: each
/// entry from the interpreted outer loop runs a whole row of inner loops,
/// so the nest would be more machine code for no gain (mandelbrot). An
/// inner loop calling a function without a loop is still left to the
/// outer loop (one region, entered once). Without `callerfirst` the
/// callee is not left to the inner loop, and the nest is compiled.
#[test]
fn inner_loop_calling_a_loop_is_compiled_alone() {
    let stats = jit_stats("jit_nest_loop_callee.py", &[], "122381\n80820000\n");
    assert!(stats.contains("JIT: 2 loops compiled"), "{}", stats);
    assert!(stats.contains("  loop jit_nest_loop_callee.py:15-16 in rows: compiled 1 time(s)"), "{}", stats);
    assert!(!stats.contains("jit_nest_loop_callee.py:14-16"), "{}", stats);
    assert!(stats.contains("  loop jit_nest_loop_callee.py:22-24 in flat: compiled 1 time(s)"), "{}", stats);
    let stats = jit_stats("jit_nest_loop_callee.py", &["--jit-opt=-callerfirst"], "122381\n80820000\n");
    assert!(stats.contains("  loop jit_nest_loop_callee.py:14-16 in rows: compiled 1 time(s)"), "{}", stats);
    assert!(!stats.contains("jit_nest_loop_callee.py:15-16 in rows"), "{}", stats);
}

/// `lazyinst`: `nxt.get(node)` was only ever an instance when `walk`'s loop
/// was compiled, and is None at the end of every walk. Not guarded at the
/// call, the loop is compiled once; guarded (`-lazyinst`), the guard fails
/// at every walk's end and the loop is compiled again after 64 failures.
#[test]
fn lazyinst_leaves_instance_results_unguarded() {
    let expect = "449850000\n";
    let stats = jit_stats("jit_lazyinst.py", &[], expect);
    assert!(stats.contains("loop jit_lazyinst.py:24-26 in walk: compiled 1 time(s)"), "{}", stats);
    assert!(!stats.contains("result type"), "{}", stats);
    let stats = jit_stats("jit_lazyinst.py", &["--jit-opt=-lazyinst"], expect);
    assert!(stats.contains("loop jit_lazyinst.py:24-26 in walk: compiled 2 time(s)"), "{}", stats);
    assert!(stats.contains("guard failures at line 26: result type x64"), "{}", stats);
}

/// `callerfirst`: `mid` gets hot while the loop calling it is nearly hot,
/// and is left to it (the loop compiles with `mid` and `leaf` inlined);
/// without `callerfirst` `mid` is compiled on its own first, then runs
/// only once more.
#[test]
fn callerfirst_leaves_functions_to_callers() {
    let run = |opts: &[&str]| jit_stats("jit_callerfirst.py", opts, "50010000\n");
    let stats = run(&[]);
    assert!(stats.contains("JIT: 1 loops compiled"), "{}", stats);
    assert!(stats.contains("loop jit_callerfirst.py:10-11 in <module>: compiled 1 time"), "{}", stats);
    let stats = run(&["--jit-opt=-callerfirst"]);
    assert!(stats.contains("function jit_callerfirst.py:6-6 in mid: compiled 1 time"), "{}", stats);
}

/// `callerfirst` from functions: `shared` is called from three functions
/// (themselves called in turn from a loop), so it gets hot when each of
/// them has a third of its calls. Entered a quarter of the threshold
/// times, they count as nearly hot: `shared` is left to them and never
/// compiled on its own (they inline it). Without `callerfirst` it is
/// compiled and then runs until its callers are compiled.
#[test]
fn callerfirst_leaves_shared_functions_to_callers() {
    let run = |opts: &[&str]| jit_stats("jit_callerfirst_shared.py", opts, "1365257999\n");
    let stats = run(&[]);
    assert!(stats.contains("JIT: 4 loops compiled"), "{}", stats);
    assert!(!stats.contains("in shared:"), "{}", stats);
    for f in ["10-13 in first", "17-20 in second", "24-27 in third"] {
        assert!(stats.contains(&format!("function jit_callerfirst_shared.py:{}: compiled 1 time", f)), "{}", stats);
    }
    let stats = run(&["--jit-opt=-callerfirst"]);
    assert!(stats.contains("function jit_callerfirst_shared.py:6-6 in shared: compiled 1 time"), "{}", stats);
}

/// `kinds`: the loop reads `p.x` (always a float in `P`'s shape) without a
/// type guard; a kind of another shape (`Q.v`) becoming mixed late in the
/// run leaves the compiled loop alone (one version per shape): one
/// compilation, no guard failures. Without `kinds` the read is guarded.
#[test]
fn kinds_are_per_shape() {
    let expect = "180000.0 late\n";
    let stats = jit_stats("jit_kinds.py", &[], expect);
    assert!(stats.contains("loop jit_kinds.py:14-18 in <module>: compiled 1 time"), "{}", stats);
    assert!(!stats.contains("guard failures"), "{}", stats);
    let exits = |opts: &[&str]| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots");
        let out = Command::new(env!("CARGO_BIN_EXE_spry"))
            .args(opts)
            .args(["--jit-log", "jit_kinds.py"])
            .current_dir(&dir)
            .output()
            .expect("run spry");
        assert_eq!(String::from_utf8_lossy(&out.stdout), expect);
        String::from_utf8_lossy(&out.stderr).lines().filter(|l| l.contains("(line 16): attribute type")).count()
    };
    assert_eq!(exits(&[]), 0);
    assert_eq!(exits(&["--jit-opt=-kinds"]), 1);
}
