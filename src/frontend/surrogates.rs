//! String literals with surrogate escapes (`"\ud800"`). The parser turns a
//! lone surrogate into U+FFFD, so such literals are decoded again from the
//! source text, with surrogates stored the way Spry strings hold them
//! (`crate::objects::str::char_of`).

use rustpython_parser::ast::{self, text_size::TextRange, Fold};

use crate::objects::str::char_of;

/// Whether `source` has a `\uD8xx`-style escape of a surrogate anywhere.
pub fn has_surrogate_escape(source: &str) -> bool {
    let b = source.as_bytes();
    let hex = |s: &[u8]| -> Option<u32> { std::str::from_utf8(s).ok().and_then(|t| u32::from_str_radix(t, 16).ok()) };
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'\\' {
            let n = match b[i + 1] {
                b'u' => 4,
                b'U' => 8,
                _ => {
                    i += 2;
                    continue;
                }
            };
            if i + 2 + n <= b.len() {
                if let Some(v) = hex(&b[i + 2..i + 2 + n]) {
                    if (0xd800..0xe000).contains(&v) {
                        return true;
                    }
                }
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// Re-decodes the str constants of `module` that came from literals with
/// surrogate escapes.
pub fn fix_literals(module: ast::Mod, source: &str) -> ast::Mod {
    let mut f = Fixer { source };
    match f.fold_mod(module) {
        Ok(m) => m,
        Err(never) => match never {},
    }
}

struct Fixer<'a> {
    source: &'a str,
}

impl Fold<TextRange> for Fixer<'_> {
    type TargetU = TextRange;
    type Error = std::convert::Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}

    fn map_user(&mut self, user: TextRange, _context: ()) -> Result<TextRange, Self::Error> {
        Ok(user)
    }

    fn fold_expr_constant(&mut self, node: ast::ExprConstant<TextRange>) -> Result<ast::ExprConstant<TextRange>, Self::Error> {
        let mut node = node;
        if let ast::Constant::Str(s) = &node.value {
            if s.contains('\u{fffd}') {
                let (a, b) = (u32::from(node.range.start()) as usize, u32::from(node.range.end()) as usize);
                if let Some(text) = self.source.get(a..b).and_then(decode_literals) {
                    node.value = ast::Constant::Str(text);
                }
            }
        }
        Ok(node)
    }
}

/// Decodes a run of (implicitly concatenated) str literals; `None` for
/// anything it does not handle (bytes, f-strings, named escapes).
fn decode_literals(src: &str) -> Option<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '\\' && chars.get(i + 1).is_some_and(|n| *n == '\n' || *n == '\r') {
            i += 2;
            continue;
        }
        // Prefix.
        let mut raw = false;
        while i < chars.len() && chars[i].is_ascii_alphabetic() {
            match chars[i] {
                'r' | 'R' => raw = true,
                'u' | 'U' => {}
                _ => return None,
            }
            i += 1;
        }
        let q = *chars.get(i)?;
        if q != '\'' && q != '"' {
            return None;
        }
        let triple = chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q);
        i += if triple { 3 } else { 1 };
        let start = i;
        // Find the closing quote.
        let end = loop {
            if i >= chars.len() {
                return None;
            }
            if chars[i] == '\\' {
                i += 2;
                continue;
            }
            if chars[i] == q && (!triple || (chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q))) {
                break i;
            }
            i += 1;
        };
        i = end + if triple { 3 } else { 1 };
        let body = &chars[start..end.min(chars.len())];
        if raw {
            out.extend(body.iter());
        } else {
            unescape(body, &mut out)?;
        }
    }
    Some(out)
}

fn unescape(body: &[char], out: &mut String) -> Option<()> {
    let mut i = 0;
    let hex = |s: &[char]| -> Option<u32> {
        if s.iter().all(|c| c.is_ascii_hexdigit()) {
            u32::from_str_radix(&s.iter().collect::<String>(), 16).ok()
        } else {
            None
        }
    };
    while i < body.len() {
        let c = body[i];
        if c != '\\' || i + 1 >= body.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let e = body[i + 1];
        i += 2;
        match e {
            '\n' => {}
            '\r' => {
                if body.get(i) == Some(&'\n') {
                    i += 1;
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                let mut k = 0;
                while k < 2 && i < body.len() && ('0'..='7').contains(&body[i]) {
                    v = v * 8 + (body[i] as u32 - '0' as u32);
                    i += 1;
                    k += 1;
                }
                out.push(char_of(v)?);
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let v = hex(body.get(i..i + n)?)?;
                i += n;
                out.push(char_of(v)?);
            }
            'N' => return None,
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Some(())
}
