//! The bundled examples that show Python's execution model:
//! `examples/ast_greet.py` must print exactly what CPython 3.11 prints
//! (recorded in `tests/snapshots/ast_greet_example.out`), and
//! `examples/dis_greet.py` prints Spry's register bytecode, checked as a
//! snapshot (`SPRY_UPDATE_SNAPSHOTS=1` rewrites it after an intended change).

use std::path::Path;
use std::process::Command;

fn run_example(name: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).arg(root.join("examples").join(name)).current_dir(root).output().expect("run spry");
    assert!(out.status.success(), "spry examples/{} failed: {}", name, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn check(example: &str, expected: &str, snapshot: bool) {
    let got = run_example(example);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots").join(expected);
    if snapshot && std::env::var_os("SPRY_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {}", path.display()));
    assert_eq!(got, want, "output of examples/{} differs from {}", example, expected);
}

/// Same output as CPython 3.11's `ast.dump(tree, indent=4)`.
#[test]
fn ast_greet_example_matches_cpython() {
    check("ast_greet.py", "ast_greet_example.out", false);
}

/// `dis.dis(compile('greet("World")', '<string>', 'exec'))`: Spry's bytecode.
#[test]
fn dis_greet_example_snapshot() {
    check("dis_greet.py", "dis_greet.dis", true);
}
