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

/// The main script's name is absolute, as CPython 3.11 makes it: the
/// working directory, `/` and the path as given, not normalised (tracebacks,
/// `__file__`); `sys.path[0]` is its real directory, `sys.argv[0]` the path
/// as given.
#[test]
fn main_script_path_is_absolute() {
    let dir = std::env::temp_dir().join(format!("spry_script_path_{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("sub").join("prog.py"),
        "import sys\nprint(__file__)\nprint(sys.argv[0])\nprint(sys.path[0])\nraise ValueError('x')\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).arg("./sub/prog.py").current_dir(&dir).output().expect("run spry");
    let cwd = std::fs::canonicalize(&dir).unwrap().display().to_string();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(stdout, format!("{cwd}/./sub/prog.py\n./sub/prog.py\n{cwd}/sub\n"));
    assert!(stderr.contains(&format!("File \"{cwd}/./sub/prog.py\", line 5, in <module>")), "{}", stderr);
    assert_eq!(out.status.code(), Some(1));
}
