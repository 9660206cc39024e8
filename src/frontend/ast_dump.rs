//! CPython 3.11-compatible `ast.dump` for ASTs produced by `rustpython-parser` 0.4.
//!
//! The module works in two steps:
//!
//! 1. [`module_to_node`] converts a [`rustpython_parser::ast::Mod`] into a tree of
//!    generic [`PyNode`]s that mirrors CPython 3.11's `ast` node classes exactly:
//!    class names, `_fields` order (from 3.11's `Parser/Python.asdl`), optional
//!    (`?`) fields, and the value shapes CPython uses (`int` flags, `None`
//!    entries in `Dict.keys`/`arguments.kw_defaults`, ...).  Every node that has
//!    location attributes in CPython (`stmt`, `expr`, `arg`, `keyword`, `alias`,
//!    `excepthandler`, `pattern`) gets `lineno`/`col_offset`/`end_lineno`/
//!    `end_col_offset`, computed from the parser's byte ranges (1-based lines,
//!    0-based UTF-8 byte columns, like CPython).
//! 2. [`dump`] formats such a tree exactly like CPython 3.11's
//!    `ast.dump(node, indent=...)` with the default `annotate_fields=True` and
//!    `include_attributes=False`, including Python `repr()` of constants.
//!
//! rustpython 0.4's AST differs from CPython 3.11's in a few places; the
//! conversion normalises them:
//!
//! * `Arguments` stores `ArgWithDefault` entries; CPython's
//!   `arguments(posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg,
//!   defaults)` is rebuilt (`defaults` = the defaults of the trailing positional
//!   parameters, `kw_defaults` = one entry per keyword-only parameter, `None`
//!   where it has no default).
//! * PEP 695 `type_params` fields (Python 3.12) are dropped.  The 3.12-only
//!   `type X = ...` statement (which CPython 3.11 rejects) is emitted in its
//!   3.12 shape, `TypeAlias(name, type_params, value)`.
//! * f-strings: adjacent literal parts of a `JoinedStr` are merged into one
//!   `Constant` and empty literal parts are dropped (rustpython leaves e.g. a
//!   separate `Constant('')` for `f"{x}" ""`).  rustpython keeps the text of a
//!   format spec verbatim, so its backslash escapes are decoded here (unless
//!   the f-string is raw), including `\N{NAME}`, which rustpython splits into
//!   `\N` plus a replacement field `{NAME}`.
//! * `AnnAssign.simple` is 0 for a parenthesized name target (`(x): int`);
//!   rustpython sets it for any `Name`.
//! * `a[*b]`: CPython's slice is `Tuple(elts=[Starred(...)])`, rustpython's a
//!   bare `Starred`.
//! * `match x,:` (one subject and a trailing comma) has a `Tuple` subject in
//!   CPython; rustpython drops the tuple.
//! * `AnnAssign.simple` and `comprehension.is_async` are ints in CPython
//!   (rustpython: `bool`), `ImportFrom.level` is always an int (0 when absent),
//!   `FormattedValue.conversion` is an int (-1, 115, 114, 97).
//! * Float reprs: when two shortest round-tripping digit strings are equally
//!   near, CPython rounds half to even where Rust's formatter rounds half up.
//!
//! Positions are adjusted to CPython's where rustpython's differ: the parts of
//! an f-string take the range of the whole (implicitly concatenated) literal,
//! a generator expression that is the sole call argument spans the call's
//! parentheses, a compound statement's end includes a trailing `;`, a
//! `NamedExpr` includes its value's parentheses, and a `match` subject tuple
//! starts at the subject's first token.
//!
//! Known differences that cannot be fixed here (the parser loses or rejects
//! the input): lone surrogates in string literals (`'\ud800'`) become U+FFFD;
//! identifiers are not NFKC-normalised as CPython does (`ｗｉｄｔｈ` stays
//! fullwidth); a few inputs CPython accepts fail to parse, e.g. triple-quoted
//! strings inside f-string replacement fields (`f"{'''x'''}"`), `\N{...}`
//! names containing spaces inside a format spec, and indentation with a tab
//! after spaces.

use num_bigint::BigInt;
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::{TextRange, TextSize};

/// A CPython-shaped AST node: class name and fields in CPython's `_fields` order.
///
/// `line`/`col`/`end_line`/`end_col` are CPython's `lineno`, `col_offset`,
/// `end_lineno` and `end_col_offset` (lines 1-based, columns 0-based UTF-8 byte
/// offsets).  Node classes without location attributes in CPython (`Module`,
/// `arguments`, `comprehension`, `withitem`, `match_case`, operators and
/// expression contexts) have all four set to 0.
#[derive(Clone, Debug, PartialEq)]
pub struct PyNode {
    /// The CPython class name, e.g. `"FunctionDef"` or `"Load"`.
    pub class: &'static str,
    /// The fields in CPython's `_fields` order (optional fields that are `None`
    /// are present as [`Field::Missing`]).
    pub fields: Vec<(&'static str, Field)>,
    /// `lineno` (1-based), 0 for nodes without location attributes.
    pub line: u32,
    /// `col_offset` (0-based UTF-8 byte offset within the line).
    pub col: u32,
    /// `end_lineno` (1-based), 0 for nodes without location attributes.
    pub end_line: u32,
    /// `end_col_offset` (0-based UTF-8 byte offset within the end line).
    pub end_col: u32,
}

/// The value of one field of a [`PyNode`].
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// A child node.
    Node(Box<PyNode>),
    /// A list field (ASDL `*`), or the elements of such a list.
    List(Vec<Field>),
    /// An `identifier` or `string`, or a `str` constant.
    Str(String),
    /// A `bytes` constant.
    Bytes(Vec<u8>),
    /// An `int` field or constant.
    Int(BigInt),
    /// A `float` constant.
    Float(f64),
    /// A `complex` constant: (real, imag).
    Complex(f64, f64),
    /// A `bool` constant (`True`/`False`).
    Bool(bool),
    /// A field present with value `None`, e.g. a `None` element of `Dict.keys`
    /// or `arguments.kw_defaults`, or `Constant(value=None)`.
    NoneValue,
    /// An optional field (ASDL `?`) that is `None`: omitted by [`dump`].
    Missing,
    /// The `Ellipsis` constant (`...`).
    Ellipsis,
}

impl Field {
    fn node(node: PyNode) -> Field {
        Field::Node(Box::new(node))
    }

    fn int(value: i64) -> Field {
        Field::Int(BigInt::from(value))
    }
}

/// Converts a parsed module (`Module`, `Expression`, `Interactive` or
/// `FunctionType`) into a CPython 3.11-shaped [`PyNode`] tree.
///
/// `source` must be the exact text that was parsed; it is used to turn the
/// parser's byte offsets into line/column positions.
pub fn module_to_node(m: &ast::Mod, source: &str) -> PyNode {
    convert_module(m, source).0
}

/// The message of the RecursionError for a tree nested too deep to convert.
pub const AST_RECURSION_MSG: &str = "maximum recursion depth exceeded during ast construction";

/// `module_to_node`, or a RecursionError's `CompileError` when the tree
/// nests statements and expressions deeper than the compiler allows.
pub fn try_module_to_node(m: &ast::Mod, source: &str) -> Result<PyNode, crate::compiler::CompileError> {
    match convert_module(m, source) {
        (_, true) => Err(crate::compiler::CompileError::syntax(AST_RECURSION_MSG, 0)),
        (node, false) => Ok(node),
    }
}

fn convert_module(m: &ast::Mod, source: &str) -> (PyNode, bool) {
    let cv = Converter { source, lines: LineIndex::new(source), depth: Default::default(), too_deep: Default::default() };
    let node = match m {
        ast::Mod::Module(m) => unlocated(
            "Module",
            vec![("body", cv.stmts(&m.body)), ("type_ignores", Field::List(m.type_ignores.iter().map(type_ignore).collect()))],
        ),
        ast::Mod::Interactive(m) => unlocated("Interactive", vec![("body", cv.stmts(&m.body))]),
        ast::Mod::Expression(m) => unlocated("Expression", vec![("body", cv.expr(&m.body))]),
        ast::Mod::FunctionType(m) => unlocated("FunctionType", vec![("argtypes", cv.exprs(&m.argtypes)), ("returns", cv.expr(&m.returns))]),
    };
    (node, cv.too_deep.get())
}

/// Formats `node` exactly like CPython 3.11's `ast.dump(node, indent=indent)`
/// (with `annotate_fields=True`, `include_attributes=False`).
///
/// `indent` is the indentation string (`ast.dump(..., indent=4)` corresponds to
/// `Some("    ")`); `None` gives the single-line form.
pub fn dump(node: &PyNode, indent: Option<&str>) -> String {
    format_node(node, 0, indent, false).0
}

/// Like [`dump`] but with CPython's `include_attributes=True`: nodes whose
/// class has location attributes (see [`has_location`]) also print `lineno`,
/// `col_offset`, `end_lineno` and `end_col_offset`.
pub fn dump_with_attributes(node: &PyNode, indent: Option<&str>) -> String {
    format_node(node, 0, indent, true).0
}

// ---------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------

/// Maps byte offsets to (1-based line, 0-based byte column).  `\n`, `\r\n` and
/// a lone `\r` all end a line, as in CPython's tokenizer.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    fn position(&self, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&start| start <= offset);
        let col = offset - self.starts[line - 1];
        (line as u32, col as u32)
    }
}

fn unlocated(class: &'static str, fields: Vec<(&'static str, Field)>) -> PyNode {
    PyNode { class, fields, line: 0, col: 0, end_line: 0, end_col: 0 }
}

/// A field-less node such as `Load()` or `Add()`.
fn marker(class: &'static str) -> Field {
    Field::node(unlocated(class, Vec::new()))
}

fn type_ignore(t: &ast::TypeIgnore) -> Field {
    let ast::TypeIgnore::TypeIgnore(t) = t;
    Field::node(unlocated("TypeIgnore", vec![("lineno", Field::int(i64::from(t.lineno.to_u32()))), ("tag", Field::Str(t.tag.clone()))]))
}

fn ident(id: &ast::Identifier) -> Field {
    Field::Str(id.as_str().to_owned())
}

fn opt_ident(id: &Option<ast::Identifier>) -> Field {
    id.as_ref().map_or(Field::Missing, ident)
}

fn opt_string(s: &Option<String>) -> Field {
    s.as_ref().map_or(Field::Missing, |s| Field::Str(s.clone()))
}

fn idents(ids: &[ast::Identifier]) -> Field {
    Field::List(ids.iter().map(ident).collect())
}

fn bool_int(b: bool) -> Field {
    Field::int(i64::from(b))
}

fn expr_context(ctx: ast::ExprContext) -> Field {
    marker(match ctx {
        ast::ExprContext::Load => "Load",
        ast::ExprContext::Store => "Store",
        ast::ExprContext::Del => "Del",
    })
}

fn bool_op(op: ast::BoolOp) -> Field {
    marker(match op {
        ast::BoolOp::And => "And",
        ast::BoolOp::Or => "Or",
    })
}

fn operator(op: ast::Operator) -> Field {
    use ast::Operator::*;
    marker(match op {
        Add => "Add",
        Sub => "Sub",
        Mult => "Mult",
        MatMult => "MatMult",
        Div => "Div",
        Mod => "Mod",
        Pow => "Pow",
        LShift => "LShift",
        RShift => "RShift",
        BitOr => "BitOr",
        BitXor => "BitXor",
        BitAnd => "BitAnd",
        FloorDiv => "FloorDiv",
    })
}

fn unary_op(op: ast::UnaryOp) -> Field {
    marker(match op {
        ast::UnaryOp::Invert => "Invert",
        ast::UnaryOp::Not => "Not",
        ast::UnaryOp::UAdd => "UAdd",
        ast::UnaryOp::USub => "USub",
    })
}

fn cmp_op(op: ast::CmpOp) -> Field {
    use ast::CmpOp::*;
    marker(match op {
        Eq => "Eq",
        NotEq => "NotEq",
        Lt => "Lt",
        LtE => "LtE",
        Gt => "Gt",
        GtE => "GtE",
        Is => "Is",
        IsNot => "IsNot",
        In => "In",
        NotIn => "NotIn",
    })
}

/// The value of a `Constant` (or `MatchSingleton`) as a [`Field`].
fn constant(c: &ast::Constant) -> Field {
    match c {
        ast::Constant::None => Field::NoneValue,
        ast::Constant::Bool(b) => Field::Bool(*b),
        ast::Constant::Str(s) => Field::Str(s.clone()),
        ast::Constant::Bytes(b) => Field::Bytes(b.clone()),
        ast::Constant::Int(i) => Field::Int(i.clone()),
        // Only produced by rustpython's constant optimizer, never by the parser.
        // `Field` has no tuple variant, so approximate with a list.
        ast::Constant::Tuple(items) => Field::List(items.iter().map(constant).collect()),
        ast::Constant::Float(f) => Field::Float(*f),
        ast::Constant::Complex { real, imag } => Field::Complex(*real, *imag),
        ast::Constant::Ellipsis => Field::Ellipsis,
    }
}

fn conversion(flag: ast::ConversionFlag) -> Field {
    Field::int(match flag {
        ast::ConversionFlag::None => -1,
        ast::ConversionFlag::Str => i64::from(b's'),
        ast::ConversionFlag::Ascii => i64::from(b'a'),
        ast::ConversionFlag::Repr => i64::from(b'r'),
    })
}

// ---------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------

/// Converts rustpython nodes to [`PyNode`]s, resolving positions with `lines`.
struct Converter<'a> {
    source: &'a str,
    lines: LineIndex,
    /// Statements and expressions being converted, nested; past
    /// `compiler::nesting_limit()` the conversion stops there and
    /// `too_deep` is set (CPython's RecursionError "during ast
    /// construction").
    depth: std::cell::Cell<usize>,
    too_deep: std::cell::Cell<bool>,
}

impl Converter<'_> {
    /// A node with CPython location attributes taken from `range`.
    fn located(&self, class: &'static str, range: TextRange, fields: Vec<(&'static str, Field)>) -> PyNode {
        let mut node = unlocated(class, fields);
        self.set_location(&mut node, range);
        node
    }

    /// Sets the location attributes of `node` from the byte range `range`.
    fn set_location(&self, node: &mut PyNode, range: TextRange) {
        (node.line, node.col) = self.lines.position(range.start().to_usize());
        (node.end_line, node.end_col) = self.lines.position(range.end().to_usize());
    }

    /// The range of a compound statement (or except clause): rustpython ends
    /// it with its last body statement, CPython with the last token of the
    /// block, which also covers a trailing `;`.
    fn block_range(&self, range: TextRange) -> TextRange {
        let bytes = self.source.as_bytes();
        let mut at = range.end().to_usize();
        while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\x0c')) {
            at += 1;
        }
        if bytes.get(at) == Some(&b';') {
            TextRange::new(range.start(), ((at + 1) as u32).into())
        } else {
            range
        }
    }

    /// The CPython end offset of a `NamedExpr`: its value's end, past the
    /// closing parentheses matching those between `:=` and the value.
    fn named_expr_end(&self, n: &ast::ExprNamedExpr) -> TextSize {
        let value_end = match &*n.value {
            ast::Expr::NamedExpr(inner) => self.named_expr_end(inner),
            value => value.range().end(),
        };
        let value_range = TextRange::new(n.value.range().start(), value_end);
        self.skip_closing_parens(n.target.range().end(), value_range)
    }

    /// The end of `inner` including the closing parentheses that match the
    /// opening ones between `after` and the start of `inner`.
    fn skip_closing_parens(&self, after: TextSize, inner: TextRange) -> TextSize {
        let bytes = self.source.as_bytes();
        let gap = self.source.get(after.to_usize()..inner.start().to_usize()).unwrap_or("");
        let mut end = inner.end().to_usize();
        for _ in 0..gap.matches('(').count() {
            let mut at = end;
            while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\')) {
                at += 1;
            }
            if bytes.get(at) != Some(&b')') {
                break;
            }
            end = at + 1;
        }
        (end as u32).into()
    }

    /// Whether the source text in `range` is one parenthesized group, i.e.
    /// starts with `(` whose matching `)` ends the range.
    fn is_parenthesized(&self, range: TextRange) -> bool {
        use rustpython_parser::Tok;
        let Some(text) = self.source.get(range.start().to_usize()..range.end().to_usize()) else {
            return false;
        };
        let mut depth = 0usize;
        let mut closed = false;
        for token in rustpython_parser::lexer::lex_starts_at(text, rustpython_parser::Mode::Expression, range.start()) {
            let Ok((tok, _)) = token else {
                return false;
            };
            match tok {
                Tok::Newline | Tok::EndOfFile => {}
                _ if closed => return false,
                Tok::Lpar => depth += 1,
                Tok::Rpar if depth == 0 => return false,
                Tok::Rpar => {
                    depth -= 1;
                    closed = depth == 0;
                }
                _ if depth == 0 => return false,
                _ => {}
            }
        }
        closed
    }

    fn node(&self, class: &'static str, range: TextRange, fields: Vec<(&'static str, Field)>) -> Field {
        Field::node(self.located(class, range, fields))
    }

    // --- statements --------------------------------------------------------

    fn stmts(&self, body: &[ast::Stmt]) -> Field {
        Field::List(body.iter().map(|s| self.stmt(s)).collect())
    }

    /// Counts a level of nesting; false (and nothing converted below) past
    /// the limit.
    fn enter(&self) -> bool {
        self.depth.set(self.depth.get() + 1);
        if self.depth.get() > crate::compiler::nesting_limit() {
            self.too_deep.set(true);
        }
        !self.too_deep.get()
    }

    fn stmt(&self, s: &ast::Stmt) -> Field {
        let f = if self.enter() { self.stmt_inner(s) } else { Field::NoneValue };
        self.depth.set(self.depth.get() - 1);
        f
    }

    fn stmt_inner(&self, s: &ast::Stmt) -> Field {
        use ast::Stmt as S;
        let range = match s {
            S::FunctionDef(_)
            | S::AsyncFunctionDef(_)
            | S::ClassDef(_)
            | S::For(_)
            | S::AsyncFor(_)
            | S::While(_)
            | S::If(_)
            | S::With(_)
            | S::AsyncWith(_)
            | S::Match(_)
            | S::Try(_)
            | S::TryStar(_) => self.block_range(s.range()),
            _ => s.range(),
        };
        let (class, fields): (&'static str, _) = match s {
            S::FunctionDef(f) => {
                ("FunctionDef", self.function_fields(&f.name, &f.args, &f.body, &f.decorator_list, &f.returns, &f.type_comment))
            }
            S::AsyncFunctionDef(f) => {
                ("AsyncFunctionDef", self.function_fields(&f.name, &f.args, &f.body, &f.decorator_list, &f.returns, &f.type_comment))
            }
            S::ClassDef(c) => (
                "ClassDef",
                vec![
                    ("name", ident(&c.name)),
                    ("bases", self.exprs(&c.bases)),
                    ("keywords", self.keywords(&c.keywords)),
                    ("body", self.stmts(&c.body)),
                    ("decorator_list", self.exprs(&c.decorator_list)),
                ],
            ),
            S::Return(r) => ("Return", vec![("value", self.opt_expr(&r.value))]),
            S::Delete(d) => ("Delete", vec![("targets", self.exprs(&d.targets))]),
            S::Assign(a) => (
                "Assign",
                vec![("targets", self.exprs(&a.targets)), ("value", self.expr(&a.value)), ("type_comment", opt_string(&a.type_comment))],
            ),
            // Python 3.12 syntax, rejected by CPython 3.11: emitted in 3.12's shape.
            S::TypeAlias(t) => (
                "TypeAlias",
                vec![("name", self.expr(&t.name)), ("type_params", self.type_params(&t.type_params)), ("value", self.expr(&t.value))],
            ),
            S::AugAssign(a) => {
                ("AugAssign", vec![("target", self.expr(&a.target)), ("op", operator(a.op)), ("value", self.expr(&a.value))])
            }
            S::AnnAssign(a) => (
                "AnnAssign",
                vec![
                    ("target", self.expr(&a.target)),
                    ("annotation", self.expr(&a.annotation)),
                    ("value", self.opt_expr(&a.value)),
                    // CPython: 1 only for an unparenthesized `Name` target.  rustpython
                    // sets `simple` for any `Name`, so `(x): int` is detected by the
                    // statement starting before its target (at the `(`).
                    ("simple", bool_int(a.simple && a.target.range().start() == range.start())),
                ],
            ),
            S::For(f) => ("For", self.for_fields(&f.target, &f.iter, &f.body, &f.orelse, &f.type_comment)),
            S::AsyncFor(f) => ("AsyncFor", self.for_fields(&f.target, &f.iter, &f.body, &f.orelse, &f.type_comment)),
            S::While(w) => ("While", vec![("test", self.expr(&w.test)), ("body", self.stmts(&w.body)), ("orelse", self.stmts(&w.orelse))]),
            S::If(i) => ("If", vec![("test", self.expr(&i.test)), ("body", self.stmts(&i.body)), ("orelse", self.stmts(&i.orelse))]),
            S::With(w) => ("With", self.with_fields(&w.items, &w.body, &w.type_comment)),
            S::AsyncWith(w) => ("AsyncWith", self.with_fields(&w.items, &w.body, &w.type_comment)),
            S::Match(m) => (
                "Match",
                vec![
                    ("subject", self.match_subject(&m.subject, range)),
                    ("cases", Field::List(m.cases.iter().map(|c| self.match_case(c)).collect())),
                ],
            ),
            S::Raise(r) => ("Raise", vec![("exc", self.opt_expr(&r.exc)), ("cause", self.opt_expr(&r.cause))]),
            S::Try(t) => ("Try", self.try_fields(&t.body, &t.handlers, &t.orelse, &t.finalbody)),
            S::TryStar(t) => ("TryStar", self.try_fields(&t.body, &t.handlers, &t.orelse, &t.finalbody)),
            S::Assert(a) => ("Assert", vec![("test", self.expr(&a.test)), ("msg", self.opt_expr(&a.msg))]),
            S::Import(i) => ("Import", vec![("names", self.aliases(&i.names))]),
            S::ImportFrom(i) => (
                "ImportFrom",
                vec![
                    ("module", opt_ident(&i.module)),
                    ("names", self.aliases(&i.names)),
                    ("level", Field::int(i.level.map_or(0, |l| i64::from(l.to_u32())))),
                ],
            ),
            S::Global(g) => ("Global", vec![("names", idents(&g.names))]),
            S::Nonlocal(n) => ("Nonlocal", vec![("names", idents(&n.names))]),
            S::Expr(e) => ("Expr", vec![("value", self.expr(&e.value))]),
            S::Pass(_) => ("Pass", Vec::new()),
            S::Break(_) => ("Break", Vec::new()),
            S::Continue(_) => ("Continue", Vec::new()),
        };
        self.node(class, range, fields)
    }

    /// Fields of `FunctionDef`/`AsyncFunctionDef` (3.11 has no `type_params`).
    fn function_fields(
        &self,
        name: &ast::Identifier,
        args: &ast::Arguments,
        body: &[ast::Stmt],
        decorator_list: &[ast::Expr],
        returns: &Option<Box<ast::Expr>>,
        type_comment: &Option<String>,
    ) -> Vec<(&'static str, Field)> {
        vec![
            ("name", ident(name)),
            ("args", self.arguments(args)),
            ("body", self.stmts(body)),
            ("decorator_list", self.exprs(decorator_list)),
            ("returns", self.opt_expr(returns)),
            ("type_comment", opt_string(type_comment)),
        ]
    }

    fn for_fields(
        &self,
        target: &ast::Expr,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        type_comment: &Option<String>,
    ) -> Vec<(&'static str, Field)> {
        vec![
            ("target", self.expr(target)),
            ("iter", self.expr(iter)),
            ("body", self.stmts(body)),
            ("orelse", self.stmts(orelse)),
            ("type_comment", opt_string(type_comment)),
        ]
    }

    fn with_fields(&self, items: &[ast::WithItem], body: &[ast::Stmt], type_comment: &Option<String>) -> Vec<(&'static str, Field)> {
        let items = items
            .iter()
            .map(|item| {
                Field::node(unlocated(
                    "withitem",
                    vec![("context_expr", self.expr(&item.context_expr)), ("optional_vars", self.opt_expr(&item.optional_vars))],
                ))
            })
            .collect();
        vec![("items", Field::List(items)), ("body", self.stmts(body)), ("type_comment", opt_string(type_comment))]
    }

    fn try_fields(
        &self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) -> Vec<(&'static str, Field)> {
        let handlers = handlers
            .iter()
            .map(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                self.node(
                    "ExceptHandler",
                    self.block_range(h.range),
                    vec![("type", self.opt_expr(&h.type_)), ("name", opt_ident(&h.name)), ("body", self.stmts(&h.body))],
                )
            })
            .collect();
        vec![
            ("body", self.stmts(body)),
            ("handlers", Field::List(handlers)),
            ("orelse", self.stmts(orelse)),
            ("finalbody", self.stmts(finalbody)),
        ]
    }

    fn aliases(&self, names: &[ast::Alias]) -> Field {
        Field::List(
            names.iter().map(|a| self.node("alias", a.range, vec![("name", ident(&a.name)), ("asname", opt_ident(&a.asname))])).collect(),
        )
    }

    fn type_params(&self, params: &[ast::TypeParam]) -> Field {
        Field::List(
            params
                .iter()
                .map(|p| match p {
                    ast::TypeParam::TypeVar(t) => {
                        self.node("TypeVar", t.range, vec![("name", ident(&t.name)), ("bound", self.opt_expr(&t.bound))])
                    }
                    ast::TypeParam::ParamSpec(t) => self.node("ParamSpec", t.range, vec![("name", ident(&t.name))]),
                    ast::TypeParam::TypeVarTuple(t) => self.node("TypeVarTuple", t.range, vec![("name", ident(&t.name))]),
                })
                .collect(),
        )
    }

    // --- function signatures -------------------------------------------------

    fn arg(&self, a: &ast::Arg) -> Field {
        self.node(
            "arg",
            a.range,
            vec![("arg", ident(&a.arg)), ("annotation", self.opt_expr(&a.annotation)), ("type_comment", opt_string(&a.type_comment))],
        )
    }

    fn opt_arg(&self, a: &Option<Box<ast::Arg>>) -> Field {
        a.as_ref().map_or(Field::Missing, |a| self.arg(a))
    }

    /// Rebuilds CPython's `arguments` node from rustpython's `ArgWithDefault`
    /// representation.
    fn arguments(&self, a: &ast::Arguments) -> Field {
        let positional = a.posonlyargs.iter().chain(a.args.iter());
        // Only trailing positional parameters can have defaults, so collecting
        // every present default in order gives CPython's `defaults` list.
        let defaults = positional.filter_map(|p| p.default.as_deref()).map(|d| self.expr(d)).collect();
        let kw_defaults = a.kwonlyargs.iter().map(|p| p.default.as_deref().map_or(Field::NoneValue, |d| self.expr(d))).collect();
        let args_of = |list: &[ast::ArgWithDefault]| Field::List(list.iter().map(|p| self.arg(&p.def)).collect());
        Field::node(unlocated(
            "arguments",
            vec![
                ("posonlyargs", args_of(&a.posonlyargs)),
                ("args", args_of(&a.args)),
                ("vararg", self.opt_arg(&a.vararg)),
                ("kwonlyargs", args_of(&a.kwonlyargs)),
                ("kw_defaults", Field::List(kw_defaults)),
                ("kwarg", self.opt_arg(&a.kwarg)),
                ("defaults", Field::List(defaults)),
            ],
        ))
    }

    fn keywords(&self, keywords: &[ast::Keyword]) -> Field {
        Field::List(
            keywords
                .iter()
                .map(|k| self.node("keyword", k.range, vec![("arg", opt_ident(&k.arg)), ("value", self.expr(&k.value))]))
                .collect(),
        )
    }

    // --- expressions ---------------------------------------------------------

    fn exprs(&self, exprs: &[ast::Expr]) -> Field {
        Field::List(exprs.iter().map(|e| self.expr(e)).collect())
    }

    fn opt_expr(&self, e: &Option<Box<ast::Expr>>) -> Field {
        e.as_ref().map_or(Field::Missing, |e| self.expr(e))
    }

    fn expr(&self, e: &ast::Expr) -> Field {
        let f = if self.enter() { self.expr_inner(e) } else { Field::NoneValue };
        self.depth.set(self.depth.get() - 1);
        f
    }

    fn expr_inner(&self, e: &ast::Expr) -> Field {
        use ast::Expr as E;
        let range = e.range();
        let (class, fields): (&'static str, _) = match e {
            E::BoolOp(b) => ("BoolOp", vec![("op", bool_op(b.op)), ("values", self.exprs(&b.values))]),
            E::NamedExpr(n) => {
                // rustpython ends the node at its value's range, which leaves out
                // the value's own parentheses (`x := (y)`); CPython includes them.
                let named = self.located(
                    "NamedExpr",
                    TextRange::new(range.start(), self.named_expr_end(n)),
                    vec![("target", self.expr(&n.target)), ("value", self.expr(&n.value))],
                );
                return Field::node(named);
            }
            E::BinOp(b) => ("BinOp", vec![("left", self.expr(&b.left)), ("op", operator(b.op)), ("right", self.expr(&b.right))]),
            E::UnaryOp(u) => ("UnaryOp", vec![("op", unary_op(u.op)), ("operand", self.expr(&u.operand))]),
            E::Lambda(l) => ("Lambda", vec![("args", self.arguments(&l.args)), ("body", self.expr(&l.body))]),
            E::IfExp(i) => ("IfExp", vec![("test", self.expr(&i.test)), ("body", self.expr(&i.body)), ("orelse", self.expr(&i.orelse))]),
            E::Dict(d) => {
                let keys = d.keys.iter().map(|k| k.as_ref().map_or(Field::NoneValue, |k| self.expr(k))).collect();
                ("Dict", vec![("keys", Field::List(keys)), ("values", self.exprs(&d.values))])
            }
            E::Set(s) => ("Set", vec![("elts", self.exprs(&s.elts))]),
            E::ListComp(c) => ("ListComp", vec![("elt", self.expr(&c.elt)), ("generators", self.comprehensions(&c.generators))]),
            E::SetComp(c) => ("SetComp", vec![("elt", self.expr(&c.elt)), ("generators", self.comprehensions(&c.generators))]),
            E::DictComp(c) => (
                "DictComp",
                vec![("key", self.expr(&c.key)), ("value", self.expr(&c.value)), ("generators", self.comprehensions(&c.generators))],
            ),
            E::GeneratorExp(c) => ("GeneratorExp", vec![("elt", self.expr(&c.elt)), ("generators", self.comprehensions(&c.generators))]),
            E::Await(a) => ("Await", vec![("value", self.expr(&a.value))]),
            E::Yield(y) => ("Yield", vec![("value", self.opt_expr(&y.value))]),
            E::YieldFrom(y) => ("YieldFrom", vec![("value", self.expr(&y.value))]),
            E::Compare(c) => (
                "Compare",
                vec![
                    ("left", self.expr(&c.left)),
                    ("ops", Field::List(c.ops.iter().map(|op| cmp_op(*op)).collect())),
                    ("comparators", self.exprs(&c.comparators)),
                ],
            ),
            E::Call(c) => {
                let mut args = self.exprs(&c.args);
                // `f(x for x in y)`: CPython gives the generator expression the
                // range of the call's parentheses; rustpython omits them.
                if let ([E::GeneratorExp(g)], [], Field::List(converted)) = (&c.args[..], &c.keywords[..], &mut args) {
                    if !self.is_parenthesized(g.range) {
                        let open = self.next_token_byte(c.func.range().end().to_usize());
                        if let (Some((at, b'(')), Some(Field::Node(node))) = (open, converted.first_mut()) {
                            let range = TextRange::new((at as u32).into(), c.range.end());
                            self.set_location(node, range);
                        }
                    }
                }
                ("Call", vec![("func", self.expr(&c.func)), ("args", args), ("keywords", self.keywords(&c.keywords))])
            }
            // Only found inside a `JoinedStr` (handled by `joined_values`).
            E::FormattedValue(f) => return self.formatted_value(f, f.range),
            E::JoinedStr(j) => ("JoinedStr", vec![("values", self.joined_values(&j.values, j.range, None))]),
            E::Constant(c) => ("Constant", vec![("value", constant(&c.value)), ("kind", opt_string(&c.kind))]),
            E::Attribute(a) => ("Attribute", vec![("value", self.expr(&a.value)), ("attr", ident(&a.attr)), ("ctx", expr_context(a.ctx))]),
            E::Subscript(s) => {
                // CPython wraps a lone starred subscript (`a[*b]`) in a one-element
                // `Tuple`; rustpython leaves the bare `Starred`.
                let slice = match &*s.slice {
                    E::Starred(starred) => self.node(
                        "Tuple",
                        starred.range,
                        vec![("elts", Field::List(vec![self.expr(&s.slice)])), ("ctx", expr_context(ast::ExprContext::Load))],
                    ),
                    other => self.expr(other),
                };
                ("Subscript", vec![("value", self.expr(&s.value)), ("slice", slice), ("ctx", expr_context(s.ctx))])
            }
            E::Starred(s) => ("Starred", vec![("value", self.expr(&s.value)), ("ctx", expr_context(s.ctx))]),
            E::Name(n) => ("Name", vec![("id", ident(&n.id)), ("ctx", expr_context(n.ctx))]),
            E::List(l) => ("List", vec![("elts", self.exprs(&l.elts)), ("ctx", expr_context(l.ctx))]),
            E::Tuple(t) => ("Tuple", vec![("elts", self.exprs(&t.elts)), ("ctx", expr_context(t.ctx))]),
            E::Slice(s) => {
                ("Slice", vec![("lower", self.opt_expr(&s.lower)), ("upper", self.opt_expr(&s.upper)), ("step", self.opt_expr(&s.step))])
            }
        };
        self.node(class, range, fields)
    }

    /// The `values` of a `JoinedStr`, normalised to CPython 3.11's shape:
    /// adjacent string constants are merged into one `Constant` (keeping the
    /// first part's `kind`) and empty ones are dropped.
    ///
    /// Positions follow CPython 3.11, which gives the parts of an f-string the
    /// range of the outermost `JoinedStr` (`outer`, the whole implicitly
    /// concatenated literal) -- except that a trailing literal part of a format
    /// spec gets the range of its own string token (`spec_token`).
    fn joined_values(&self, values: &[ast::Expr], outer: TextRange, spec_token: Option<TextRange>) -> Field {
        let constant = |text: String, kind: &Option<String>, range: TextRange| {
            self.node("Constant", range, vec![("value", Field::Str(text)), ("kind", opt_string(kind))])
        };
        let mut out = Vec::new();
        // Literal text being accumulated, with the `kind` of its first part.
        let mut pending: Option<(String, &Option<String>)> = None;
        for value in values {
            match value {
                ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(s), kind, .. }) => match &mut pending {
                    Some((text, _)) => text.push_str(s),
                    None => pending = Some((s.clone(), kind)),
                },
                other => {
                    if let Some((text, kind)) = pending.take().filter(|(t, _)| !t.is_empty()) {
                        out.push(constant(text, kind, outer));
                    }
                    out.push(match other {
                        ast::Expr::FormattedValue(f) => self.formatted_value(f, outer),
                        other => self.expr(other),
                    });
                }
            }
        }
        if let Some((text, kind)) = pending.filter(|(t, _)| !t.is_empty()) {
            out.push(constant(text, kind, spec_token.unwrap_or(outer)));
        }
        Field::List(out)
    }

    /// A `FormattedValue` that is part of an f-string whose outermost
    /// `JoinedStr` spans `outer` (CPython 3.11 gives it that range).
    fn formatted_value(&self, f: &ast::ExprFormattedValue, outer: TextRange) -> Field {
        let spec = f.format_spec.as_ref().map_or(Field::Missing, |spec| self.format_spec(spec, outer));
        self.node(
            "FormattedValue",
            outer,
            vec![("value", self.expr(&f.value)), ("conversion", conversion(f.conversion)), ("format_spec", spec)],
        )
    }

    fn comprehensions(&self, generators: &[ast::Comprehension]) -> Field {
        Field::List(
            generators
                .iter()
                .map(|c| {
                    Field::node(unlocated(
                        "comprehension",
                        vec![
                            ("target", self.expr(&c.target)),
                            ("iter", self.expr(&c.iter)),
                            ("ifs", self.exprs(&c.ifs)),
                            ("is_async", bool_int(c.is_async)),
                        ],
                    ))
                })
                .collect(),
        )
    }

    /// The `format_spec` of a `FormattedValue`.  rustpython copies the literal
    /// text of a format spec verbatim, so (unless the f-string is raw) its
    /// backslash escapes are decoded here as CPython does; `\N{NAME}`, which
    /// rustpython splits into the text `\N` and a replacement field `{NAME}`,
    /// is put back together.
    fn format_spec(&self, spec: &ast::Expr, outer: TextRange) -> Field {
        let ast::Expr::JoinedStr(joined) = spec else {
            return self.expr(spec);
        };
        let spec_joined = |values: &[ast::Expr]| {
            self.node("JoinedStr", joined.range, vec![("values", self.joined_values(values, outer, Some(joined.range)))])
        };
        if self.is_raw_string_at(joined.range.start().to_usize()) {
            return spec_joined(&joined.values);
        }
        let mut values: Vec<ast::Expr> = Vec::with_capacity(joined.values.len());
        let mut iter = joined.values.iter().peekable();
        while let Some(value) = iter.next() {
            let ast::Expr::Constant(c @ ast::ExprConstant { value: ast::Constant::Str(text), .. }) = value else {
                values.push(value.clone());
                continue;
            };
            let mut text = text.clone();
            // `\N{NAME}` arrives as "...\N" followed by the field `{NAME}`.
            if ends_with_unescaped_n(&text) {
                if let Some(ast::Expr::FormattedValue(ast::ExprFormattedValue {
                    value: name,
                    conversion: ast::ConversionFlag::None,
                    format_spec: None,
                    ..
                })) = iter.peek()
                {
                    if let ast::Expr::Name(name) = &**name {
                        text.push('{');
                        text.push_str(name.id.as_str());
                        text.push('}');
                        iter.next();
                    }
                }
            }
            values.push(ast::Expr::Constant(ast::ExprConstant {
                value: ast::Constant::Str(decode_escapes(&text)),
                kind: c.kind.clone(),
                range: c.range,
            }));
        }
        spec_joined(&values)
    }

    /// Whether the string token starting at byte `offset` has an `r` prefix.
    fn is_raw_string_at(&self, offset: usize) -> bool {
        self.source.get(offset..).unwrap_or("").chars().take_while(|c| c.is_ascii_alphabetic()).any(|c| c == 'r' || c == 'R')
    }

    /// The first byte at or after `offset` that is not whitespace, a line
    /// continuation, a comment or a closing parenthesis, with its offset.
    fn next_token_byte(&self, mut offset: usize) -> Option<(usize, u8)> {
        let bytes = self.source.as_bytes();
        while let Some(&b) = bytes.get(offset) {
            match b {
                b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\' | b')' => offset += 1,
                b'#' => {
                    while bytes.get(offset).is_some_and(|&b| b != b'\n') {
                        offset += 1;
                    }
                }
                _ => return Some((offset, b)),
            }
        }
        None
    }

    /// The subject of a `match` statement.  rustpython drops the tuple of a
    /// single subject with a trailing comma (`match x,:`) and gives an
    /// unparenthesized tuple subject (`match a, b:`) the whole statement's
    /// range; both are rebuilt as CPython's `Tuple`.
    fn match_subject(&self, subject: &ast::Expr, stmt_range: TextRange) -> Field {
        // The end of an unparenthesized subject tuple whose last element ends
        // at `end`: past the closing parentheses of that element (every `)`
        // before the `:` closes a parenthesis opened inside the subject) and
        // a trailing comma.
        let tuple_end = |last_end: usize| -> usize {
            match self.next_token_byte(last_end) {
                Some((comma, b',')) => comma + 1,
                // `next_token_byte` skipped the element's closing parentheses.
                Some((next, _)) => self.source[last_end..next].rfind(')').map_or(last_end, |i| last_end + i + 1),
                None => last_end,
            }
        };
        // The tuple starts with the subject's first token (which may be a `(`
        // that is not part of the first element's range).
        let after_keyword = stmt_range.start().to_usize() + "match".len();
        let tuple_start = |elt_start: TextSize| -> TextSize {
            let bytes = self.source.as_bytes();
            let mut at = after_keyword;
            while at < elt_start.to_usize() && matches!(bytes[at], b' ' | b'\t' | b'\x0c' | b'\\') {
                at += 1;
            }
            (at as u32).into()
        };
        match subject {
            ast::Expr::Tuple(t) if t.range == stmt_range && !t.elts.is_empty() => {
                let first = tuple_start(t.elts[0].range().start());
                let last = t.elts[t.elts.len() - 1].range().end().to_usize();
                let end = tuple_end(last);
                let range = TextRange::new(first, (end as u32).into());
                self.node("Tuple", range, vec![("elts", self.exprs(&t.elts)), ("ctx", expr_context(t.ctx))])
            }
            _ => {
                let end = subject.range().end().to_usize();
                match self.next_token_byte(end) {
                    Some((at, b',')) => self.node(
                        "Tuple",
                        TextRange::new(tuple_start(subject.range().start()), ((at + 1) as u32).into()),
                        vec![("elts", Field::List(vec![self.expr(subject)])), ("ctx", expr_context(ast::ExprContext::Load))],
                    ),
                    _ => self.expr(subject),
                }
            }
        }
    }

    // --- pattern matching ------------------------------------------------------

    fn match_case(&self, c: &ast::MatchCase) -> Field {
        Field::node(unlocated(
            "match_case",
            vec![("pattern", self.pattern(&c.pattern)), ("guard", self.opt_expr(&c.guard)), ("body", self.stmts(&c.body))],
        ))
    }

    fn patterns(&self, patterns: &[ast::Pattern]) -> Field {
        Field::List(patterns.iter().map(|p| self.pattern(p)).collect())
    }

    fn pattern(&self, p: &ast::Pattern) -> Field {
        use ast::Pattern as P;
        let range = p.range();
        let (class, fields): (&'static str, _) = match p {
            P::MatchValue(m) => ("MatchValue", vec![("value", self.expr(&m.value))]),
            P::MatchSingleton(m) => ("MatchSingleton", vec![("value", constant(&m.value))]),
            P::MatchSequence(m) => ("MatchSequence", vec![("patterns", self.patterns(&m.patterns))]),
            P::MatchMapping(m) => (
                "MatchMapping",
                vec![("keys", self.exprs(&m.keys)), ("patterns", self.patterns(&m.patterns)), ("rest", opt_ident(&m.rest))],
            ),
            P::MatchClass(m) => (
                "MatchClass",
                vec![
                    ("cls", self.expr(&m.cls)),
                    ("patterns", self.patterns(&m.patterns)),
                    ("kwd_attrs", idents(&m.kwd_attrs)),
                    ("kwd_patterns", self.patterns(&m.kwd_patterns)),
                ],
            ),
            P::MatchStar(m) => ("MatchStar", vec![("name", opt_ident(&m.name))]),
            P::MatchAs(m) => {
                ("MatchAs", vec![("pattern", m.pattern.as_ref().map_or(Field::Missing, |p| self.pattern(p))), ("name", opt_ident(&m.name))])
            }
            P::MatchOr(m) => ("MatchOr", vec![("patterns", self.patterns(&m.patterns))]),
        };
        self.node(class, range, fields)
    }
}

/// Whether `text` ends in `\N` where the backslash is not itself escaped.
fn ends_with_unescaped_n(text: &str) -> bool {
    let Some(head) = text.strip_suffix('N') else {
        return false;
    };
    let backslashes = head.bytes().rev().take_while(|&b| b == b'\\').count();
    backslashes % 2 == 1
}

/// Decodes the backslash escapes of a (non-raw) Python str literal body, the
/// way rustpython does for ordinary literals: lone surrogates become U+FFFD,
/// unknown escapes are kept verbatim.
fn decode_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        let hex = |n: usize, chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
            let digits: String = (0..n).filter_map(|_| chars.next()).collect();
            u32::from_str_radix(&digits, 16).ok().map(|cp| char::from_u32(cp).unwrap_or('\u{fffd}'))
        };
        let decoded = match e {
            '\n' => None,
            '\\' | '\'' | '"' => Some(e),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                char::from_u32(value)
            }
            'x' => hex(2, &mut chars),
            'u' => hex(4, &mut chars),
            'U' => hex(8, &mut chars),
            'N' if chars.peek() == Some(&'{') => {
                let name: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                Some(unicode_named_char(&name).unwrap_or('\u{fffd}'))
            }
            other => {
                out.push('\\');
                Some(other)
            }
        };
        out.extend(decoded);
    }
    out
}

/// The character named `name` (as in `"\N{name}"`), looked up by letting
/// rustpython-parser decode such a literal.
fn unicode_named_char(name: &str) -> Option<char> {
    if name.contains(['}', '\'', '\\', '\n']) {
        return None;
    }
    let literal = format!("'\\N{{{name}}}'");
    match rustpython_parser::parse(&literal, rustpython_parser::Mode::Expression, "<name>") {
        Ok(ast::Mod::Expression(ast::ModExpression { body, .. })) => match *body {
            ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(s), .. }) => s.chars().next(),
            _ => None,
        },
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// ast.dump
// ---------------------------------------------------------------------------

/// Port of the `_format` helper of CPython 3.11's `ast.dump`: returns the text
/// and whether it is "simple" (a repr, an empty list or a node without fields).
fn format_node(node: &PyNode, level: usize, indent: Option<&str>, include_attributes: bool) -> (String, bool) {
    format_value(FieldRef::Node(node), level, indent, include_attributes)
}

/// A node or a field value, so nodes and lists share one `_format` routine.
#[derive(Clone, Copy)]
enum FieldRef<'a> {
    Node(&'a PyNode),
    Field(&'a Field),
}

fn format_value(value: FieldRef<'_>, level: usize, indent: Option<&str>, include_attributes: bool) -> (String, bool) {
    let (level, prefix, sep) = match indent {
        Some(ind) => {
            let level = level + 1;
            let pad = ind.repeat(level);
            (level, format!("\n{pad}"), format!(",\n{pad}"))
        }
        None => (level, String::new(), ", ".to_owned()),
    };
    let node = match value {
        FieldRef::Node(node) => node,
        FieldRef::Field(Field::Node(node)) => node,
        FieldRef::Field(Field::List(items)) => {
            if items.is_empty() {
                return ("[]".to_owned(), true);
            }
            let items: Vec<String> =
                items.iter().map(|item| format_value(FieldRef::Field(item), level, indent, include_attributes).0).collect();
            return (format!("[{prefix}{}]", items.join(&sep)), false);
        }
        FieldRef::Field(scalar) => return (repr(scalar), true),
    };
    let mut args = Vec::with_capacity(node.fields.len() + 4);
    for (name, value) in &node.fields {
        if matches!(value, Field::Missing) {
            continue;
        }
        let (text, simple) = format_value(FieldRef::Field(value), level, indent, include_attributes);
        args.push((format!("{name}={text}"), simple));
    }
    if include_attributes && has_location(node.class) {
        for (name, value) in
            [("lineno", node.line), ("col_offset", node.col), ("end_lineno", node.end_line), ("end_col_offset", node.end_col)]
        {
            args.push((format!("{name}={value}"), true));
        }
    }
    let all_simple = args.iter().all(|(_, simple)| *simple);
    let args: Vec<String> = args.into_iter().map(|(text, _)| text).collect();
    if all_simple && args.len() <= 3 {
        let simple = args.is_empty();
        (format!("{}({})", node.class, args.join(", ")), simple)
    } else {
        (format!("{}({prefix}{})", node.class, args.join(&sep)), false)
    }
}

/// Whether CPython's class `class` has location `_attributes` (`lineno`,
/// `col_offset`, `end_lineno`, `end_col_offset`).
pub fn has_location(class: &str) -> bool {
    !matches!(
        class,
        "Module"
            | "Interactive"
            | "Expression"
            | "FunctionType"
            | "TypeIgnore"
            | "arguments"
            | "comprehension"
            | "withitem"
            | "match_case"
            | "Load"
            | "Store"
            | "Del"
            | "And"
            | "Or"
            | "Add"
            | "Sub"
            | "Mult"
            | "MatMult"
            | "Div"
            | "Mod"
            | "Pow"
            | "LShift"
            | "RShift"
            | "BitOr"
            | "BitXor"
            | "BitAnd"
            | "FloorDiv"
            | "Invert"
            | "Not"
            | "UAdd"
            | "USub"
            | "Eq"
            | "NotEq"
            | "Lt"
            | "LtE"
            | "Gt"
            | "GtE"
            | "Is"
            | "IsNot"
            | "In"
            | "NotIn"
    )
}

/// Python `repr()` of a scalar field value.
fn repr(value: &Field) -> String {
    match value {
        Field::Str(s) => str_repr(s),
        Field::Bytes(b) => bytes_repr(b),
        Field::Int(i) => i.to_string(),
        Field::Float(f) => float_repr(*f, true),
        Field::Complex(re, im) => complex_repr(*re, *im),
        Field::Bool(true) => "True".to_owned(),
        Field::Bool(false) => "False".to_owned(),
        Field::NoneValue | Field::Missing => "None".to_owned(),
        Field::Ellipsis => "Ellipsis".to_owned(),
        // Nodes and lists are handled by `format_field_at`.
        Field::Node(_) | Field::List(_) => unreachable!("repr() of a node or list"),
    }
}

fn str_repr(s: &str) -> String {
    crate::vm::repr::repr_str(s)
}

fn bytes_repr(b: &[u8]) -> String {
    crate::vm::repr::repr_bytes(b)
}

fn float_repr(v: f64, _add_dot_0: bool) -> String {
    crate::objects::float::repr(v)
}

fn complex_repr(re: f64, im: f64) -> String {
    crate::vm::repr::repr_complex(re, im)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs() {
        let cases = [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-7, "1e-07"),
            (0.0001, "0.0001"),
            (1e-5, "1e-05"),
            (1.5e300, "1.5e+300"),
            (123.456, "123.456"),
            (f64::INFINITY, "inf"),
            // Ties between two shortest candidates round half to even.
            (99.99880981445312, "99.99880981445312"),
            (1429035198630573.2, "1429035198630573.2"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (0.3, "0.3"),
            (2.5, "2.5"),
            (1e22, "1e+22"),
        ];
        for (v, want) in cases {
            assert_eq!(float_repr(v, true), want, "{v}");
        }
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
        assert_eq!(complex_repr(0.0, f64::INFINITY), "infj");
    }

    fn dump_source(source: &str, mode: rustpython_parser::Mode, indent: Option<&str>) -> String {
        let m = rustpython_parser::parse(source, mode, "<test>").expect("parses");
        dump(&module_to_node(&m, source), indent)
    }

    // Expected strings below were produced by CPython 3.11.7's `ast.dump`.
    #[test]
    fn modes_and_indents() {
        use rustpython_parser::Mode;
        assert_eq!(
            dump_source("1+2", Mode::Expression, None),
            "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))"
        );
        assert_eq!(
            dump_source("x=1\n", Mode::Interactive, None),
            "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"
        );
        let greet = "def greet(name):\n    return f'Hello, {name}!'\n";
        assert_eq!(
            dump_source(greet, Mode::Module, None),
            "Module(body=[FunctionDef(name='greet', args=arguments(posonlyargs=[], \
             args=[arg(arg='name')], kwonlyargs=[], kw_defaults=[], defaults=[]), \
             body=[Return(value=JoinedStr(values=[Constant(value='Hello, '), \
             FormattedValue(value=Name(id='name', ctx=Load()), conversion=-1), \
             Constant(value='!')]))], decorator_list=[])], type_ignores=[])"
        );
        assert_eq!(
            dump_source(greet, Mode::Module, Some("\t")),
            "Module(\n\tbody=[\n\t\tFunctionDef(\n\t\t\tname='greet',\n\t\t\targs=arguments(\n\
             \t\t\t\tposonlyargs=[],\n\t\t\t\targs=[\n\t\t\t\t\targ(arg='name')],\n\
             \t\t\t\tkwonlyargs=[],\n\t\t\t\tkw_defaults=[],\n\t\t\t\tdefaults=[]),\n\
             \t\t\tbody=[\n\t\t\t\tReturn(\n\t\t\t\t\tvalue=JoinedStr(\n\
             \t\t\t\t\t\tvalues=[\n\t\t\t\t\t\t\tConstant(value='Hello, '),\n\
             \t\t\t\t\t\t\tFormattedValue(\n\
             \t\t\t\t\t\t\t\tvalue=Name(id='name', ctx=Load()),\n\
             \t\t\t\t\t\t\t\tconversion=-1),\n\
             \t\t\t\t\t\t\tConstant(value='!')]))],\n\t\t\tdecorator_list=[])],\n\
             \ttype_ignores=[])"
        );
        assert_eq!(
            dump_source("def f(a, b=1, *c, d, e=2, **g): pass", Mode::Module, None),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], \
             args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), \
             kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], \
             kwarg=arg(arg='g'), defaults=[Constant(value=1)]), body=[Pass()], \
             decorator_list=[])], type_ignores=[])"
        );
    }

    #[test]
    fn positions() {
        let source = "x = 1\né = f'{y}' 'z'\n";
        let m = rustpython_parser::parse(source, rustpython_parser::Mode::Module, "<test>").expect("parses");
        let module = module_to_node(&m, source);
        let Field::List(body) = &module.fields[0].1 else { panic!("body is a list") };
        let Field::Node(assign) = &body[1] else { panic!("statement node") };
        // CPython: lineno=2, col_offset=0, end_lineno=2, end_col_offset=15 (bytes).
        assert_eq!((assign.line, assign.col, assign.end_line, assign.end_col), (2, 0, 2, 15));
    }

    #[test]
    fn string_reprs() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a'b\""), "'a\\'b\"'");
        assert_eq!(str_repr("\n\t\\\x01\x7f\u{a0}é\u{200b}😀"), "'\\n\\t\\\\\\x01\\x7f\\xa0é\\u200b😀'");
        assert_eq!(bytes_repr(b"a'\x00\xff"), "b\"a'\\x00\\xff\"");
    }
}
