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
    let (out, err, code) = spry_in(&dir, &["-m", "nosuchmodule"], &[]);
    assert_eq!((out.as_str(), code), ("", Some(1)));
    assert!(err.ends_with(": No module named nosuchmodule\n"), "{}", err);
    let (out, _, _) = spry_in(&dir, &["-m", "pk"], &[]);
    assert_eq!(out, format!("['{cwd}/pk/__main__.py'] {cwd}/pk/__main__.py True\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `spry_in` without the PYTHON* variables of the caller's environment.
fn spry_clean(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> (String, String, Option<i32>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spry"));
    for (k, _) in std::env::vars() {
        if k.starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    let out = cmd.args(args).envs(env.iter().copied()).current_dir(dir).output().expect("run spry");
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

/// CPython's interpreter flags: `-O` (no asserts, `__debug__` False),
/// `-OO` (no docstrings), `-x` (first line skipped, line numbers kept),
/// `-u` and `PYTHONUNBUFFERED` (ignored under `-E`), `sys.flags`,
/// `-X` (`sys._xoptions`), `-I` and `-P` (no script directory in `sys.path`).
#[test]
fn interpreter_flags() {
    let dir = std::env::temp_dir().join(format!("spry_interpreter_flags_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("opt.py"),
        "\"mdoc\"\nclass A:\n    \"cdoc\"\ndef f():\n    \"fdoc\"\n    assert False, \"boom\"\nprint(__doc__, A.__doc__, f.__doc__, __debug__)\nif __debug__:\n    print(\"debug\")\nf()\nprint(\"ok\")\n",
    )
    .unwrap();
    let (out, err, code) = spry_clean(&dir, &["opt.py"], &[]);
    assert_eq!(out, "mdoc cdoc fdoc True\ndebug\n");
    assert!(err.ends_with("    assert False, \"boom\"\nAssertionError: boom\n"), "{}", err);
    assert_eq!(code, Some(1));
    let (out, _, code) = spry_clean(&dir, &["-O", "opt.py"], &[]);
    assert_eq!((out.as_str(), code), ("mdoc cdoc fdoc False\nok\n", Some(0)));
    let (out, _, code) = spry_clean(&dir, &["-OO", "opt.py"], &[]);
    assert_eq!((out.as_str(), code), ("None None None False\nok\n", Some(0)));

    std::fs::write(dir.join("skip.py"), "not python at all\nimport sys\nprint(sys._getframe().f_lineno)\n").unwrap();
    let (out, _, code) = spry_clean(&dir, &["-x", "skip.py"], &[]);
    assert_eq!((out.as_str(), code), ("3\n", Some(0)));

    // stdout to a pipe is block-buffered: os.write gets there first, and
    // os._exit loses what is still buffered (as CPython).
    let prog = "import os; print('a'); os.write(1, b'b\\n'); os._exit(3)";
    let (out, _, code) = spry_clean(&dir, &["-c", prog], &[]);
    assert_eq!((out.as_str(), code), ("b\n", Some(3)));
    let (out, _, _) = spry_clean(&dir, &["-u", "-c", prog], &[]);
    assert_eq!(out, "a\nb\n");
    let direct = "import os, sys; sys.stdout.write('a\\n'); os.write(1, b'b\\n'); os._exit(3)";
    let (out, _, _) = spry_clean(&dir, &["-u", "-c", direct], &[]);
    assert_eq!(out, "a\nb\n");
    let (out, _, _) = spry_clean(&dir, &["-c", prog], &[("PYTHONUNBUFFERED", "1")]);
    assert_eq!(out, "a\nb\n");
    let (out, _, _) = spry_clean(&dir, &["-E", "-c", prog], &[("PYTHONUNBUFFERED", "1")]);
    assert_eq!(out, "b\n");

    let show = "import sys; print(sys.flags); print(sys._xoptions, sys.path)";
    let (out, _, _) = spry_clean(&dir, &["-bb", "-qsSdB", "-OO", "-X", "dev", "-Xa=b", "-I", "-c", show], &[]);
    assert_eq!(
        out,
        "sys.flags(debug=1, inspect=0, interactive=0, optimize=2, dont_write_bytecode=1, no_user_site=1, no_site=1, \
         ignore_environment=1, verbose=0, bytes_warning=2, quiet=1, hash_randomization=0, isolated=1, dev_mode=True, \
         utf8_mode=0, warn_default_encoding=0, safe_path=True, int_max_str_digits=-1)\n{'dev': True, 'a': 'b'} []\n"
    );
    let (out, _, _) = spry_clean(&dir, &["-P", "opt.py"], &[]);
    assert_eq!(out, "mdoc cdoc fdoc True\ndebug\n");
    // `--compare` runs both tiers with the same interpreter options.
    std::fs::write(dir.join("note.py"), "import sys\nopen(sys.argv[1], 'a').write(str(__debug__) + ' ')\n").unwrap();
    let (_, _, code) = spry_clean(&dir, &["--compare", "--runs", "1", "-O", "note.py", "notes.txt"], &[]);
    assert_eq!(code, Some(0));
    assert_eq!(std::fs::read_to_string(dir.join("notes.txt")).unwrap(), "False False ");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An uncaught KeyboardInterrupt ends the process by SIGINT after the
/// traceback, as in CPython (a shell shows 130); `os.get_terminal_size`
/// fails on a descriptor that is not a terminal; argparse wraps at
/// `$COLUMNS - 2`.
#[test]
fn interrupt_status_and_terminal_size() {
    use std::os::unix::process::ExitStatusExt;
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).args(["-c", "print('x'); raise KeyboardInterrupt"]).output().expect("run spry");
    assert_eq!(out.status.signal(), Some(2));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "x\n");
    assert!(String::from_utf8(out.stderr).unwrap().ends_with("\nKeyboardInterrupt\n"));
    let prog = "import os\ntry:\n    os.get_terminal_size(99)\nexcept OSError as e:\n    print(e)\nprint(os.terminal_size((3, 4)))\n\
                import argparse\np = argparse.ArgumentParser(prog='t')\nfor o in 'abcdefgh':\n    p.add_argument('--' + o * 3)\np.print_usage()\n";
    let out = Command::new(env!("CARGO_BIN_EXE_spry")).args(["-c", prog]).env("COLUMNS", "40").output().expect("run spry");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "[Errno 9] Bad file descriptor\nos.terminal_size(columns=3, lines=4)\n\
         usage: t [-h] [--aaa AAA] [--bbb BBB]\n         [--ccc CCC] [--ddd DDD]\n         [--eee EEE] [--fff FFF]\n         [--ggg GGG] [--hhh HHH]\n"
    );
}
