//! The `spry` command line.

use std::io::Read;

use clap::{Parser, ValueEnum};

use spry::compiler::Mode;
use spry::objects::Value;
use spry::vm::{ExcKind, PyErr, Vm};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum OnOff {
    On,
    Off,
}

/// Spry: a fast Python 3.11 implementation with a Cranelift JIT.
#[derive(Parser, Debug)]
#[command(
    name = "spry",
    version,
    about,
    override_usage = "spry [OPTIONS] FILE [ARGS...]\n       spry [OPTIONS] -c CODE [ARGS...]\n       spry [OPTIONS] -m MODULE [ARGS...]\n       spry [OPTIONS] - [ARGS...]   (program read from stdin)"
)]
struct Cli {
    /// Run CODE as the program (`sys.argv[0]` is '-c').
    #[arg(short = 'c', value_name = "CODE")]
    command: Option<String>,
    /// Run library module MODULE as a script.
    #[arg(short = 'm', value_name = "MODULE")]
    module: Option<String>,
    /// Optimise as CPython's `-O`: assert statements are not compiled and
    /// `__debug__` is False; `-OO` also drops docstrings.
    #[arg(short = 'O', action = clap::ArgAction::Count)]
    optimize: u8,
    /// Unbuffered stdout (as `PYTHONUNBUFFERED`): every write is flushed.
    #[arg(short = 'u')]
    unbuffered: bool,
    /// Skip the source's first line (line numbers stay those of the file).
    #[arg(short = 'x')]
    skip_first_line: bool,
    /// Ignore the PYTHON* environment variables (PYTHONWARNINGS, PYTHONUNBUFFERED).
    #[arg(short = 'E')]
    ignore_environment: bool,
    /// Isolated mode: implies -E, -P and -s.
    #[arg(short = 'I')]
    isolated: bool,
    /// Do not prepend the script's directory to sys.path.
    #[arg(short = 'P')]
    safe_path: bool,
    /// Implementation-specific options, `-X name[=value]` (`sys._xoptions`;
    /// `-X dev` sets `sys.flags.dev_mode`).
    #[arg(short = 'X', value_name = "OPT", action = clap::ArgAction::Append)]
    xoptions: Vec<String>,
    /// Accepted as CPython does, shown in `sys.flags` only: -b (bytes
    /// warnings), -B (no .pyc files: Spry writes none), -d, -q, -s, -S, -v.
    #[arg(short = 'b', action = clap::ArgAction::Count)]
    bytes_warning: u8,
    #[arg(short = 'B', hide = true)]
    dont_write_bytecode: bool,
    #[arg(short = 'd', action = clap::ArgAction::Count, hide = true)]
    debug: u8,
    #[arg(short = 'q', hide = true)]
    quiet: bool,
    #[arg(short = 's', hide = true)]
    no_user_site: bool,
    #[arg(short = 'S', hide = true)]
    no_site: bool,
    #[arg(short = 'v', action = clap::ArgAction::Count, hide = true)]
    verbose: u8,
    /// Warning control, as CPython's `-W`: `action:message:category:module:lineno`
    /// (`-W error`, `-W ignore::DeprecationWarning`); repeatable, the last wins.
    #[arg(short = 'W', value_name = "ARG", action = clap::ArgAction::Append)]
    warnings: Vec<String>,
    /// Print the AST of FILE as CPython's `ast.dump(..., indent=4)` does, and exit.
    #[arg(long)]
    ast: bool,
    /// Print the register bytecode of every code object in FILE, and exit.
    #[arg(long)]
    dis: bool,
    /// After running, print the hottest loops and functions with their counters.
    #[arg(long)]
    stats: bool,
    /// Switch the JIT on or off.
    #[arg(long, value_enum, default_value = "on", value_name = "on|off")]
    jit: OnOff,
    /// Back-edge count at which a loop is compiled (1: compile every loop at once).
    #[arg(long, value_name = "N")]
    jit_threshold: Option<u32>,
    /// Print JIT statistics to stderr when the program ends: loops
    /// compiled, compile time, guard failures per site, runs per loop.
    #[arg(long)]
    jit_stats: bool,
    /// For each compiled loop, print its source lines, the trace (Spry's
    /// JIT IR) and the Cranelift IR to stderr.
    #[arg(long)]
    jit_log: bool,
    /// Switch JIT optimisations on or off: `-inline,-unbox`, `none`, `all`;
    /// `list` prints them all.
    #[arg(long, value_name = "OPTS")]
    jit_opt: Option<String>,
    /// Run FILE with the JIT off and on (a few runs each), check that the
    /// outputs agree, and print a timing table.
    #[arg(long)]
    compare: bool,
    /// Runs per tier for --compare.
    #[arg(long, default_value_t = 3, value_name = "N")]
    runs: usize,
    /// Program file followed by its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, value_name = "FILE [ARGS]")]
    args: Vec<String>,
}

/// Parses the command line. As in CPython, everything after `-m MODULE` or
/// `-c CODE` belongs to the program (`spry -m timeit -h` is timeit's help).
fn parse_cli() -> Cli {
    let argv: Vec<String> = std::env::args().collect();
    // The interpreter's options (before the program), with `-Wvalue`
    // written `-W value` (clap would take it for the program's name).
    let mut opts: Vec<String> = vec![argv[0].clone()];
    let mut split = None;
    let mut i = 1;
    while i < argv.len() {
        let a = argv[i].as_str();
        if a == "-m" || a == "-c" {
            opts.extend(argv[i..(i + 2).min(argv.len())].iter().cloned());
            split = Some(i + 2);
            break;
        }
        if (a.starts_with("-m") || a.starts_with("-c")) && !a.starts_with("--") {
            opts.push(a.to_string());
            split = Some(i + 1);
            break;
        }
        if !a.starts_with('-') {
            break;
        }
        if let Some((o, v)) = ["-W", "-X"].iter().find_map(|o| a.strip_prefix(o).filter(|v| !v.is_empty()).map(|v| (o, v))) {
            opts.extend([o.to_string(), v.to_string()]);
            i += 1;
            continue;
        }
        opts.push(a.to_string());
        // Options that take a separate value.
        if ["-W", "-X", "--jit", "--jit-threshold", "--jit-opt", "--runs"].contains(&a) {
            if let Some(v) = argv.get(i + 1) {
                opts.push(v.clone());
            }
            i += 1;
        }
        i += 1;
    }
    let rest = &argv[split.unwrap_or(i).min(argv.len())..];
    match split {
        Some(_) if !rest.is_empty() => {
            let mut cli = Cli::parse_from(&opts);
            cli.args.extend(rest.iter().cloned());
            cli
        }
        _ => Cli::parse_from(opts.iter().chain(rest)),
    }
}

fn main() {
    let cli = parse_cli();
    // The VM runs on a thread with a large native stack, so that deep
    // recursion through Rust code (repr of deep structures, callbacks) hits
    // RecursionError instead of a stack overflow.
    let handle = std::thread::Builder::new()
        .name("spry".into())
        .stack_size(spry::vm::NATIVE_STACK_SIZE)
        .spawn(move || run(cli))
        .expect("cannot start the interpreter thread");
    // Signals go to the interpreter's thread, which runs their handlers.
    spry::modules::signal::block_in_this_thread();
    let code = handle.join().unwrap_or(70);
    std::process::exit(code);
}

/// The main script's file name as CPython 3.11 makes it (`_Py_abspath`):
/// the path as given when absolute, else the working directory, `/` and
/// the path, not normalised (`./x.py` from `/w` is `/w/./x.py`). Tracebacks,
/// `__file__`, warnings and `sys.path[0]` show it; `sys.argv[0]` keeps the
/// path as given.
fn script_path(f: &str) -> String {
    if f.starts_with('/') {
        return f.to_string();
    }
    match spry::vm::start_dir() {
        Some(d) => format!("{}/{}", d, f),
        None => f.to_string(),
    }
}

/// Reads the program: (source, filename shown in tracebacks, sys.argv).
fn program(cli: &Cli) -> Result<(String, String, Vec<String>), String> {
    if let Some(code) = &cli.command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(cli.args.iter().cloned());
        return Ok((code.clone(), "<string>".into(), argv));
    }
    match cli.args.first() {
        None => Err("no program given (try --help)".into()),
        Some(f) if f == "-" => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read stdin: {}", e))?;
            let mut argv = vec!["-".to_string()];
            argv.extend(cli.args[1..].iter().cloned());
            Ok((s, "<stdin>".into(), argv))
        }
        Some(f) => {
            let bytes = std::fs::read(f).map_err(|e| {
                format!(
                    "can't open file '{}': [Errno {}] {}",
                    std::fs::canonicalize(f).map(|p| p.display().to_string()).unwrap_or_else(|_| f.clone()),
                    e.raw_os_error().unwrap_or(2),
                    match e.kind() {
                        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                        _ => e.to_string(),
                    }
                )
            })?;
            let mut s = String::from_utf8(bytes).map_err(|_| format!("'{}' is not valid UTF-8", f))?;
            if cli.skip_first_line {
                // (The line is emptied, not removed: the others keep their numbers.)
                let end = s.find('\n').unwrap_or(s.len());
                s.replace_range(..end, "");
            }
            Ok((s, script_path(f), cli.args.clone()))
        }
    }
}

/// The CPython-style interpreter options of `cli` as arguments again (for
/// `--compare`'s runs).
fn interpreter_args(cli: &Cli) -> Vec<String> {
    let mut a = Vec::new();
    for (c, n) in [('O', cli.optimize), ('b', cli.bytes_warning), ('d', cli.debug), ('v', cli.verbose)] {
        a.extend((0..n).map(|_| format!("-{}", c)));
    }
    let flags = [
        ('u', cli.unbuffered),
        ('x', cli.skip_first_line),
        ('E', cli.ignore_environment),
        ('I', cli.isolated),
        ('P', cli.safe_path),
        ('B', cli.dont_write_bytecode),
        ('q', cli.quiet),
        ('s', cli.no_user_site),
        ('S', cli.no_site),
    ];
    a.extend(flags.iter().filter(|f| f.1).map(|f| format!("-{}", f.0)));
    for w in &cli.warnings {
        a.extend(["-W".to_string(), w.clone()]);
    }
    for x in &cli.xoptions {
        a.extend(["-X".to_string(), x.clone()]);
    }
    a
}

/// `--compare`: the everyday way to compare interpreted and JIT timings.
fn compare(cli: &Cli) -> i32 {
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("spry: cannot find own executable: {}", e);
            return 2;
        }
    };
    if cli.args.is_empty() {
        eprintln!("spry --compare: no program given");
        return 2;
    }
    let tiers: [(&str, Vec<String>); 2] = [("interpreter", vec!["--jit=off".into()]), ("jit", vec!["--jit=on".into()])];
    let totals_file = std::env::temp_dir().join(format!("spry-compare-{}.txt", std::process::id()));
    // (stdout, exit code) of every run: all must agree.
    let mut outputs: Vec<(Vec<u8>, Option<i32>)> = Vec::new();
    let mut medians = Vec::new();
    let mut jit_totals: Vec<(u64, f64, u64)> = Vec::new();
    for (name, flags) in &tiers {
        let mut times = Vec::new();
        for _ in 0..cli.runs.max(1) {
            let mut cmd = std::process::Command::new(&exe);
            cmd.args(interpreter_args(cli)).args(flags);
            if let Some(t) = cli.jit_threshold {
                cmd.arg(format!("--jit-threshold={}", t));
            }
            if let Some(o) = &cli.jit_opt {
                cmd.arg(format!("--jit-opt={}", o));
            }
            if *name == "jit" {
                cmd.env("SPRY_JIT_TOTALS", &totals_file);
            }
            cmd.args(&cli.args).stdin(std::process::Stdio::null());
            let start = std::time::Instant::now();
            let out = match cmd.output() {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("spry --compare: cannot run: {}", e);
                    return 2;
                }
            };
            times.push(start.elapsed().as_secs_f64());
            if out.status.code().is_none() {
                eprintln!("spry --compare: the {} run crashed ({}):\n{}", name, out.status, String::from_utf8_lossy(&out.stderr));
                return 1;
            }
            if *name == "jit" {
                if let Ok(t) = std::fs::read_to_string(&totals_file) {
                    let v: Vec<&str> = t.split_whitespace().collect();
                    if v.len() == 3 {
                        jit_totals.push((v[0].parse().unwrap_or(0), v[1].parse().unwrap_or(0.0), v[2].parse().unwrap_or(0)));
                    }
                }
            }
            outputs.push((out.stdout, out.status.code()));
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        medians.push(times[times.len() / 2]);
    }
    let _ = std::fs::remove_file(&totals_file);
    if outputs.windows(2).any(|w| w[0] != w[1]) {
        eprintln!("spry --compare: outputs differ between runs or tiers");
        return 1;
    }
    let (loops, compile, guards) = jit_totals.get(jit_totals.len() / 2).copied().unwrap_or((0, 0.0, 0));
    println!("{:<12} {:>10} {:>9} {:>13} {:>6} {:>15}", "tier", "median", "speed-up", "compile time", "loops", "guard failures");
    println!("{:<12} {:>9.3}s {:>8.2}x {:>13} {:>6} {:>15}", tiers[0].0, medians[0], 1.0, "-", "-", "-");
    println!(
        "{:<12} {:>9.3}s {:>8.2}x {:>10.1} ms {:>6} {:>15}",
        tiers[1].0,
        medians[1],
        medians[0] / medians[1],
        compile * 1000.0,
        loops,
        guards
    );
    println!("outputs identical across {} runs", outputs.len());
    0
}

fn run(cli: Cli) -> i32 {
    // (Before the first VM: its builtins' `__debug__` depends on it.)
    spry::compiler::set_optimize(cli.optimize);
    if cli.jit_opt.as_deref() == Some("list") {
        for (name, what) in spry::jit::OPTIMIZATIONS {
            println!("{:<10} {}", name, what);
        }
        return 0;
    }
    if cli.compare {
        return compare(&cli);
    }
    if let Some(m) = &cli.module {
        let mut vm = Vm::new();
        // As CPython: `sys.argv[0]` and `__file__` are the module file's
        // absolute path, `sys.path[0]` the working directory.
        let file = find_module_file(m).map(|f| script_path(&f));
        let mut argv = vec![file.clone().unwrap_or_else(|| m.clone())];
        argv.extend(cli.args.iter().cloned());
        let cwd = spry::vm::start_dir().map(|d| d.to_string()).unwrap_or_else(|| ".".into());
        spry::modules::sys::set_argv(&mut vm, argv, &cwd);
        configure_interpreter(&mut vm, &cli);
        if let Err(e) = configure_jit(&mut vm, &cli) {
            eprintln!("spry: {}", e);
            return 2;
        }
        let r = run_module(&mut vm, m, file.as_deref());
        return finish(&mut vm, r);
    }
    let (source, filename, argv) = match program(&cli) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("spry: {}", e);
            return 2;
        }
    };
    if cli.ast {
        return match spry::frontend::parse(&source, &filename, Mode::Exec) {
            Ok(m) => {
                print!("{}", spry::frontend::dump_ast(&m, &source));
                0
            }
            Err(e) => {
                let mut vm = Vm::new();
                let mut err = spry::vm::exceptions::syntax_error(&mut vm, &e, &filename, &source);
                vm.print_exception(&mut err);
                1
            }
        };
    }
    if cli.dis {
        return match spry::frontend::compile(&source, &filename, Mode::Exec) {
            Ok(code) => {
                let mut out = String::new();
                spry::bytecode::disassemble(&code, &mut out);
                print!("{}", out);
                0
            }
            Err(e) => {
                let mut vm = Vm::new();
                let mut err = spry::vm::exceptions::syntax_error(&mut vm, &e, &filename, &source);
                vm.print_exception(&mut err);
                1
            }
        };
    }
    let mut vm = Vm::new();
    if let Err(e) = configure_jit(&mut vm, &cli) {
        eprintln!("spry: {}", e);
        return 2;
    }
    // `sys.path[0]`: the directory of the script's real path (symbolic
    // links resolved, `.` and `..` gone), as CPython computes it.
    let real = std::fs::canonicalize(&filename).ok();
    let script_path = real.as_deref().unwrap_or(std::path::Path::new(&filename));
    let script_dir = match script_path.parent() {
        Some(p) if !p.as_os_str().is_empty() && cli.command.is_none() && filename != "<stdin>" => p.display().to_string(),
        _ => String::new(),
    };
    spry::modules::sys::set_argv(&mut vm, argv, &script_dir);
    configure_interpreter(&mut vm, &cli);
    let result = vm.run_main(&source, &filename);
    let code = finish(&mut vm, result);
    if cli.stats {
        print_stats(&vm);
    }
    if cli.jit_stats || vm.jit.log {
        // Compilations still in flight on the compiler thread: their
        // figures and logs are part of the report.
        vm.jit_wait_all();
    }
    if cli.jit_stats {
        eprint!("{}", vm.jit_stats_report());
    }
    if let Ok(path) = std::env::var("SPRY_JIT_TOTALS") {
        // Used by --compare to collect JIT figures from its child runs.
        let (loops, t, guards) = vm.jit_totals();
        let _ = std::fs::write(path, format!("{} {} {}", loops, t.as_secs_f64(), guards));
    }
    code
}

/// Applies CPython's command-line flags and environment variables to a new
/// VM: `sys.flags`, `sys._xoptions`, `sys.warnoptions`, stdout buffering.
fn configure_interpreter(vm: &mut Vm, cli: &Cli) {
    // SIGINT raises KeyboardInterrupt from here on.
    spry::modules::signal::init(vm);
    let use_env = !(cli.ignore_environment || cli.isolated);
    let env_set = |name: &str| use_env && std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let flags = spry::modules::sys::Flags {
        debug: cli.debug,
        optimize: cli.optimize,
        dont_write_bytecode: cli.dont_write_bytecode || env_set("PYTHONDONTWRITEBYTECODE"),
        no_user_site: cli.no_user_site || cli.isolated,
        no_site: cli.no_site,
        ignore_environment: !use_env,
        verbose: cli.verbose,
        bytes_warning: cli.bytes_warning,
        quiet: cli.quiet,
        isolated: cli.isolated,
        dev_mode: cli.xoptions.iter().any(|x| x == "dev"),
        safe_path: cli.safe_path || cli.isolated,
    };
    if flags.safe_path {
        spry::modules::sys::clear_path(vm);
    }
    spry::modules::sys::set_flags(vm, &flags);
    spry::modules::sys::set_xoptions(vm, &cli.xoptions);
    spry::modules::sys::set_warnoptions(vm, &cli.warnings, use_env);
    if cli.unbuffered || env_set("PYTHONUNBUFFERED") {
        vm.stdout_flush = spry::vm::StdoutFlush::Always;
    }
}

fn configure_jit(vm: &mut Vm, cli: &Cli) -> Result<(), String> {
    vm.jit.enabled = cli.jit == OnOff::On;
    if let Some(t) = cli.jit_threshold {
        vm.jit.threshold = t.max(1);
    }
    if let Some(o) = &cli.jit_opt {
        vm.jit.opts = spry::jit::JitOpts::parse(o)?;
    }
    vm.jit.stats = cli.jit_stats;
    vm.jit.log = cli.jit_log;
    vm.jit_threshold = if vm.jit.enabled { vm.jit.threshold } else { u32::MAX };
    vm.jit_watch = vm.jit_threshold.saturating_sub(spry::jit::ENTRY_WATCH);
    if vm.jit.enabled && vm.jit.opts.has("background") {
        // The compiler thread starts (and warms up) with the program.
        vm.jit_start();
    }
    Ok(())
}

/// Runs module `name` as `__main__`: `file`, the module's file as
/// `find_module_file` found it (absolute), or else a module shipped inside
/// the binary (`spry -m timeit ...`).
fn run_module(vm: &mut Vm, name: &str, file: Option<&str>) -> Result<(), PyErr> {
    let Some(path) = file else {
        if let Some(m) = spry::modules::py_source(name) {
            let source = spry::modules::source_text(m);
            return vm.run_main(&source, &format!("<frozen {}>", name));
        }
        eprintln!("{}: No module named {}", std::env::args().next().unwrap_or_else(|| "spry".into()), name);
        return Err(PyErr::with_args(ExcKind::SystemExit, vec![Value::Int(1)]));
    };
    let source = std::fs::read_to_string(path).map_err(|e| PyErr::new(ExcKind::OSError, e.to_string()))?;
    vm.run_main(&source, path)
}

fn find_module_file(name: &str) -> Option<String> {
    let rel = name.replace('.', "/");
    [format!("{}.py", rel), format!("{}/__main__.py", rel)].into_iter().find(|cand| std::path::Path::new(cand).is_file())
}

/// Handles the outcome of the program: exit code, printing uncaught exceptions.
fn finish(vm: &mut Vm, result: Result<(), PyErr>) -> i32 {
    let mut interrupted = false;
    let code = match result {
        Ok(()) => 0,
        Err(mut e) => {
            if vm.err_is(&e, ExcKind::SystemExit) {
                let exc = vm.materialize(&mut e);
                let c = vm.get_attr(&exc, "code").unwrap_or(Value::None);
                // (CPython's `_Py_HandleSystemExit`: any int, subclasses
                // included, is the status, cast to a C int; one too large
                // for a C long is -1.)
                let int_value = vm.unwrap_builtin(&c).into_owned();
                match int_value {
                    Value::None => 0,
                    Value::Int(i) => i as i32,
                    Value::Bool(b) => b as i32,
                    Value::BigInt(_) => -1,
                    _ => {
                        let other = c;
                        let s = vm.str_of(&other).unwrap_or_default();
                        vm.write_stderr(&format!("{}\n", s));
                        1
                    }
                }
            } else {
                interrupted = vm.err_is(&e, ExcKind::KeyboardInterrupt);
                vm.report_uncaught(&mut e);
                1
            }
        }
    };
    vm.run_exit_hooks();
    // Finalizers of the objects still alive, as CPython's shutdown runs them.
    vm.finalize_at_exit();
    spry::modules::io::flush_all_files();
    vm.flush_stdout();
    if interrupted {
        exit_by_sigint();
    }
    code
}

/// After an uncaught KeyboardInterrupt, CPython ends by SIGINT with its
/// default action, so that a shell or parent sees the process interrupted
/// (status 130 in a shell, -2 in `subprocess`); so does Spry.
fn exit_by_sigint() {
    unsafe extern "C" {
        fn signal(sig: i32, handler: usize) -> usize;
        fn raise(sig: i32) -> i32;
    }
    const SIGINT: i32 = 2;
    const SIG_DFL: usize = 0;
    // SAFETY: restoring SIGINT's default action and raising it ends the
    // process at once; neither call touches Rust state.
    unsafe {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    // (Not reached: SIGINT's default action ends the process; were it
    // ignored, the caller's exit code 1 stands.)
}

fn print_stats(vm: &Vm) {
    eprint!("{}", vm.stats_report());
}
