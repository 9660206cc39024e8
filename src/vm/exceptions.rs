//! Exception objects: creating them from lazy errors, raising and
//! re-raising, the builtin exception methods, and printing tracebacks the
//! way CPython 3.11 does.

use super::error::{ErrExtra, ExcState};
use super::{Args, ExcKind, PyErr, PyResult, TbEntry, Vm};
use crate::compiler::CompileError;
use crate::objects::*;

thread_local! {
    /// Set while the `traceback` module formats (see `Vm::without_suggestions`):
    /// no "Did you mean", source lines stripped at both ends.
    static NO_SUGGESTIONS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Vm {
    /// Turns the error into an exception object (creating it if lazy) and
    /// records the traceback, context and extra data on it.
    pub fn materialize(&mut self, err: &mut PyErr) -> Value {
        self.materialize_tb(err, false)
    }

    /// `materialize`; with `take_tb`, the traceback moves to the exception
    /// object (for an error that ends here: an `except` catches it).
    pub(crate) fn materialize_tb(&mut self, err: &mut PyErr, take_tb: bool) -> Value {
        let v = match &mut err.0.exc {
            ExcState::Object(v) => v.clone(),
            ExcState::Lazy { kind, args } => {
                let cls = self.types.exc[*kind as usize].clone();
                // Runtime OSErrors (errno, strerror[, filename]) get their
                // attributes as `OSError(...)` would give them.
                let os_family = super::types::is_subclass(&cls, &self.types.exc[ExcKind::OSError as usize]);
                let made = if os_family && (2..=5).contains(&args.len()) {
                    let mut all = vec![Value::Class(cls.clone())];
                    all.extend(args.iter().cloned());
                    os_error_new(self, Args::new(&all)).ok()
                } else {
                    None
                };
                let inst = match made {
                    Some(inst) => inst,
                    None => {
                        let a = Value::tuple(std::mem::take(args));
                        self.new_instance_args(&cls, Some(a))
                    }
                };
                err.0.exc = ExcState::Object(inst.clone());
                inst
            }
        };
        if let Value::Instance(i) = &v {
            if let Some(e) = &i.exc {
                *e.traceback.borrow_mut() = if take_tb { std::mem::take(&mut err.0.tb) } else { err.0.tb.clone() };
                if !err.0.context.is_undef() {
                    let ctx = std::mem::take(&mut err.0.context);
                    if !ctx.is(&v) {
                        e.context.set(ctx);
                    }
                }
                if let Some(x) = err.0.extra.take() {
                    *e.extra.borrow_mut() = Some(x);
                }
            }
        }
        v
    }

    /// The exception object of an error (materialising it).
    pub fn exc_value(&mut self, err: &mut PyErr) -> Value {
        self.materialize(err)
    }

    /// `raise x` / `raise x from cause`.
    pub fn make_raise(&mut self, x: &Value, cause: Option<&Value>) -> PyErr {
        let exc = match self.exception_instance(x) {
            Ok(e) => e,
            Err(e) => return e,
        };
        if let Some(c) = cause {
            let cv = if c.is_none() {
                Value::None
            } else {
                match self.exception_instance(c) {
                    Ok(v) => v,
                    Err(_) => return PyErr::type_error("exception causes must derive from BaseException"),
                }
            };
            if let Value::Instance(i) = &exc {
                if let Some(e) = &i.exc {
                    e.cause.set(cv);
                    e.suppress_context.set(true);
                }
            }
        }
        let tb = exc_traceback(&exc);
        PyErr::from_value(exc, tb)
    }

    /// An exception instance from `raise`'s operand (a class is instantiated).
    fn exception_instance(&mut self, x: &Value) -> PyResult<Value> {
        let base = self.types.exc[ExcKind::BaseException as usize].clone();
        match x {
            Value::Class(c) if super::types::is_subclass(c, &base) => {
                let v = self.call_function(x, &[])?;
                if !self.is_instance(&v, &base) {
                    let r = self.repr_string(x)?;
                    return Err(PyErr::type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        r,
                        self.type_name(&v)
                    )));
                }
                Ok(v)
            }
            _ if self.is_instance(x, &base) => Ok(x.clone()),
            _ => Err(PyErr::type_error("exceptions must derive from BaseException")),
        }
    }

    /// Bare `raise`.
    pub fn reraise_current(&mut self) -> PyErr {
        match self.exc_stack.last().cloned() {
            Some(v) => self.reraise_value(v),
            None => PyErr::runtime_error("No active exception to reraise"),
        }
    }

    /// Re-raises an exception object keeping its traceback.
    pub fn reraise_value(&mut self, v: Value) -> PyErr {
        let tb = exc_traceback(&v);
        let mut e = PyErr::from_value(v, tb);
        e.0.fresh = false;
        e.0.reraised = true;
        e
    }

    /// `NameError` for `name`, remembering where it was looked up.
    pub fn name_error(&mut self, name: &str, globals: &DictObj) -> PyErr {
        let mut e = PyErr::name_error(format!("name '{}' is not defined", name));
        let code = self.frames.last().map(|f| f.code_ref());
        let g = self.frames.last().map(|f| f.globals_ref());
        let _ = globals;
        e.0.extra = Some(Box::new(ErrExtra { name: name.to_string(), obj: Value::Undef, code, globals: g }));
        e
    }

    /// The exception as `str()` shows it (never fails).
    pub fn exc_str(&mut self, v: &Value) -> String {
        match self.str_of(v) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        }
    }

    /// Prints an uncaught exception with its chain, as CPython's default hook does.
    pub fn print_exception(&mut self, err: &mut PyErr) {
        let v = self.materialize(err);
        self.print_exception_value(&v);
    }

    /// An exception with what it was chained to (`__cause__`, else
    /// `__context__`), and the members of exception groups, as CPython's
    /// `print_exception_recursive` writes them.
    /// An exception nobody caught, as CPython's `_PyErr_PrintEx` reports
    /// it: through `sys.excepthook` (printed directly when the hook is
    /// still `sys.__excepthook__`). A hook that raises gets "Error in
    /// sys.excepthook:" and its own traceback, then the original.
    pub fn report_uncaught(&mut self, err: &mut PyErr) {
        let v = self.materialize(err);
        let sys = self.modules.get_str("sys");
        let hook = sys.as_ref().and_then(|m| self.get_attr_opt(m, "excepthook").ok().flatten());
        let original = sys.as_ref().and_then(|m| self.get_attr_opt(m, "__excepthook__").ok().flatten());
        let Some(hook) = hook else {
            self.write_stderr("sys.excepthook is missing\n");
            return self.print_exception_value(&v);
        };
        if original.as_ref().is_some_and(|o| o.is(&hook)) {
            return self.print_exception_value(&v);
        }
        let args = self.exit_args(&v);
        if let Err(mut e2) = self.call_function(&hook, &args) {
            self.flush_stdout();
            self.write_stderr("Error in sys.excepthook:\n");
            let v2 = self.materialize(&mut e2);
            self.print_exception_value(&v2);
            self.write_stderr("\nOriginal exception was:\n");
            self.print_exception_value(&v);
        }
    }

    /// Exception instance `v` with its chain, to stderr.
    pub fn print_exception_value(&mut self, v: &Value) {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_exception_chain(v, &mut out, &mut seen);
        self.write_stderr(&out);
    }

    pub fn format_exception_chain(&mut self, v: &Value, out: &mut String, seen: &mut Vec<usize>) {
        let mut ctx = GroupPrint { depth: 0, need_close: false };
        self.format_exception_recursive(v, out, seen, &mut ctx);
    }

    fn format_exception_recursive(&mut self, v: &Value, out: &mut String, seen: &mut Vec<usize>, ctx: &mut GroupPrint) {
        if let Some(a) = v.heap_addr() {
            seen.push(a);
        }
        if let Value::Instance(i) = v {
            if let Some(e) = &i.exc {
                let cause = e.cause.get();
                let context = e.context.get();
                if !cause.is_undef() && !cause.is_none() {
                    if !cause.heap_addr().is_some_and(|a| seen.contains(&a)) {
                        self.format_chained(
                            &cause,
                            out,
                            seen,
                            ctx,
                            "The above exception was the direct cause of the following exception:\n",
                        );
                    }
                } else if !context.is_undef()
                    && !context.is_none()
                    && !e.suppress_context.get()
                    && !context.heap_addr().is_some_and(|a| seen.contains(&a))
                {
                    self.format_chained(&context, out, seen, ctx, "During handling of the above exception, another exception occurred:\n");
                }
            }
        }
        match self.group_members(v) {
            Some(members) => self.format_exception_group(v, &members, out, seen, ctx),
            None => {
                let mut text = String::new();
                self.format_exception(v, &mut text);
                ctx.write_indented(out, &text);
            }
        }
    }

    fn format_chained(&mut self, v: &Value, out: &mut String, seen: &mut Vec<usize>, ctx: &mut GroupPrint, message: &str) {
        let need_close = ctx.need_close;
        self.format_exception_recursive(v, out, seen, ctx);
        ctx.need_close = need_close;
        ctx.write_indented(out, &format!("\n{}\n", message));
    }

    /// The members of an exception group (an instance of
    /// `BaseExceptionGroup`, once a program has made one), else None.
    fn group_members(&mut self, v: &Value) -> Option<Vec<Value>> {
        let Some(Value::Class(beg)) = self.builtins.get_str("BaseExceptionGroup") else { return None };
        if !super::types::is_subclass(&self.class_of(v), &beg) {
            return None;
        }
        match self.get_attr(v, "exceptions") {
            Ok(Value::Tuple(t)) => Some(t.as_slice().to_vec()),
            _ => None,
        }
    }

    /// CPython's `print_exception_group`: the group's own traceback and
    /// line, then each member (at most 15, 10 groups deep) in a frame.
    fn format_exception_group(&mut self, v: &Value, members: &[Value], out: &mut String, seen: &mut Vec<usize>, ctx: &mut GroupPrint) {
        const MAX_GROUP_WIDTH: usize = 15;
        const MAX_GROUP_DEPTH: usize = 10;
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.write_indented(out, &format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH));
            return;
        }
        if ctx.depth == 0 {
            ctx.depth += 1;
        }
        let mut text = String::new();
        self.format_exception(v, &mut text);
        let text = match text.strip_prefix("Traceback (most recent call last):\n") {
            Some(rest) => {
                let header_margin = if ctx.depth == 1 { "+ " } else { "| " };
                let pad = " ".repeat(2 * ctx.depth);
                out.push_str(&format!("{}{}Exception Group Traceback (most recent call last):\n", pad, header_margin));
                rest.to_string()
            }
            None => text,
        };
        ctx.write_indented(out, &text);
        let n = if members.len() <= MAX_GROUP_WIDTH { members.len() } else { MAX_GROUP_WIDTH + 1 };
        ctx.need_close = false;
        for (i, m) in members.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let pad = " ".repeat(2 * ctx.depth);
            let lead = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_GROUP_WIDTH;
            if truncated {
                out.push_str(&format!("{}{}+---------------- ... ----------------\n", pad, lead));
            } else {
                out.push_str(&format!("{}{}+---------------- {} ----------------\n", pad, lead, i + 1));
            }
            ctx.depth += 1;
            if truncated {
                let left = members.len() - MAX_GROUP_WIDTH;
                ctx.write_indented(out, &format!("and {} more exception{}\n", left, if left > 1 { "s" } else { "" }));
            } else {
                self.format_exception_recursive(m, out, seen, ctx);
            }
            if last && ctx.need_close {
                out.push_str(&" ".repeat(2 * ctx.depth));
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if ctx.depth == 1 {
            ctx.depth -= 1;
        }
    }

    /// One exception: its traceback and its last line.
    pub fn format_exception(&mut self, v: &Value, out: &mut String) {
        self.format_exception_as(v, out, false)
    }

    /// The source line a traceback shows for `file`:`line`. Code compiled
    /// from a string (`<string>` of `exec`/`eval`/`-c`, `<stdin>`, any
    /// `<name>` but the embedded `<frozen NAME>` modules) shows none in
    /// the interpreter's printer, which reads files as CPython's does; the
    /// `traceback` module asks `linecache` if it is loaded, as CPython's
    /// does (doctest serves its examples' lines through it).
    fn traceback_line(&mut self, file: &str, line: u32) -> Option<String> {
        if !(file.starts_with('<') && file.ends_with('>')) || file.starts_with("<frozen ") {
            return self.source_line(file, line);
        }
        if !NO_SUGGESTIONS.with(|c| c.get()) {
            return None;
        }
        let lc = self.modules.get_str("linecache")?;
        let getline = self.get_attr(&lc, "getline").ok()?;
        match self.call_function(&getline, &[Value::str(file), Value::Int(line as i64)]) {
            // (Without its newline, as the lines kept for files.)
            Ok(Value::Str(s)) if !s.is_empty() => Some(s.as_str().trim_end_matches(['\n', '\r']).to_string()),
            _ => None,
        }
    }

    /// Runs `f` (a formatting of exceptions for the `traceback` module)
    /// without "Did you mean" suggestions, which CPython 3.11 prints only
    /// from its C printer (`print_exception_suggestions`), not from
    /// `traceback.format_exc()`.
    pub fn without_suggestions<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> R {
        let old = NO_SUGGESTIONS.with(|c| c.replace(true));
        let r = f(self);
        NO_SUGGESTIONS.with(|c| c.set(old));
        r
    }

    /// `format_exception`; `unraisable`: the last line as the unraisable
    /// hook writes it (a colon after the name even for an empty message).
    pub fn format_exception_as(&mut self, v: &Value, out: &mut String, unraisable: bool) {
        let tb: Vec<TbEntry> = match v {
            Value::Instance(i) => i.exc.as_ref().map(|e| e.traceback.borrow().clone()).unwrap_or_default(),
            _ => Vec::new(),
        };
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            for chunk in self.format_tb_entries(&tb) {
                out.push_str(&chunk);
            }
        }
        let cls = self.class_of(v);
        // SyntaxError shows where in the source it happened.
        if super::types::is_subclass(&cls, &self.types.exc[ExcKind::SyntaxError as usize]) {
            self.format_syntax_error_location(v, out);
        }
        let mut name = cls.qualname.borrow().clone();
        if let Value::Str(m) = cls.module.get() {
            if m.as_str() != "builtins" && m.as_str() != "__main__" {
                name = format!("{}.{}", m.as_str(), name);
            }
        }
        let msg = if super::types::is_subclass(&cls, &self.types.exc[ExcKind::SyntaxError as usize]) {
            match self.get_attr(v, "msg") {
                Ok(Value::Str(s)) => s.as_str().to_string(),
                _ => self.exc_str(v),
            }
        } else {
            self.exc_str(v)
        };
        // (The traceback module of 3.11 makes no suggestions; only the
        // interpreter's own printer does: `without_suggestions`.)
        let suggestion = if NO_SUGGESTIONS.with(|c| c.get()) { None } else { self.suggestion_for(v, &cls) };
        if msg.is_empty() && !unraisable {
            out.push_str(&name);
        } else {
            out.push_str(&format!("{}: {}", name, msg));
        }
        if let Some(s) = suggestion {
            out.push_str(&format!(". Did you mean: '{}'?", s));
        }
        out.push('\n');
        self.format_notes(v, out);
    }

    /// `__notes__` (`add_note`), after the exception's line: each note's
    /// lines, then a newline; a `__notes__` that is not a list or tuple
    /// by its repr.
    fn format_notes(&mut self, v: &Value, out: &mut String) {
        let Ok(Some(notes)) = self.get_attr_opt(v, "__notes__") else { return };
        let items = match &notes {
            Value::List(l) => l.to_vec(),
            Value::Tuple(t) => t.as_slice().to_vec(),
            other => {
                let r = self.repr_string(other).unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                out.push_str(&r);
                out.push('\n');
                return;
            }
        };
        for n in items {
            match self.str_of(&n) {
                Ok(s) => out.push_str(&s),
                Err(_) => out.push_str("<note str() failed>"),
            }
            out.push('\n');
        }
    }

    /// A traceback's frames, outermost first, one string per frame (its
    /// `File` line, source line and position markers), with CPython's
    /// "[Previous line repeated N more times]" after the third repetition
    /// of a frame (a string of its own): `traceback.format_tb`.
    pub fn format_tb_entries(&mut self, tb: &[TbEntry]) -> Vec<String> {
        let mut chunks = Vec::new();
        let mut last: Option<(String, u32, String)> = None;
        let mut count = 0usize;
        const CUTOFF: usize = 3;
        for entry in tb.iter().rev() {
            let file = entry.code.filename.to_string();
            let line = entry.code.line_at(entry.pc);
            let name = entry.code.name.clone();
            let key = (file.clone(), line, name.clone());
            if last.as_ref() != Some(&key) {
                if count > CUTOFF {
                    let mut r = String::new();
                    repeated(&mut r, count - CUTOFF);
                    chunks.push(r);
                }
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > CUTOFF {
                continue;
            }
            let mut out = format!("  File \"{}\", line {}, in {}\n", file, line, name);
            if let Some(src) = self.traceback_line(&file, line) {
                // The interpreter's printer keeps a line's trailing
                // whitespace; the traceback module strips it too.
                let t = if NO_SUGGESTIONS.with(|c| c.get()) {
                    src.trim()
                } else {
                    src.trim_start_matches([' ', '\t', '\x0c']).trim_end_matches(['\n', '\r'])
                };
                if !t.is_empty() {
                    out.push_str(&format!("    {}\n", t));
                    if let Some(mut m) = entry.code.position_at(entry.pc).and_then(|p| super::carets::marker_line(&src, p)) {
                        // traceback.py (3.11) counts the stripped trailing
                        // whitespace as indentation: its markers sit that
                        // many columns further left.
                        let body = src.trim_end_matches(['\n', '\r']);
                        let trailing = body.chars().count() - body.trim_end().chars().count();
                        if trailing > 0 && m.starts_with("    ") && NO_SUGGESTIONS.with(|c| c.get()) {
                            let extra = m[4..].chars().take_while(|c| *c == ' ').count();
                            m.replace_range(4..4 + trailing.min(extra), "");
                        }
                        out.push_str(&m);
                    }
                }
            }
            chunks.push(out);
        }
        if count > CUTOFF {
            let mut r = String::new();
            repeated(&mut r, count - CUTOFF);
            chunks.push(r);
        }
        chunks
    }

    fn format_syntax_error_location(&mut self, v: &Value, out: &mut String) {
        let filename = match self.get_attr(v, "filename") {
            Ok(Value::Str(s)) => s.as_str().to_string(),
            _ => return,
        };
        let lineno = match self.get_attr(v, "lineno") {
            Ok(Value::Int(i)) => i,
            _ => return,
        };
        out.push_str(&format!("  File \"{}\", line {}\n", filename, lineno));
        if let Ok(Value::Str(t)) = self.get_attr(v, "text") {
            // traceback.py's `_format_syntax_error`.
            let text = t.as_str().trim_end_matches('\n');
            let stripped = text.trim_start_matches([' ', '\n', '\x0c']);
            out.push_str(&format!("    {}\n", stripped));
            if let Ok(Value::Int(offset)) = self.get_attr(v, "offset") {
                let mut end = match self.get_attr(v, "end_offset") {
                    Ok(Value::Int(e)) if e != 0 => e,
                    _ => offset,
                };
                if end == offset || end == -1 {
                    end = offset + 1;
                }
                let spaces = (text.chars().count() - stripped.chars().count()) as i64;
                let col = offset - 1 - spaces;
                let end_col = end - 1 - spaces;
                if col >= 0 {
                    // Tabs and other whitespace are kept for the alignment.
                    let pad: String = stripped.chars().take(col as usize).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
                    out.push_str(&format!("    {}{}\n", pad, "^".repeat((end_col - col).max(0) as usize)));
                }
            }
        }
    }

    /// CPython's "Did you mean" for NameError and AttributeError.
    fn suggestion_for(&mut self, v: &Value, cls: &PyRef<ClassObj>) -> Option<String> {
        let Value::Instance(i) = v else { return None };
        let e = i.exc.as_ref()?;
        let extra = e.extra.borrow().clone()?;
        let is_name_error = super::types::is_subclass(cls, &self.types.exc[ExcKind::NameError as usize]);
        let is_attr_error = super::types::is_subclass(cls, &self.types.exc[ExcKind::AttributeError as usize]);
        if is_name_error {
            if let Some(code) = &extra.code {
                let names: Vec<String> = code.varnames.to_vec();
                if let Some(s) = calculate_suggestion(&names, &extra.name) {
                    return Some(s);
                }
            }
            if let Some(g) = &extra.globals {
                let names: Vec<String> = g.keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())).collect();
                if let Some(s) = calculate_suggestion(&names, &extra.name) {
                    return Some(s);
                }
            }
            let names: Vec<String> = self.builtins.keys().iter().filter_map(|k| k.as_str().map(|s| s.to_string())).collect();
            return calculate_suggestion(&names, &extra.name);
        }
        if is_attr_error && !extra.obj.is_undef() {
            let obj = extra.obj.clone();
            let names = self.dir_names(&obj).ok()?;
            return calculate_suggestion(&names, &extra.name);
        }
        None
    }
}

/// Where `format_exception_recursive` is inside exception groups: the
/// nesting depth (lines are indented by twice it, behind a `| ` margin once
/// inside a group) and whether the innermost group's closing line is owed.
struct GroupPrint {
    depth: usize,
    need_close: bool,
}

impl GroupPrint {
    /// Appends `text` with each line behind the indentation and margin.
    fn write_indented(&self, out: &mut String, text: &str) {
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let pad = " ".repeat(2 * self.depth);
        for line in text.split_inclusive('\n') {
            out.push_str(&pad);
            out.push_str("| ");
            out.push_str(line);
        }
    }
}

fn repeated(out: &mut String, n: usize) {
    out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n > 1 { "s" } else { "" }));
}

/// The traceback entries stored on an exception object.
pub fn exc_traceback(v: &Value) -> Vec<TbEntry> {
    match v {
        Value::Instance(i) => i.exc.as_ref().map(|e| e.traceback.borrow().clone()).unwrap_or_default(),
        _ => Vec::new(),
    }
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `levenshtein_distance` (suggestions.c), with its costs.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// CPython's `calculate_suggestions`.
pub fn calculate_suggestion(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= 750 {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_dist = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        max_distance = max_distance.min(best_dist.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_dist {
            best = Some(item);
            best_dist = d;
        }
    }
    best.cloned()
}

/// A traceback entry's `tb_frame.f_locals`: the frame's bound locals
/// kept with it (`TbEntry::locals`), as `locals()` in the frame would
/// have given them (cells read); a module frame's globals; else (a frame
/// still running when its entry was made) an empty dict.
fn tb_locals(entry: &TbEntry) -> Value {
    match &entry.locals {
        Some(Value::Tuple(vals)) => crate::builtins::functions::bound_locals(&entry.code, vals.as_slice()),
        Some(l @ Value::Dict(_)) => l.clone(),
        // A module frame's locals are its globals.
        None if &*entry.code.name == "<module>" => match &entry.globals {
            Some(g) => Value::Dict(g.clone()),
            None => Value::Dict(DictObj::new()),
        },
        _ => Value::Dict(DictObj::new()),
    }
}

/// A `traceback` object for `e.__traceback__` (a chain of tb_next).
pub fn traceback_value(vm: &mut Vm, tb: &[TbEntry]) -> Value {
    let mut next = Value::None;
    for entry in tb.iter() {
        let d = DictObj::new();
        d.set_str("tb_lineno", Value::Int(entry.code.line_at(entry.pc) as i64));
        // (Twice the instruction's index, as `f_lasti`.)
        d.set_str("tb_lasti", Value::Int(2 * entry.pc as i64));
        d.set_str("tb_next", next);
        // A snapshot of the frame as it was: globals, code, line.
        let frame = match &entry.globals {
            Some(g) => crate::modules::sys::frame_object(
                vm,
                Value::Dict(g.clone()),
                tb_locals(entry),
                entry.code.clone(),
                (entry.code.line_at(entry.pc), 2 * entry.pc as i64),
                Value::None,
            ),
            None => Value::None,
        };
        d.set_str("tb_frame", frame);
        d.set_str("tb_code", Value::Code(entry.code.clone()));
        let inst = Value::Instance(PyRef::new_tracked(InstanceObj {
            class: ValueCell::new(Value::Class(vm.traceback_class())),
            dict: Some(d),
            slots: std::cell::RefCell::new(vec![]),
            base_value: ValueCell::new(Value::Undef),
            exc: None,
            fin: InstanceObj::new_fin(),
        }));
        next = inst;
    }
    next
}

/// Extra attributes of specific exception classes.
pub fn exc_special_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Value::Instance(i) = obj else {
        return Ok(None);
    };
    let Some(e) = &i.exc else { return Ok(None) };
    let args = e.args.get();
    let first = match &args {
        Value::Tuple(t) => t.get(0).cloned(),
        _ => None,
    };
    let cls = i.class();
    let is = |vm: &Vm, k: ExcKind| super::types::is_subclass(&cls, &vm.types.exc[k as usize]);
    Ok(match name {
        "code" if is(vm, ExcKind::SystemExit) => Some(match &args {
            Value::Tuple(t) if t.len() == 1 => t.as_slice()[0].clone(),
            Value::Tuple(t) if t.is_empty() => Value::None,
            other => other.clone(),
        }),
        "value" if is(vm, ExcKind::StopIteration) => Some(first.unwrap_or(Value::None)),
        "name" if is(vm, ExcKind::NameError) || is(vm, ExcKind::AttributeError) || is(vm, ExcKind::ImportError) => {
            Some(e.extra.borrow().as_ref().map(|x| Value::str(&x.name)).unwrap_or(Value::None))
        }
        "obj" if is(vm, ExcKind::AttributeError) => {
            Some(e.extra.borrow().as_ref().map(|x| x.obj.clone()).filter(|v| !v.is_undef()).unwrap_or(Value::None))
        }
        "errno" | "strerror" | "filename" | "filename2" if is(vm, ExcKind::OSError) => {
            let i = ["errno", "strerror", "filename", "filename2"].iter().position(|n| *n == name).unwrap_or(0);
            Some(e.os.borrow().as_ref().map(|a| a[i].clone()).unwrap_or(Value::None))
        }
        "msg" | "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset" if is(vm, ExcKind::SyntaxError) => {
            // SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))
            let t = match &args {
                Value::Tuple(t) => t.clone(),
                _ => return Ok(Some(Value::None)),
            };
            if name == "msg" {
                return Ok(Some(t.get(0).cloned().unwrap_or(Value::None)));
            }
            let details = match t.get(1) {
                Some(Value::Tuple(d)) => d.clone(),
                _ => return Ok(Some(Value::None)),
            };
            let idx = match name {
                "filename" => 0,
                "lineno" => 1,
                "offset" => 2,
                "text" => 3,
                "end_lineno" => 4,
                _ => 5,
            };
            Some(details.get(idx).cloned().unwrap_or(Value::None))
        }
        "__notes__" => None,
        _ => None,
    })
}

/// The `SyntaxError` (or `IndentationError`) for a compile error.
pub fn syntax_error(vm: &mut Vm, e: &CompileError, filename: &str, source: &str) -> PyErr {
    if e.msg == crate::compiler::RECURSION_MSG || e.msg == crate::frontend::ast_dump::AST_RECURSION_MSG {
        return PyErr::new(ExcKind::RecursionError, &e.msg);
    }
    let text = source.lines().nth(e.line.saturating_sub(1) as usize).map(|l| format!("{}\n", l));
    // With the offending node's range: its start and end columns (1-based).
    let (col, end_line, end_col) = match e.span {
        Some((start, end)) => {
            let index = crate::compiler::LineIndex::new(source);
            let (start, end) = (start.min(source.len() as u32), end.min(source.len() as u32));
            (Value::Int(index.col(start) as i64), index.line(end), Value::Int(index.col(end) as i64))
        }
        None => (if e.col > 0 { Value::Int(e.col as i64) } else { Value::None }, e.line, Value::None),
    };
    // TabError: CPython's offset 1 and end offset 0 (no caret shown).
    let tab = e.indentation && e.msg == "inconsistent use of tabs and spaces in indentation";
    let (col, end_col) = if tab { (Value::Int(1), Value::Int(0)) } else { (col, end_col) };
    let details = Value::tuple(vec![
        Value::str(filename),
        Value::Int(e.line as i64),
        col,
        text.map(Value::string).unwrap_or(Value::None),
        Value::Int(end_line as i64),
        end_col,
    ]);
    let kind = if tab {
        ExcKind::TabError
    } else if e.indentation {
        ExcKind::IndentationError
    } else {
        ExcKind::SyntaxError
    };
    let cls = vm.types.exc[kind as usize].clone();
    let inst = vm.new_instance(&cls);
    if let Value::Instance(i) = &inst {
        if let Some(x) = &i.exc {
            x.args.set(Value::tuple(vec![Value::str(&e.msg), details]));
        }
    }
    let mut err = PyErr::from_value(inst, Vec::new());
    err.0.fresh = false;
    let _ = vm;
    err
}

// ----- builtin exception methods -----

fn exc_data(v: &Value) -> Option<&ExcData> {
    match v {
        Value::Instance(i) => i.exc.as_deref(),
        _ => None,
    }
}

fn base_exception_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = args.this() else {
        return Err(PyErr::type_error("BaseException.__new__(X): X is not a type object"));
    };
    Ok(vm.new_instance_args(cls, Some(Value::tuple(args.pos[1..].to_vec()))))
}

fn base_exception_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", vm.type_name(args.this()))));
    }
    if let Some(e) = exc_data(args.this()) {
        e.args.set(Value::tuple(args.pos[1..].to_vec()));
    }
    let _ = vm;
    Ok(Value::None)
}

/// The `OSError` subclass CPython picks for an errno (PEP 3151).
fn os_error_subclass(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        1 | 13 => ExcKind::PermissionError,
        2 => ExcKind::FileNotFoundError,
        3 => ExcKind::ProcessLookupError,
        4 => ExcKind::InterruptedError,
        10 => ExcKind::ChildProcessError,
        11 | 114 | 115 => ExcKind::BlockingIOError,
        17 => ExcKind::FileExistsError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        104 => ExcKind::ConnectionResetError,
        110 => ExcKind::TimeoutError,
        111 => ExcKind::ConnectionRefusedError,
        _ => return None,
    })
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: picks
/// the subclass for the errno and keeps the attributes; with a filename,
/// `args` keeps only the first two arguments.
fn os_error_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Class(cls) = args.this() else {
        return Err(PyErr::type_error("OSError.__new__(X): X is not a type object"));
    };
    let rest = &args.pos[1..];
    let mut cls = cls.clone();
    if PyRef::ptr_eq(&cls, &vm.types.exc[ExcKind::OSError as usize]) && rest.len() >= 2 {
        if let Value::Int(n) = &rest[0] {
            if let Some(k) = os_error_subclass(*n) {
                cls = vm.types.exc[k as usize].clone();
            }
        }
    }
    let inst = vm.new_instance(&cls);
    let mut stored_args = rest.to_vec();
    if (2..=5).contains(&rest.len()) {
        let get = |i: usize| rest.get(i).cloned().unwrap_or(Value::None);
        let (filename, filename2) = (get(2), get(4));
        let numeric_blocking =
            PyRef::ptr_eq(&cls, &vm.types.exc[ExcKind::BlockingIOError as usize]) && matches!(filename, Value::Int(_) | Value::Float(_));
        if !filename.is_none() && !numeric_blocking {
            stored_args.truncate(2);
        }
        if let Value::Instance(i) = &inst {
            if let Some(e) = &i.exc {
                *e.os.borrow_mut() = Some(Box::new([get(0), get(1), if numeric_blocking { Value::None } else { filename }, filename2]));
            }
        }
    }
    if let Some(e) = exc_data(&inst) {
        e.args.set(Value::tuple(stored_args));
    }
    Ok(inst)
}

/// `OSError.__init__`: the arguments were taken by `__new__`.
fn os_error_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `OSError.__reduce__()`: as BaseException's, with the file names put
/// back after errno and strerror (CPython's `OSError_reduce`), so that a
/// copy or an unpickled error keeps them.
fn os_error_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = base_exception_reduce(vm, args)?;
    let this = args.this();
    let attrs = exc_data(this).and_then(|e| e.os.borrow().as_ref().map(|a| (**a).clone()));
    let (Value::Tuple(parts), Some([errno, strerror, filename, filename2])) = (&r, attrs) else {
        return Ok(r);
    };
    let mut parts = parts.as_slice().to_vec();
    if let Value::Tuple(a) = &parts[1] {
        if a.len() == 2 && !filename.is_none() {
            let mut n = vec![errno, strerror, filename];
            if !filename2.is_none() {
                n.push(Value::None);
                n.push(filename2);
            }
            parts[1] = Value::tuple(n);
        }
    }
    Ok(Value::tuple(parts))
}

fn os_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this();
    let attrs = exc_data(this).and_then(|e| e.os.borrow().as_ref().map(|a| (**a).clone()));
    if let Some([errno, strerror, filename, filename2]) = attrs {
        if !filename.is_none() {
            let (en, se, f) = (vm.str_of(&errno)?, vm.str_of(&strerror)?, vm.repr_string(&filename)?);
            if !filename2.is_none() {
                let f2 = vm.repr_string(&filename2)?;
                return Ok(Value::string(format!("[Errno {}] {}: {} -> {}", en, se, f, f2)));
            }
            return Ok(Value::string(format!("[Errno {}] {}: {}", en, se, f)));
        }
        if !errno.is_none() && !strerror.is_none() {
            let (en, se) = (vm.str_of(&errno)?, vm.str_of(&strerror)?);
            return Ok(Value::string(format!("[Errno {}] {}", en, se)));
        }
    }
    base_exception_str(vm, args)
}

fn base_exception_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this();
    let a = exc_data(this).map(|e| e.args.get()).unwrap_or(Value::None);
    let Value::Tuple(t) = a else {
        return Ok(Value::str(""));
    };
    // KeyError shows the repr of a single key.
    let cls = vm.class_of(this);
    let is_key_error = super::types::is_subclass(&cls, &vm.types.exc[ExcKind::KeyError as usize]);
    match t.len() {
        0 => Ok(Value::str("")),
        1 => {
            let x = t.as_slice()[0].clone();
            if is_key_error {
                vm.repr(&x)
            } else {
                vm.str_value(&x)
            }
        }
        _ => vm.str_value(&Value::Tuple(t.clone())),
    }
}

fn base_exception_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this();
    let cls = vm.class_of(this);
    let a = exc_data(this).map(|e| e.args.get()).unwrap_or(Value::None);
    let name = cls.name();
    match a {
        Value::Tuple(t) if t.len() == 1 => {
            let r = vm.repr_string(&t.as_slice()[0].clone())?;
            Ok(Value::string(format!("{}({})", name, r)))
        }
        Value::Tuple(t) => {
            let r = vm.repr_string(&Value::Tuple(t))?;
            Ok(Value::string(format!("{}{}", name, r)))
        }
        _ => Ok(Value::string(format!("{}()", name))),
    }
}

/// `BaseException.__reduce__()`: `(type(self), self.args)`, and the
/// instance dict as the state when it has entries (CPython's
/// `BaseException_reduce`): what `pickle` and `copy` use.
fn base_exception_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let cls = Value::Class(vm.class_of(&this));
    let a = vm.get_attr(&this, "args")?;
    match &this {
        Value::Instance(i) if i.dict.as_ref().is_some_and(|d| !d.is_empty()) => {
            Ok(Value::tuple(vec![cls, a, Value::Dict(i.dict.clone().expect("checked"))]))
        }
        _ => Ok(Value::tuple(vec![cls, a])),
    }
}

/// `BaseException.__setstate__(state)`: a dict state's items set as
/// attributes.
fn base_exception_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::arg::one_arg(&args, "BaseException.__setstate__")?;
    let this = args.this().clone();
    match &args.pos[1] {
        Value::None => {}
        Value::Dict(d) => {
            for (k, v) in d.items() {
                let Value::Str(name) = &k else {
                    return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", vm.type_name(&k))));
                };
                vm.set_attr(&this, name.as_str(), v)?;
            }
        }
        _ => return Err(PyErr::type_error("state is not a dictionary")),
    }
    Ok(Value::None)
}

fn with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let tb = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.set_attr(&this, "__traceback__", tb)?;
    Ok(this)
}

/// The entries of a traceback object (`traceback_value`'s chain, head
/// first: the outermost frame) in the order an exception stores them
/// (innermost first); None for None. `TypeError` for anything else.
pub fn traceback_entries(vm: &mut Vm, tb: &Value) -> PyResult<Vec<TbEntry>> {
    let tb_class = vm.traceback_class();
    let mut entries = Vec::new();
    let mut cur = tb.clone();
    while let Value::Instance(i) = &cur {
        if !super::types::is_subclass(&vm.class_of(&cur), &tb_class) {
            break;
        }
        let d = i.dict.as_ref().expect("traceback objects have a dict");
        let (Some(Value::Code(code)), Some(Value::Int(pc))) = (d.get_str("tb_code"), d.get_str("tb_lasti")) else {
            break;
        };
        let (globals, locals) = match d.get_str("tb_frame") {
            Some(frame) if !frame.is_none() => (
                match vm.get_attr(&frame, "f_globals") {
                    Ok(Value::Dict(g)) => Some(g),
                    _ => None,
                },
                match vm.get_attr(&frame, "f_locals") {
                    Ok(l @ Value::Dict(_)) => Some(l),
                    _ => None,
                },
            ),
            _ => (None, None),
        };
        // (`tb_lasti` is twice the instruction's index.)
        entries.push(TbEntry { code, pc: (pc / 2) as u32, globals, locals });
        cur = d.get_str("tb_next").unwrap_or(Value::None);
    }
    if !cur.is_none() {
        return Err(PyErr::type_error("__traceback__ must be a traceback or None"));
    }
    entries.reverse();
    Ok(entries)
}

fn add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let note = args.get(1).cloned().unwrap_or(Value::None);
    if !matches!(note, Value::Str(_)) {
        return Err(PyErr::type_error(format!("note must be a str, not '{}'", vm.type_name(&note))));
    }
    let notes = match vm.get_attr_opt(&this, "__notes__")? {
        Some(Value::List(l)) => l,
        _ => {
            let l = ListObj::new(vec![]);
            if let Value::Instance(i) = &this {
                if let Some(d) = &i.dict {
                    d.set_str("__notes__", Value::List(l.clone()));
                }
            }
            l
        }
    };
    notes.push(note);
    Ok(Value::None)
}

fn stop_iteration_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    base_exception_init(vm, args)
}

fn syntax_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.this().clone();
    let msg = vm.get_attr(&this, "msg")?;
    let msg_s = vm.str_of(&msg)?;
    let filename = vm.get_attr(&this, "filename")?;
    let lineno = vm.get_attr(&this, "lineno")?;
    match (&filename, &lineno) {
        (Value::Str(f), Value::Int(l)) => {
            let base = f.as_str().rsplit('/').next().unwrap_or(f.as_str()).to_string();
            Ok(Value::string(format!("{} ({}, line {})", msg_s, base, l)))
        }
        (_, Value::Int(l)) => Ok(Value::string(format!("{} (line {})", msg_s, l))),
        _ => Ok(Value::string(msg_s)),
    }
}

/// Registers the methods of `BaseException` and friends.
pub fn init_exception_methods(vm: &mut Vm) {
    let base = vm.types.exc[ExcKind::BaseException as usize].clone();
    vm.add_method(&base, "__new__", base_exception_new);
    vm.add_method(&base, "__init__", base_exception_init);
    vm.add_method(&base, "__str__", base_exception_str);
    vm.add_method(&base, "__repr__", base_exception_repr);
    vm.add_method(&base, "with_traceback", with_traceback);
    vm.add_method(&base, "add_note", add_note);
    vm.add_method(&base, "__reduce__", base_exception_reduce);
    vm.add_method(&base, "__setstate__", base_exception_setstate);
    let os = vm.types.exc[ExcKind::OSError as usize].clone();
    vm.add_method(&os, "__new__", os_error_new);
    vm.add_method(&os, "__init__", os_error_init);
    vm.add_method(&os, "__str__", os_error_str);
    vm.add_method(&os, "__reduce__", os_error_reduce);
    let si = vm.types.exc[ExcKind::StopIteration as usize].clone();
    vm.add_method(&si, "__init__", stop_iteration_init);
    let se = vm.types.exc[ExcKind::SyntaxError as usize].clone();
    vm.add_method(&se, "__str__", syntax_error_str);
    for k in ExcKind::ALL {
        let c = vm.types.exc[*k as usize].clone();
        c.ctor.set(None);
    }
}

impl Vm {
    /// The class of `traceback` objects.
    pub fn traceback_class(&mut self) -> PyRef<ClassObj> {
        if let Some(c) = self.lazy_classes.get("traceback") {
            return c.clone();
        }
        let ns = DictObj::new();
        ns.set_str("__module__", Value::str("builtins"));
        let obj = self.types.object.clone();
        let tt = self.types.type_.clone();
        let c = self.make_class(&tt, "traceback", vec![obj], &ns).expect("traceback class");
        self.lazy_classes.insert("traceback", c.clone());
        c
    }
}

impl Vm {
    /// The arguments of `__exit__`/`__aexit__` for exception `x`:
    /// (type, value, traceback or None).
    pub(crate) fn exit_args(&mut self, x: &Value) -> [Value; 3] {
        let cls = Value::Class(self.class_of(x));
        let tb = match x {
            Value::Instance(i) => match &i.exc {
                Some(e) if !e.traceback.borrow().is_empty() => traceback_value(self, &e.traceback.borrow()),
                _ => Value::None,
            },
            _ => Value::None,
        };
        [cls, x.clone(), tb]
    }
}
