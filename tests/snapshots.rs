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
