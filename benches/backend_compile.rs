//! Backend compile time on regions recorded from the benchmark programs.
//!
//! `perf/regions/*.ir` are the JIT IR of the hot regions of `perf/programs`
//! (recorded with `SPRY_JIT_DUMP=dir target/release/spry
//! perf/programs/NAME.py`, in the textual form of `jit/src/text.rs`). Each
//! benchmark parses one and times `Backend::compile` on it: lowering to
//! Cranelift IR, Cranelift's passes and register allocation, finalisation
//! — the part of compile time that does not depend on the VM. The code is
//! compiled, never run (helper addresses are the recording process's).
//!
//! `cargo bench --bench backend_compile`; `cargo test` runs each once, so
//! the recorded regions keep parsing and compiling as the IR changes.
//! `SPRY_JIT_CLFLAGS=name=value,...` sets Cranelift flags for experiments.
//! Record again after a change to the translator; compare figures only
//! within one run of this bench (perf/results.md).

use criterion::{criterion_group, criterion_main, Criterion};
use spry_jit::{Backend, Function};

fn regions() -> Vec<(String, Function)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("perf/regions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {}", dir.display(), e))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ir"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let f = Function::parse(&text).unwrap_or_else(|e| panic!("{}: {}", p.display(), e));
            (p.file_stem().unwrap().to_string_lossy().into_owned(), f)
        })
        .collect()
}

fn backend_compile(c: &mut Criterion) {
    let backend = Backend::new().unwrap();
    let mut group = c.benchmark_group("backend_compile");
    group.sample_size(20);
    for (name, f) in regions() {
        group.bench_function(&name, |b| {
            b.iter(|| {
                let code = backend.compile(&f).unwrap_or_else(|e| panic!("{}: {}", name, e));
                assert!(code.code_size > 0);
                code.free();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, backend_compile);
criterion_main!(benches);
