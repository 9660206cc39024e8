//! The front end: source text → AST (with `rustpython-parser`), and parse
//! errors turned into CPython's `SyntaxError` / `IndentationError` messages.

pub mod ast_dump;
mod surrogates;

use rustpython_parser::{ast, ParseErrorType, Tok};

use crate::bytecode::CodeObj;
use crate::compiler::{self, CompileError, LineIndex, Mode};
use crate::objects::PyRef;

/// Parses and compiles `source`.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<PyRef<CodeObj>, CompileError> {
    let module = parse(source, filename, mode)?;
    compiler::compile_ast(&module, source, filename, mode)
}

/// Parses `source` into an AST.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<ast::Mod, CompileError> {
    let pmode = match mode {
        Mode::Exec => rustpython_parser::Mode::Module,
        Mode::Eval => rustpython_parser::Mode::Expression,
    };
    if let Some(e) = tokenizer_limits(source, pmode) {
        return Err(e);
    }
    match rustpython_parser::parse(source, pmode, filename) {
        Ok(m) if surrogates::has_surrogate_escape(source) => Ok(surrogates::fix_literals(m, source)),
        Ok(m) => Ok(m),
        Err(e) => Err(translate_error(source, &e)),
    }
}

/// CPython's tokenizer limits (MAXLEVEL, MAXINDENT): at most 200 brackets
/// open at once ("too many nested parentheses", at the 201st) and 100
/// levels of indentation ("too many levels of indentation", at the line
/// that would open the 101st). A quick scan of the raw text first: the
/// exact check (the lexer, strings and comments skipped) runs only for a
/// source that might exceed them.
fn tokenizer_limits(source: &str, mode: rustpython_parser::Mode) -> Option<CompileError> {
    const MAX_LEVEL: usize = 200;
    const MAX_INDENT: usize = 100;
    let (mut depth, mut max_depth) = (0usize, 0usize);
    for b in source.bytes() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max_depth = max_depth.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let deep_indent = source.lines().any(|l| l.len() - l.trim_start_matches([' ', '\t', '\x0c']).len() >= MAX_INDENT);
    if max_depth <= MAX_LEVEL && !deep_indent {
        return None;
    }
    let index = LineIndex::new(source);
    let (mut level, mut indents) = (0usize, 0usize);
    for t in rustpython_parser::lexer::lex(source, mode) {
        // (A lexical error is the parser's to report.)
        let Ok((tok, range)) = t else { return None };
        let at: u32 = range.start().into();
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                if level >= MAX_LEVEL {
                    let (line, col) = (index.line(at), index.col(at));
                    return Some(CompileError {
                        msg: "too many nested parentheses".into(),
                        line,
                        col,
                        indentation: false,
                        span: Some((at, at)),
                    });
                }
                level += 1;
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => level = level.saturating_sub(1),
            Tok::Indent => {
                indents += 1;
                if indents >= MAX_INDENT {
                    return Some(CompileError {
                        msg: "too many levels of indentation".into(),
                        line: index.line(at),
                        col: 1,
                        indentation: true,
                        span: None,
                    });
                }
            }
            Tok::Dedent => indents = indents.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Turns a parser error into the message CPython 3.11 gives.
fn translate_error(source: &str, e: &rustpython_parser::ParseError) -> CompileError {
    let index = LineIndex::new(source);
    let offset: u32 = e.offset.into();
    let line = index.line(offset.min(source.len() as u32));
    let col = index.col(offset.min(source.len() as u32));
    let err = |msg: &str, line: u32, col: u32, indentation: bool| CompileError { msg: msg.to_string(), line, col, indentation, span: None };
    // Bracket problems explain most "invalid syntax" errors the way CPython reports them.
    let bracket = check_brackets(source);
    match &e.error {
        ParseErrorType::UnrecognizedToken(_, Some(expected)) if expected == "Indent" => {
            let (header_line, what) = block_header(source, line);
            return err(&format!("expected an indented block after {} on line {}", what, header_line), line, col, true);
        }
        ParseErrorType::UnrecognizedToken(Tok::Indent, _) => {
            // CPython's offset is the width of the indentation (so no caret).
            let text = source.lines().nth(line.saturating_sub(1) as usize).unwrap_or("");
            let indent = text.chars().take_while(|c| *c == ' ' || *c == '\t' || *c == '\x0c').count() as u32;
            return err("unexpected indent", line, indent.max(1), true);
        }
        ParseErrorType::Lexical(lex) => {
            use rustpython_parser::lexer::LexicalErrorType as L;
            match lex {
                L::IndentationError => {
                    // CPython points just past the end of the line.
                    let len = source.lines().nth(line.saturating_sub(1) as usize).map_or(0, |l| l.chars().count() as u32);
                    return err("unindent does not match any outer indentation level", line, len + 1, true);
                }
                L::TabError | L::TabsAfterSpaces => {
                    return CompileError {
                        msg: "inconsistent use of tabs and spaces in indentation".into(),
                        line,
                        col,
                        indentation: true,
                        span: None,
                    };
                }
                L::DefaultArgumentError => return err("non-default argument follows default argument", line, col, false),
                L::DuplicateArgumentError(n) => {
                    return err(&format!("duplicate argument '{}' in function definition", n), line, col, false)
                }
                L::DuplicateKeywordArgumentError(n) => return err(&format!("keyword argument repeated: {}", n), line, col, false),
                L::PositionalArgumentError => return err("positional argument follows keyword argument", line, col, false),
                L::UnpackedArgumentError => return err("iterable argument unpacking follows keyword argument unpacking", line, col, false),
                L::LineContinuationError => return err("unexpected character after line continuation character", line, col, false),
                L::StringError | L::Eof => {
                    if let Some(b) = bracket {
                        return b;
                    }
                    if let Some(s) = unterminated_string(source) {
                        return s;
                    }
                    return err("unexpected EOF while parsing", line, col, false);
                }
                L::UnrecognizedToken { tok } => {
                    if let Some(b) = bracket {
                        return b;
                    }
                    return err(&format!("invalid character '{}' (U+{:04X})", tok, *tok as u32), line, col, false);
                }
                L::FStringError(fe) => return err(&format!("f-string: {}", fe), line, col, false),
                L::OtherError(m) => {
                    if let Some(s) = unterminated_string(source) {
                        return s;
                    }
                    return err(m, line, col, false);
                }
                _ => {}
            }
        }
        // `except*:` (CPython's grammar has a rule for it).
        ParseErrorType::UnrecognizedToken(Tok::Colon, _)
            if source[..(offset as usize).min(source.len())]
                .trim_end()
                .strip_suffix('*')
                .is_some_and(|s| s.trim_end().ends_with("except")) =>
        {
            return err("expected one or more exception types", line, col, false);
        }
        _ => {}
    }
    if let Some(b) = bracket {
        // CPython's parser stops at a stray `:` or `,` inside the unclosed
        // bracket's line without reading on to the end ("invalid syntax");
        // otherwise it reaches the end of the file inside the bracket.
        let stray = matches!(&e.error, ParseErrorType::UnrecognizedToken(Tok::Colon | Tok::Comma, _)) && b.line == line;
        if !stray {
            return b;
        }
    }
    if let Some(s) = unterminated_string(source) {
        return s;
    }
    if matches!(e.error, ParseErrorType::Eof) {
        return err("unexpected EOF while parsing", line, col, false);
    }
    // CPython marks the whole offending token: a name or keyword.
    let at = (offset as usize).min(source.len());
    let word = source[at..].char_indices().find(|&(_, c)| !(c.is_alphanumeric() || c == '_')).map_or(source.len() - at, |(i, _)| i);
    let starts_word = source[at..].chars().next().is_some_and(|c| c.is_alphabetic() || c == '_');
    if matches!(e.error, ParseErrorType::UnrecognizedToken(..)) && starts_word {
        return CompileError { msg: "invalid syntax".into(), line, col, indentation: false, span: Some((offset, offset + word as u32)) };
    }
    err("invalid syntax", line, col, false)
}

/// The header line and description of the block that lacks a body before `line`.
fn block_header(source: &str, line: u32) -> (u32, String) {
    let lines: Vec<&str> = source.lines().collect();
    let mut i = (line as usize).saturating_sub(2);
    loop {
        let t = lines.get(i).map(|l| l.trim()).unwrap_or("");
        if !t.is_empty() && !t.starts_with('#') {
            let kw = t.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("");
            let what = match kw {
                "def" => "function definition".to_string(),
                "class" => "class definition".to_string(),
                "async" => "function definition".to_string(),
                "if" | "elif" | "else" | "for" | "while" | "try" | "except" | "finally" | "with" | "match" | "case" => {
                    format!("'{}' statement", kw)
                }
                _ => "statement".to_string(),
            };
            return (i as u32 + 1, what);
        }
        if i == 0 {
            return (1, "statement".into());
        }
        i -= 1;
    }
}

/// Scans the source for unbalanced brackets (skipping strings and comments).
fn check_brackets(source: &str) -> Option<CompileError> {
    let index = LineIndex::new(source);
    let bytes = source.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < bytes.len() && bytes[i + 1] == c && bytes[i + 2] == c;
                if triple {
                    i += 3;
                    while i + 2 < bytes.len() && !(bytes[i] == c && bytes[i + 1] == c && bytes[i + 2] == c) {
                        if bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 3;
                } else {
                    i += 1;
                    while i < bytes.len() && bytes[i] != c && bytes[i] != b'\n' {
                        if bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((c, i)),
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => {
                        return Some(CompileError {
                            msg: format!("unmatched '{}'", c as char),
                            line: index.line(i as u32),
                            col: index.col(i as u32),
                            indentation: false,
                            span: None,
                        })
                    }
                    Some((o, at)) if o != open => {
                        let (l1, l2) = (index.line(i as u32), index.line(at as u32));
                        let msg = if l1 == l2 {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, o as char)
                        } else {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", c as char, o as char, l2)
                        };
                        return Some(CompileError { msg, line: l1, col: index.col(i as u32), indentation: false, span: None });
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.last().map(|(o, at)| CompileError {
        msg: format!("'{}' was never closed", *o as char),
        line: index.line(*at as u32),
        col: index.col(*at as u32),
        indentation: false,
        span: None,
    })
}

/// Finds an unterminated string literal (CPython's tokenizer message).
fn unterminated_string(source: &str) -> Option<CompileError> {
    let index = LineIndex::new(source);
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'#' {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'\'' || c == b'"' {
            let start = i;
            let triple = i + 2 < bytes.len() && bytes[i + 1] == c && bytes[i + 2] == c;
            if triple {
                i += 3;
                loop {
                    if i + 2 >= bytes.len() {
                        return Some(CompileError {
                            msg: format!(
                                "unterminated triple-quoted string literal (detected at line {})",
                                index.line(source.len() as u32)
                            ),
                            line: index.line(start as u32),
                            col: index.col(start as u32),
                            indentation: false,
                            span: None,
                        });
                    }
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] == c && bytes[i + 1] == c && bytes[i + 2] == c {
                        i += 3;
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            i += 1;
            loop {
                if i >= bytes.len() || bytes[i] == b'\n' {
                    return Some(CompileError {
                        msg: format!("unterminated string literal (detected at line {})", index.line(start as u32)),
                        line: index.line(start as u32),
                        col: index.col(start as u32),
                        indentation: false,
                        span: None,
                    });
                }
                if bytes[i] == b'\\' {
                    i += 2;
                    continue;
                }
                if bytes[i] == c {
                    i += 1;
                    break;
                }
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    None
}

/// `--ast`: the module as CPython's `ast.dump(tree, indent=4)` prints it.
pub fn dump_ast(m: &ast::Mod, source: &str) -> String {
    let node = ast_dump::module_to_node(m, source);
    format!("{}\n", ast_dump::dump(&node, Some("    ")))
}
