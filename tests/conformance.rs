//! Runs every program of the conformance corpus (`tests/conformance/`)
//! through the `spry` binary and compares it with CPython 3.11's recorded
//! results: stdout, exit code, the last stderr line, and in `tracebacks/`
//! the whole (normalised) stderr.
//!
//! Programs that need features not built yet are listed with the reason in
//! `tests/conformance/known_failures.txt`; a listed program that passes is
//! an error too, so the list can only shrink.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Per program. (Programs that fork, `multiprocessing`, compile their
/// library code again in every process at `--jit-threshold=1`: 5-8 s
/// each on an idle 2-core machine, more beside the other modes.)
const TIMEOUT: Duration = Duration::from_secs(60);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("conformance")
}

/// Every case, as a path relative to the corpus (`basics/int_arith.py`).
fn cases() -> Vec<String> {
    let mut out = Vec::new();
    let root = corpus_dir();
    let mut dirs: Vec<_> = std::fs::read_dir(&root).unwrap().flatten().filter(|e| e.path().is_dir()).collect();
    dirs.sort_by_key(|e| e.file_name());
    for d in dirs {
        let name = d.file_name().to_string_lossy().to_string();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        let mut files: Vec<_> = std::fs::read_dir(d.path()).unwrap().flatten().collect();
        files.sort_by_key(|e| e.file_name());
        for f in files {
            let fname = f.file_name().to_string_lossy().to_string();
            if fname.ends_with(".py") && !fname.starts_with('_') && f.path().with_extension("out").exists() {
                out.push(format!("{}/{}", name, fname));
            }
        }
    }
    out
}

/// `known_failures.txt`: `path  reason` per line.
fn known_failures() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(corpus_dir().join("known_failures.txt")).unwrap_or_default();
    text.lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (p, r) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (p.to_string(), r.trim().to_string())
        })
        .collect()
}

/// The last non-blank line of stderr.
fn last_line(s: &str) -> String {
    s.lines().rfind(|l| !l.trim().is_empty()).map(|l| l.trim_end().to_string()).unwrap_or_default()
}

/// Paths in `File "..."` reduced to the file name (position markers kept).
fn normalise(stderr: &str) -> String {
    // Like the Python runner: lines joined with "\n", plus a final "\n".
    let mut out = String::new();
    let mut any = false;
    for line in stderr.lines() {
        any = true;
        let mut l = line.trim_end().to_string();
        if let Some(start) = l.find("File \"") {
            let rest = &l[start + 6..];
            if let Some(end) = rest.find('"') {
                let path = &rest[..end];
                let base = path.rsplit('/').next().unwrap_or(path).to_string();
                l = format!("{}File \"{}\"{}", &l[..start], base, &rest[end + 1..]);
            }
        }
        out.push_str(&l);
        out.push('\n');
    }
    if !any {
        out.push('\n');
    }
    out
}

/// Runs one case with the given extra flags; `Err` describes the mismatch.
fn check(case: &str, flags: &[&str]) -> Result<(), String> {
    let path = corpus_dir().join(case);
    let dir = path.parent().unwrap();
    let expected_out = std::fs::read_to_string(path.with_extension("out")).unwrap();
    let expected_exit: i32 = std::fs::read_to_string(path.with_extension("exit")).map(|s| s.trim().parse().unwrap_or(0)).unwrap_or(0);
    let expected_err = std::fs::read_to_string(path.with_extension("err")).ok().map(|s| s.trim_end().to_string());
    let expected_stderr = std::fs::read_to_string(path.with_extension("stderr")).ok();
    let mut child = Command::new(env!("CARGO_BIN_EXE_spry"))
        .args(flags)
        .arg(path.file_name().unwrap())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start spry: {}", e))?;
    // Drain the pipes on threads so a chatty program cannot block.
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t1 = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut b).ok();
        b
    });
    let t2 = std::thread::spawn(move || {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut b).ok();
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            return Err(format!("timed out after {}s", TIMEOUT.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = String::from_utf8_lossy(&t1.join().unwrap()).to_string();
    let stderr = String::from_utf8_lossy(&t2.join().unwrap()).to_string();
    let mut problems = Vec::new();
    // A death by signal counts as exit -N, as Python's `returncode` has it:
    // expected only where CPython dies the same way (an uncaught
    // KeyboardInterrupt ends by SIGINT), a crash anywhere else.
    let code = status.code().or_else(|| std::os::unix::process::ExitStatusExt::signal(&status).map(|s| -s));
    match code {
        Some(c) if c == expected_exit => {}
        Some(c) if c >= 0 => problems.push(format!("exit {}, expected {}", c, expected_exit)),
        _ => problems.push(format!("crashed ({})", status)),
    }
    if stdout != expected_out {
        let first = stdout
            .lines()
            .zip(expected_out.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(stdout.lines().count().min(expected_out.lines().count()));
        problems.push(format!(
            "stdout differs at line {}: got {:?}, expected {:?}",
            first + 1,
            stdout.lines().nth(first).unwrap_or("<end>"),
            expected_out.lines().nth(first).unwrap_or("<end>")
        ));
    }
    if let Some(e) = expected_err {
        let got = last_line(&stderr);
        if got != e {
            problems.push(format!("last stderr line {:?}, expected {:?}", got, e));
        }
    }
    if let Some(full) = expected_stderr {
        if normalise(&stderr) != full {
            problems.push(format!("stderr differs from the expected traceback:\n{}", normalise(&stderr)));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// Runs the whole corpus with `flags` on a small thread pool.
fn run_corpus(flags: &'static [&'static str]) {
    let all = cases();
    assert!(all.len() > 200, "conformance corpus not found");
    let known = known_failures();
    for k in known.keys() {
        assert!(all.contains(k), "known_failures.txt lists {} which is not in the corpus", k);
    }
    let queue = Arc::new(Mutex::new(all.clone()));
    let results = Arc::new(Mutex::new(BTreeMap::new()));
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2);
    let mut handles = Vec::new();
    for _ in 0..workers {
        let q = queue.clone();
        let r = results.clone();
        handles.push(std::thread::spawn(move || loop {
            let case = match q.lock().unwrap().pop() {
                Some(c) => c,
                None => break,
            };
            let res = check(&case, flags);
            r.lock().unwrap().insert(case, res);
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    let results = results.lock().unwrap();
    let mut failures = Vec::new();
    let mut passed = 0;
    for (case, res) in results.iter() {
        match (res, known.get(case)) {
            (Ok(()), None) => passed += 1,
            (Ok(()), Some(_)) => failures.push(format!("{}: passes but is listed in known_failures.txt", case)),
            (Err(_), Some(_)) => {}
            (Err(e), None) => failures.push(format!("{}: {}", case, e)),
        }
    }
    eprintln!("conformance {:?}: {} passed, {} known failures, {} unexpected", flags, passed, known.len(), failures.len());
    if !failures.is_empty() {
        panic!("{} conformance failures with {:?}:\n{}", failures.len(), flags, failures.join("\n"));
    }
}

#[test]
fn conformance_default() {
    run_corpus(&[]);
}

#[test]
fn conformance_jit_off() {
    run_corpus(&["--jit=off"]);
}

/// The JIT compiles every loop on its first back-edge: the whole corpus
/// must give exactly the interpreter's (and CPython's) results.
#[test]
fn conformance_jit_every_loop() {
    run_corpus(&["--jit-threshold=1"]);
}

/// The same with every JIT optimisation off: every instruction goes
/// through the generic helper, exercising exits and write-back alone.
#[test]
fn conformance_jit_every_loop_no_opts() {
    run_corpus(&["--jit-threshold=1", "--jit-opt=none"]);
}

/// Compilation on the compiler thread (`--jit-opt=+background`, off by
/// default): code installed while the interpreter runs the region, at
/// whatever point the compiler thread is done.
#[test]
fn conformance_jit_background() {
    run_corpus(&["--jit-threshold=2", "--jit-opt=+background"]);
}

/// Exception handlers left to the interpreter (`--jit-opt=-catch`; compiled
/// into regions by default): the cases about exceptions, generators,
/// tracebacks and the JIT's guards, every loop compiled at once.
#[test]
fn conformance_jit_catch() {
    let flags: &[&str] = &["--jit-threshold=1", "--jit-opt=-catch,-catchinlined"];
    let known = known_failures();
    let mut failures = Vec::new();
    let mut n = 0;
    for case in cases() {
        if !["jit_guards/", "exceptions/", "generators/", "tracebacks/", "control/"].iter().any(|d| case.starts_with(d))
            || known.contains_key(&case)
        {
            continue;
        }
        n += 1;
        if let Err(e) = check(&case, flags) {
            failures.push(format!("{}: {}", case, e));
        }
    }
    assert!(n > 40, "conformance corpus not found");
    assert!(failures.is_empty(), "{} failures with {:?}:\n{}", failures.len(), flags, failures.join("\n"));
    // The same at the default threshold (speculation from profiles), and
    // `catch` without `catchinlined`.
    for case in ["jit_guards/exc_catch.py", "jit_guards/exc_catch_finally.py", "jit_guards/excs2.py"] {
        check(case, &["--jit-opt=-catch,-catchinlined"]).unwrap();
        check(case, &["--jit-threshold=1", "--jit-opt=-catchinlined"]).unwrap();
    }
}

/// Runs a case and returns (stdout, exit code).
fn output_of(case: &str, flags: &[&str]) -> (String, Option<i32>) {
    let path = corpus_dir().join(case);
    let out = Command::new(env!("CARGO_BIN_EXE_spry"))
        .args(flags)
        .arg(path.file_name().unwrap())
        .current_dir(path.parent().unwrap())
        .stdin(Stdio::null())
        .output()
        .expect("cannot run spry");
    (String::from_utf8_lossy(&out.stdout).to_string(), out.status.code())
}

/// Programs that do not match CPython yet must still give the same output
/// with and without the JIT: the interpreter is the JIT's oracle.
#[test]
fn jit_agrees_with_interpreter_on_known_failures() {
    let mut bad = Vec::new();
    for case in known_failures().keys() {
        let off = output_of(case, &["--jit=off"]);
        for flags in [&["--jit-threshold=1"][..], &["--jit-threshold=1", "--jit-opt=none"][..]] {
            let on = output_of(case, flags);
            if on != off {
                bad.push(format!("{} with {:?}: {:?} vs interpreter {:?}", case, flags, on, off));
            }
        }
    }
    assert!(bad.is_empty(), "JIT output differs from the interpreter:\n{}", bad.join("\n"));
}
