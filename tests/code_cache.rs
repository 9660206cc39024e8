//! The compiled-code cache (`src/compiler/cache.rs`): a run that compiles
//! and stores modules, a run that loads them, and a run without the cache
//! give the same output, tracebacks through library code included, and a
//! changed module is compiled again.

use std::process::Command;

fn run(cache: &str, dir: &std::path::Path, script: &str) -> (String, String, i32) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_spry")).arg(script).env("SPRY_CACHE_DIR", cache).current_dir(dir).output().expect("run spry");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1))
}

#[test]
fn cached_modules_behave_as_compiled_ones() {
    let base = std::env::temp_dir().join(format!("spry-code-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    std::fs::create_dir_all(&base).unwrap();
    let cache = base.join("cache");
    let cache_s = cache.to_str().unwrap();
    std::fs::write(base.join("helper.py"), "def f(x):\n    '''doc'''\n    return [x * 2, 1.5, -7, 10**30, b'b', (1, 'two'), ...]\n")
        .unwrap();
    std::fs::write(
        base.join("main.py"),
        "import re, fractions, statistics, argparse, helper\n\
         print(re.sub(r'(\\d+)', lambda m: str(int(m.group(1)) * 2), 'a1 b22 c333'))\n\
         print(fractions.Fraction(3, 4) + fractions.Fraction(1, 6), statistics.mean([1, 2, 3, 4]))\n\
         print(helper.f(3), helper.f.__doc__, helper.f.__code__.co_firstlineno)\n\
         p = argparse.ArgumentParser(prog='t')\n\
         p.add_argument('--n', type=int, default=5)\n\
         print(p.parse_args([]).n)\n\
         re.compile('(unclosed')\n",
    )
    .unwrap();
    let off = run("off", &base, "main.py");
    assert!(off.1.contains("re.error: missing ), unterminated subpattern at position 0"), "{}", off.1);
    assert!(!cache.exists());
    let cold = run(cache_s, &base, "main.py");
    let stored = std::fs::read_dir(&cache).unwrap().count();
    assert!(stored >= 6, "{} files stored", stored);
    let warm = run(cache_s, &base, "main.py");
    assert_eq!(cold, off);
    assert_eq!(warm, off);
    // No file was added by the warm run.
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), stored);
    // A changed module is compiled again (and stored beside the old one).
    std::fs::write(base.join("helper.py"), "def f(x):\n    return 'changed'\n").unwrap();
    let changed = run(cache_s, &base, "main.py");
    assert!(changed.0.contains("changed None 1"), "{}", changed.0);
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), stored + 1);
    let _ = std::fs::remove_dir_all(&base);
}
