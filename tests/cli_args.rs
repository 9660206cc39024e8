//! The command line: as in CPython, everything after `-m MODULE` or
//! `-c CODE` belongs to the program, options included.

use std::process::Command;

fn spry(args: &[&str]) -> (String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).args(args).output().expect("run spry");
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

#[test]
fn options_after_c_go_to_the_program() {
    let (out, ok) = spry(&["-c", "import sys; print(sys.argv)", "-h", "--dis", "a"]);
    assert!(ok);
    assert_eq!(out, "['-c', '-h', '--dis', 'a']\n");
}

#[test]
fn options_after_m_go_to_the_module() {
    let (out, ok) = spry(&["-m", "timeit", "-h"]);
    assert!(ok);
    assert!(out.starts_with("Tool for measuring execution time"), "{}", out);
    let (out, ok) = spry(&["--jit", "off", "-m", "timeit", "-n", "3", "-r", "2", "pass"]);
    assert!(ok);
    assert!(out.starts_with("3 loops, best of 2: "), "{}", out);
}
