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

/// Runs spry in `dir` with `args` and extra environment: (stdout, stderr, exit code).
fn spry_in(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> (String, String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).args(args).envs(env.iter().copied()).current_dir(dir).output().expect("run spry");
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

/// `-W` as CPython's (separate or attached, repeatable, after
/// `PYTHONWARNINGS` in `sys.warnoptions`; the last wins; bad ones reported
/// and ignored); under `-W error` the compiler's SyntaxWarning is a
/// SyntaxError pointing at the comparison.
#[test]
fn warning_options() {
    let dir = std::env::temp_dir().join(format!("spry_warning_options_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lit.py"), "x = 1\nprint(x is 1)\n").unwrap();
    std::fs::write(
        dir.join("opts.py"),
        "import sys, warnings\nprint(sys.warnoptions)\nprint([f[0] for f in warnings.filters[:3]])\nwarnings.warn('u')\nprint('after')\n",
    )
    .unwrap();
    let cwd = std::fs::canonicalize(&dir).unwrap().display().to_string();
    for args in [&["-W", "error", "lit.py"][..], &["-Werror", "lit.py"][..]] {
        let (out, err, code) = spry_in(&dir, args, &[]);
        assert_eq!(out, "");
        assert_eq!(
            err,
            format!("  File \"{cwd}/lit.py\", line 2\n    print(x is 1)\n          ^^^^^^\nSyntaxError: \"is\" with a literal. Did you mean \"==\"?\n")
        );
        assert_eq!(code, Some(1));
    }
    let (out, err, code) = spry_in(&dir, &["lit.py"], &[]);
    assert_eq!(out, "True\n");
    assert_eq!(err, format!("{cwd}/lit.py:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  print(x is 1)\n"));
    assert_eq!(code, Some(0));
    let (out, err, code) =
        spry_in(&dir, &["-Wignore", "-W", "error::UserWarning", "opts.py", "-W", "x"], &[("PYTHONWARNINGS", "always, bogus")]);
    assert_eq!(out, "['always', ' bogus', 'ignore', 'error::UserWarning']\n['error', 'ignore', 'always']\n");
    assert!(err.starts_with("Invalid -W option ignored: invalid action: 'bogus'\nTraceback (most recent call last):\n"), "{}", err);
    assert!(err.ends_with("UserWarning: u\n"), "{}", err);
    assert_eq!(code, Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `-m`: `sys.argv[0]` and `__file__` are the module file's absolute path
/// and `sys.path[0]` the working directory, as in CPython.
#[test]
fn module_paths_are_absolute() {
    let dir = std::env::temp_dir().join(format!("spry_module_paths_{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pk")).unwrap();
    let show = "import sys\nprint(sys.argv, __file__, sys.path[0] == __import__('os').getcwd())\n";
    std::fs::write(dir.join("modprog.py"), show).unwrap();
    std::fs::write(dir.join("pk").join("__main__.py"), show).unwrap();
    let cwd = std::fs::canonicalize(&dir).unwrap().display().to_string();
    let (out, _, code) = spry_in(&dir, &["-m", "modprog", "-W", "a"], &[]);
    assert_eq!(out, format!("['{cwd}/modprog.py', '-W', 'a'] {cwd}/modprog.py True\n"));
    assert_eq!(code, Some(0));
    let (out, _, _) = spry_in(&dir, &["-m", "pk"], &[]);
    assert_eq!(out, format!("['{cwd}/pk/__main__.py'] {cwd}/pk/__main__.py True\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}
