//! String formatting: the format-spec mini-language (`format()`,
//! f-strings, `str.format`) and printf-style `%` formatting. Hand-written
//! after CPython's `formatter_unicode.c` and `PyUnicode_Format` because
//! every byte must match.

use super::{PyErr, PyResult, Vm};
use crate::objects::str as ustr;
use crate::objects::*;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub width: Option<usize>,
    /// ',' or '_'.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type; `None` when omitted (the caller's default
    /// is then used for validation).
    pub ty: Option<char>,
}

/// Widths beyond this would need more memory than a program can have.
const MAX_WIDTH: usize = 1 << 34;

/// Reads a run of decimal digits (Unicode digits count, as in CPython).
fn read_int(chars: &[char], i: &mut usize) -> PyResult<Option<usize>> {
    let start = *i;
    let mut acc: usize = 0;
    while *i < chars.len() {
        let Some(d) = ustr::decimal_value(chars[*i]) else {
            break;
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
        *i += 1;
    }
    Ok(if *i > start { Some(acc) } else { None })
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parses a format spec for an object of type `tname` whose default
/// presentation type is `default_ty` and default alignment `default_align`.
pub fn parse_spec(s: &str, default_ty: char, default_align: char, tname: &str) -> PyResult<Spec> {
    let chars: Vec<char> = s.chars().collect();
    let mut spec =
        Spec { fill: ' ', align: default_align, sign: None, z: false, alt: false, width: None, grouping: None, precision: None, ty: None };
    let mut i = 0;
    let mut fill_given = false;
    let mut align_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        spec.fill = chars[0];
        spec.align = chars[1];
        fill_given = true;
        align_given = true;
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        spec.align = chars[0];
        align_given = true;
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        spec.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        spec.z = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        spec.alt = true;
        i += 1;
    }
    if !fill_given && i < chars.len() && chars[i] == '0' {
        spec.fill = '0';
        if !align_given && default_align == '>' {
            spec.align = '=';
        }
        i += 1;
    }
    spec.width = read_int(&chars, &mut i)?;
    if spec.width.is_some_and(|w| w > MAX_WIDTH) {
        return Err(PyErr::new(super::ExcKind::MemoryError, ""));
    }
    if i < chars.len() && chars[i] == ',' {
        spec.grouping = Some(',');
        i += 1;
    }
    if i < chars.len() && chars[i] == '_' {
        if spec.grouping.is_some() {
            return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
        }
        spec.grouping = Some('_');
        i += 1;
    }
    if i < chars.len() && chars[i] == ',' && spec.grouping == Some('_') {
        return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        spec.precision = read_int(&chars, &mut i)?;
        if spec.precision.is_none() {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
    }
    if chars.len() - i > 1 {
        return Err(PyErr::value_error(format!("Invalid format specifier '{}' for object of type '{}'", s, tname)));
    }
    if i < chars.len() {
        spec.ty = Some(chars[i]);
    }
    if let Some(sep) = spec.grouping {
        let ty = spec.ty.unwrap_or(default_ty);
        match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if sep == '_' => {}
            _ => {
                return Err(PyErr::value_error(if (ty as u32) > 32 && (ty as u32) < 128 {
                    format!("Cannot specify '{}' with '{}'.", sep, ty)
                } else {
                    format!("Cannot specify '{}' with '\\x{:x}'.", sep, ty as u32)
                }))
            }
        }
    }
    Ok(spec)
}

fn unknown_code(ty: char, tname: &str) -> PyErr {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        PyErr::value_error(format!("Unknown format code '{}' for object of type '{}'", ty, tname))
    } else {
        PyErr::value_error(format!("Unknown format code '\\x{:x}' for object of type '{}'", ty as u32, tname))
    }
}

fn push_fill(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// Pads `body` (of `len` characters) to the spec's width with its fill and
/// alignment (`=` is not valid here).
fn pad_text(body: &str, len: usize, spec: &Spec) -> String {
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return body.to_string();
    }
    let n = width - len;
    let (left, right) = match spec.align {
        '>' => (n, 0),
        '^' => (n / 2, n - n / 2),
        _ => (0, n),
    };
    let mut out = String::with_capacity(body.len() + n * spec.fill.len_utf8());
    push_fill(&mut out, spec.fill, left);
    out.push_str(body);
    push_fill(&mut out, spec.fill, right);
    out
}

/// Groups `digits` (ASCII) with `sep` every `every` digits from the right,
/// padding with zeros (which are grouped too) to at least `min_width`.
fn group_digits(digits: &str, sep: Option<char>, every: usize, min_width: usize) -> String {
    let Some(sep) = sep else {
        if digits.len() >= min_width {
            return digits.to_string();
        }
        let mut s = "0".repeat(min_width - digits.len());
        s.push_str(digits);
        return s;
    };
    let mut n = digits.len();
    // Grow the digit count until the grouped form reaches the width.
    loop {
        let grouped = n + (n - 1) / every;
        if grouped >= min_width {
            break;
        }
        n += 1;
    }
    let mut out = String::with_capacity(n + n / every);
    let pad = n - digits.len();
    for i in 0..n {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(if i < pad { '0' } else { digits.as_bytes()[i - pad] as char });
    }
    out
}

/// CPython's `calc_number_widths` + `fill_number`: lays out a number made of
/// a sign, a prefix ("0x"), integer digits and a remainder (decimal point,
/// fraction, exponent, '%').
fn layout_number(negative: bool, prefix: &str, digits: &str, remainder: &str, spec: &Spec, every: usize) -> String {
    let sign = match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    let width = spec.width.unwrap_or(0);
    let fixed = sign.len() + prefix.len() + remainder.chars().count();
    let min_width = if spec.fill == '0' && spec.align == '=' { width.saturating_sub(fixed) } else { 0 };
    let grouped = if digits.is_empty() { String::new() } else { group_digits(digits, spec.grouping, every, min_width) };
    let len = fixed + grouped.len();
    let n = width.saturating_sub(len);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    match spec.align {
        '<' => rpad = n,
        '^' => {
            lpad = n / 2;
            rpad = n - lpad;
        }
        '=' => spad = n,
        _ => lpad = n,
    }
    let mut out = String::with_capacity(len + n);
    push_fill(&mut out, spec.fill, lpad);
    out.push_str(sign);
    out.push_str(prefix);
    push_fill(&mut out, spec.fill, spad);
    out.push_str(&grouped);
    out.push_str(remainder);
    push_fill(&mut out, spec.fill, rpad);
    out
}

/// `format(int, spec)` (bools format as ints here).
pub fn format_int(v: &Value, spec: &Spec, tname: &str) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(int::to_f64(v)?, spec),
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        other => return Err(unknown_code(other, tname)),
    }
    if spec.precision.is_some() {
        return Err(PyErr::value_error("Precision not allowed in integer format specifier"));
    }
    if spec.z {
        return Err(PyErr::value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(PyErr::value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alt {
            return Err(PyErr::value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let code = match v {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => return Err(PyErr::overflow("Python int too large to convert to C long")),
        };
        let c = u32::try_from(code).ok().and_then(ustr::char_of).ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
        let mut sp = spec.clone();
        if sp.align == '=' {
            sp.align = '>';
        }
        let mut buf = [0u8; 4];
        return Ok(layout_number(false, "", "", c.encode_utf8(&mut buf), &sp, 3));
    }
    let (negative, digits) = match v {
        Value::Int(i) => (*i < 0, i.unsigned_abs()),
        Value::Bool(b) => (false, *b as u64),
        _ => {
            let big = int::to_big(v).unwrap_or_default();
            let negative = big.sign() == num_bigint::Sign::Minus;
            let mag = big.magnitude().clone();
            let digits = match ty {
                'b' => mag.to_str_radix(2),
                'o' => mag.to_str_radix(8),
                'x' => mag.to_str_radix(16),
                'X' => mag.to_str_radix(16).to_uppercase(),
                _ => int::to_string(&int::normalize(num_bigint::BigInt::from(mag)))?,
            };
            return Ok(int_layout(negative, &digits, ty, spec));
        }
    };
    let s = match ty {
        'b' => format!("{:b}", digits),
        'o' => format!("{:o}", digits),
        'x' => format!("{:x}", digits),
        'X' => format!("{:X}", digits),
        _ => digits.to_string(),
    };
    Ok(int_layout(negative, &s, ty, spec))
}

fn int_layout(negative: bool, digits: &str, ty: char, spec: &Spec) -> String {
    let prefix = match (spec.alt, ty) {
        (true, 'b') => "0b",
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let every = if matches!(ty, 'b' | 'o' | 'x' | 'X') { 4 } else { 3 };
    if spec.width.is_none() && spec.grouping.is_none() && spec.sign.is_none() {
        let mut s = String::with_capacity(digits.len() + 3);
        if negative {
            s.push('-');
        }
        s.push_str(prefix);
        s.push_str(digits);
        return s;
    }
    layout_number(negative, prefix, digits, "", spec, every)
}

/// `format(float, spec)`.
pub fn format_float(x: f64, spec: &Spec) -> PyResult<String> {
    let mut ty = spec.ty.unwrap_or('\0');
    match ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {}
        other => return Err(unknown_code(other, "float")),
    }
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    if ty == '\0' {
        add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    if precision > i32::MAX as usize {
        return Err(PyErr::value_error("precision too big"));
    }
    let mut s = float::double_to_string(val, ty, precision, spec.alt, add_dot_0, spec.z);
    if pct {
        s.push('%');
    }
    if spec.sign.is_none() && spec.width.is_none() && spec.grouping.is_none() {
        return Ok(s);
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.as_str()),
    };
    let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let (digits, remainder) = body.split_at(split);
    Ok(layout_number(negative, "", digits, remainder, spec, 3))
}

/// `format(str, spec)`.
pub fn format_str(s: &str, spec: &Spec) -> PyResult<String> {
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    if spec.sign == Some(' ') {
        return Err(PyErr::value_error("Space not allowed in string format specifier"));
    }
    if spec.sign.is_some() {
        return Err(PyErr::value_error("Sign not allowed in string format specifier"));
    }
    if spec.z {
        return Err(PyErr::value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alt {
        return Err(PyErr::value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == '=' {
        return Err(PyErr::value_error("'=' alignment not allowed in string format specifier"));
    }
    let (body, len) = match spec.precision {
        Some(p) => {
            let end = s.char_indices().nth(p).map_or(s.len(), |(b, _)| b);
            (&s[..end], s[..end].chars().count())
        }
        None => (s, if s.is_ascii() { s.len() } else { s.chars().count() }),
    };
    Ok(pad_text(body, len, spec))
}

/// `format(complex, spec)`.
fn format_complex(re: f64, im: f64, spec: &Spec) -> PyResult<String> {
    let mut ty = spec.ty.unwrap_or('\0');
    match ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' => {}
        other => return Err(unknown_code(other, "complex")),
    }
    if spec.fill == '0' && spec.align == '=' && spec.width.is_some() && spec.ty.is_some() {
        return Err(PyErr::value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == '=' {
        return Err(PyErr::value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut add_parens = false;
    let mut skip_re = false;
    let mut add_dot_0 = false;
    let mut precision = spec.precision.unwrap_or(6);
    if ty == '\0' {
        ty = if spec.precision.is_some() { 'g' } else { 'r' };
        if spec.precision.is_none() {
            precision = 0;
        }
        add_parens = true;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        }
        add_dot_0 = spec.precision.is_some();
        let _ = add_dot_0;
        add_dot_0 = false;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let fmt = |x: f64| float::double_to_string(x, ty, precision, spec.alt, add_dot_0, spec.z);
    let re_s = fmt(re);
    let mut im_s = fmt(im);
    let mut out = String::new();
    if add_parens && !skip_re {
        out.push('(');
    }
    if !skip_re {
        match spec.sign {
            Some('+') if !re_s.starts_with('-') => out.push('+'),
            Some(' ') if !re_s.starts_with('-') => out.push(' '),
            _ => {}
        }
        out.push_str(&re_s);
        if !im_s.starts_with('-') {
            im_s.insert(0, '+');
        }
    } else {
        match spec.sign {
            Some('+') if !im_s.starts_with('-') => im_s.insert(0, '+'),
            Some(' ') if !im_s.starts_with('-') => im_s.insert(0, ' '),
            _ => {}
        }
    }
    out.push_str(&im_s);
    out.push('j');
    if add_parens && !skip_re {
        out.push(')');
    }
    let len = out.chars().count();
    let mut sp = spec.clone();
    if sp.align == '=' {
        sp.align = '>';
    }
    Ok(pad_text(&out, len, &sp))
}

/// A format spec of the common simple form `[[fill]align][sign][0][width]
/// [.precision][type]`, all ASCII, read without allocating (the fast path
/// of f-string fields like `{i:06d}`, `{x:.1f}`, `{name:<6}`). Anything
/// else (grouping, `#`, `z`, non-ASCII, huge widths, unusual types) is
/// left to `parse_spec`, which also produces every error message.
struct FastSpec {
    fill: u8,
    fill_given: bool,
    align: u8,
    align_given: bool,
    sign: u8,
    zero: bool,
    width: usize,
    precision: Option<usize>,
    ty: u8,
}

/// Results longer than this take the general path.
const FAST_MAX: usize = 96;

fn parse_fast(spec: &[u8]) -> Option<FastSpec> {
    let is_align = |c: u8| matches!(c, b'<' | b'>' | b'=' | b'^');
    let mut f =
        FastSpec { fill: b' ', fill_given: false, align: 0, align_given: false, sign: 0, zero: false, width: 0, precision: None, ty: 0 };
    let mut i = 0;
    if !spec.is_ascii() {
        return None;
    }
    if spec.len() >= 2 && is_align(spec[1]) {
        f.fill = spec[0];
        f.fill_given = true;
        f.align = spec[1];
        f.align_given = true;
        i = 2;
    } else if !spec.is_empty() && is_align(spec[0]) {
        f.align = spec[0];
        f.align_given = true;
        i = 1;
    }
    if i < spec.len() && matches!(spec[i], b'+' | b'-' | b' ') {
        f.sign = spec[i];
        i += 1;
    }
    if i < spec.len() && spec[i] == b'0' {
        f.zero = true;
        i += 1;
    }
    let digits = |i: &mut usize| -> Option<usize> {
        let start = *i;
        let mut n = 0usize;
        while *i < spec.len() && spec[*i].is_ascii_digit() {
            n = n * 10 + (spec[*i] - b'0') as usize;
            *i += 1;
            if n > FAST_MAX {
                return None;
            }
        }
        Some(if *i > start { n } else { usize::MAX })
    };
    let w = digits(&mut i)?;
    f.width = if w == usize::MAX { 0 } else { w };
    if i < spec.len() && spec[i] == b'.' {
        i += 1;
        let p = digits(&mut i)?;
        if p == usize::MAX {
            return None;
        }
        f.precision = Some(p);
    }
    if i < spec.len() {
        f.ty = spec[i];
        i += 1;
    }
    if i != spec.len() {
        return None;
    }
    Some(f)
}

/// A small ASCII result under construction.
struct FastBuf {
    buf: [u8; FAST_MAX * 2 + 32],
    len: usize,
}

impl FastBuf {
    fn new() -> FastBuf {
        FastBuf { buf: [0; FAST_MAX * 2 + 32], len: 0 }
    }
    fn push(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }
    fn push_n(&mut self, b: u8, n: usize) {
        self.buf[self.len..self.len + n].fill(b);
        self.len += n;
    }
    fn push_bytes(&mut self, s: &[u8]) {
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }
    fn value(&self) -> Value {
        debug_assert!(self.buf[..self.len].is_ascii());
        // SAFETY: only ASCII bytes are written (ASCII fills from an ASCII
        // spec, digits, signs, pieces of ASCII strs).
        Value::ascii_str(unsafe { std::str::from_utf8_unchecked(&self.buf[..self.len]) })
    }
}

/// The decimal digits of `n` at the end of `buf`; returns where they start.
fn decimal_digits(mut n: u64, buf: &mut [u8; 20]) -> usize {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return i;
        }
    }
}

/// `str(i)` for a small int, without an intermediate `String`.
pub fn int_str_value(i: i64) -> Value {
    let mut digits = [0u8; 20];
    let start = decimal_digits(i.unsigned_abs(), &mut digits);
    let mut out = FastBuf::new();
    if i < 0 {
        out.push(b'-');
    }
    out.push_bytes(&digits[start..]);
    out.value()
}

/// Lays out a number (sign, then `body`, all ASCII) per a fast spec whose
/// default alignment is right, as `layout_number` does without grouping.
fn fast_number(negative: bool, body: &[u8], f: &FastSpec) -> Option<Value> {
    let sign: &[u8] = match (negative, f.sign) {
        (true, _) => b"-",
        (false, b'+') => b"+",
        (false, b' ') => b" ",
        _ => b"",
    };
    let (mut fill, mut align) = (f.fill, if f.align_given { f.align } else { b'>' });
    if f.zero && !f.fill_given {
        fill = b'0';
        if !f.align_given {
            align = b'=';
        }
    }
    let len = sign.len() + body.len();
    if len > FAST_MAX {
        return None;
    }
    let n = f.width.saturating_sub(len);
    let mut out = FastBuf::new();
    match align {
        b'<' => {
            out.push_bytes(sign);
            out.push_bytes(body);
            out.push_n(fill, n);
        }
        b'^' => {
            out.push_n(fill, n / 2);
            out.push_bytes(sign);
            out.push_bytes(body);
            out.push_n(fill, n - n / 2);
        }
        b'=' => {
            out.push_bytes(sign);
            out.push_n(fill, n);
            out.push_bytes(body);
        }
        _ => {
            out.push_n(fill, n);
            out.push_bytes(sign);
            out.push_bytes(body);
        }
    }
    Some(out.value())
}

/// `format(x, '.Nf')` when `float::fixed_scaled` rounds it (precision up
/// to 22, `|x| * 10**N` below 2**52). Built on the stack; `None` for
/// anything else.
fn fixed_from_shortest(x: f64, precision: usize, f: &FastSpec) -> Option<Value> {
    let n = float::fixed_scaled(x.abs(), precision)?;
    let mut buf = [0u8; 48];
    let body = float::fixed_text(n, precision, &mut buf);
    fast_number(x.is_sign_negative(), body.as_bytes(), f)
}

/// An f-string field without conversion (`f"{v}"`, `f"{v:spec}"`) that
/// runs no Python code and cannot fail: an exact str, int or float without a
/// spec (a float: its repr), or an int, float or str with a spec of
/// the simple form (`format_fast`). `None` leaves the field to `Vm::format_value`.
pub fn format_field_fast(v: &Value, spec: Option<&Value>) -> Option<Value> {
    match spec {
        None => match v {
            Value::Str(_) => Some(v.clone()),
            Value::Int(i) => Some(int_str_value(*i)),
            // (`repr` of a float is ASCII.)
            Value::Float(x) => Some(Value::ascii_string(float::repr(*x))),
            _ => None,
        },
        Some(Value::Str(s)) if s.as_str().is_empty() => format_field_fast(v, None),
        Some(Value::Str(s)) => format_fast(v, s.as_str()),
        Some(_) => None,
    }
}

/// `format_field_fast` with the spec as text (`str.format`'s fields).
pub fn format_spec_fast(v: &Value, spec: &str) -> Option<Value> {
    if spec.is_empty() {
        format_field_fast(v, None)
    } else {
        format_fast(v, spec)
    }
}

/// `BuildString`: the concatenation of the strs among `pieces` (an
/// f-string's parts, all strs), with one allocation of the final size.
pub fn build_string(pieces: &[Value]) -> Value {
    let mut len = 0;
    let mut ascii = true;
    for p in pieces {
        if let Value::Str(p) = p {
            len += p.as_str().len();
            ascii &= p.is_ascii();
        }
    }
    if ascii && len <= 64 {
        // Short ASCII text (most keys and log lines): built on the stack,
        // copied once into the object.
        let mut buf = [0u8; 64];
        let mut n = 0;
        for p in pieces {
            if let Value::Str(p) = p {
                let b = p.as_str().as_bytes();
                buf[n..n + b.len()].copy_from_slice(b);
                n += b.len();
            }
        }
        // SAFETY: the concatenation of ASCII strs is ASCII.
        Value::ascii_str(unsafe { std::str::from_utf8_unchecked(&buf[..n]) })
    } else {
        let mut s = String::with_capacity(len);
        for p in pieces {
            if let Value::Str(p) = p {
                s.push_str(p.as_str());
            }
        }
        if ascii {
            Value::ascii_string(s)
        } else {
            Value::string(s)
        }
    }
}

/// `format(v, spec)` for an int, float or str and a spec of the simple
/// form; `None` leaves the work (and any error) to the general path.
fn format_fast(v: &Value, spec: &str) -> Option<Value> {
    let f = parse_fast(spec.as_bytes())?;
    match v {
        Value::Int(i) => {
            if !matches!(f.ty, 0 | b'd') || f.precision.is_some() {
                return None;
            }
            let mut digits = [0u8; 20];
            let start = decimal_digits(i.unsigned_abs(), &mut digits);
            fast_number(*i < 0, &digits[start..], &f)
        }
        Value::Float(x) => {
            if !matches!(f.ty, b'f' | b'F') || !x.is_finite() {
                return None;
            }
            let precision = f.precision.unwrap_or(6);
            if let Some(v) = fixed_from_shortest(*x, precision, &f) {
                return Some(v);
            }
            let s = float::double_to_string(*x, 'f', precision, false, false, false);
            let (negative, body) = match s.strip_prefix('-') {
                Some(b) => (true, b),
                None => (false, s.as_str()),
            };
            fast_number(negative, body.as_bytes(), &f)
        }
        Value::Str(s) => {
            if !matches!(f.ty, 0 | b's') || f.sign != 0 || f.zero || f.align == b'=' || !s.is_ascii() {
                return None;
            }
            let t = s.as_str().as_bytes();
            let body = match f.precision {
                Some(p) if p < t.len() => &t[..p],
                _ => t,
            };
            if body.len() > FAST_MAX {
                return None;
            }
            let n = f.width.saturating_sub(body.len());
            let (left, right) = match f.align {
                b'>' => (n, 0),
                b'^' => (n / 2, n - n / 2),
                _ => (0, n),
            };
            if n == 0 && body.len() == t.len() {
                return Some(v.clone());
            }
            let mut out = FastBuf::new();
            out.push_n(f.fill, left);
            out.push_bytes(body);
            out.push_n(f.fill, right);
            Some(out.value())
        }
        _ => None,
    }
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        match v {
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.as_str().to_string());
                }
                format_str(s.as_str(), &parse_spec(spec, 's', '<', "str")?)
            }
            Value::Int(_) | Value::BigInt(_) => {
                if spec.is_empty() {
                    return int::to_string(v);
                }
                format_int(v, &parse_spec(spec, 'd', '>', "int")?, "int")
            }
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if *b { "True" } else { "False" }.into());
                }
                format_int(v, &parse_spec(spec, 'd', '>', "bool")?, "bool")
            }
            Value::Float(f) => {
                if spec.is_empty() {
                    return Ok(float::repr(*f));
                }
                format_float(*f, &parse_spec(spec, '\0', '>', "float")?)
            }
            Value::Complex(c) => {
                if spec.is_empty() {
                    return Ok(super::repr::repr_complex(c.re, c.im));
                }
                format_complex(c.re, c.im, &parse_spec(spec, '\0', '>', "complex")?)
            }
            Value::Instance(_) | Value::Native(_) => {
                if let Some(f) = self.lookup_special(v, "__format__") {
                    if !matches!(&f, Value::Builtin(b) if b.owner == "object") {
                        let r = self.call_function(&f, &[v.clone(), Value::str(spec)])?;
                        return match self.unwrap_builtin(&r).as_ref() {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            _ => Err(PyErr::type_error(format!("__format__ must return a str, not {}", self.type_name(&r)))),
                        };
                    }
                }
                // A builtin base's `__format__` (int, float, complex, str)
                // gives `str(v)` for an empty spec (the subclass's
                // `__str__` or `__repr__`), else formats the base value.
                if let Value::Instance(i) = v {
                    let b = i.base_value.get();
                    if !b.is_undef() && !spec.is_empty() {
                        return self.format(&b, spec);
                    }
                }
                self.format_generic(v, spec)
            }
            _ => self.format_generic(v, spec),
        }
    }

    /// `object.__format__`: `str(v)`, with an empty spec only.
    fn format_generic(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if !spec.is_empty() {
            return Err(PyErr::type_error(format!("unsupported format string passed to {}.__format__", self.type_name(v))));
        }
        self.str_of(v)
    }

    /// f-string replacement field: conversion then format.
    pub fn format_value(&mut self, v: &Value, conv: u8, spec: Option<&Value>) -> PyResult<Value> {
        let converted = match conv {
            1 => self.str_value(v)?,
            2 => self.repr(v)?,
            3 => {
                let r = self.repr_str_of(v)?;
                Value::string(super::repr::ascii_str_of_repr(&r))
            }
            _ => v.clone(),
        };
        let spec_s = match spec {
            Some(Value::Str(s)) => s.as_str(),
            Some(_) | None => "",
        };
        if spec_s.is_empty() {
            match &converted {
                Value::Str(_) => return Ok(converted),
                Value::Int(i) => return Ok(int_str_value(*i)),
                _ => {}
            }
        } else if let Some(r) = format_fast(&converted, spec_s) {
            return Ok(r);
        }
        self.format(&converted, spec_s).map(Value::string)
    }
}

/// A parsed `%` conversion: flags, width and precision.
#[derive(Default)]
struct PercentArg {
    ljust: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// printf-style `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    percent_format_impl(vm, fmt, args, false)
}

/// `fmt % args` as a str value, formatted in the VM's reused buffer.
pub fn percent_format_value(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let out = percent_format_impl(vm, fmt, args, false)?;
    let v = Value::str(&out);
    // (A formatting inside this one, through a `__str__`, took an empty
    // buffer and gave its own back; this one replaces it.)
    if out.capacity() <= 1 << 16 {
        vm.fmt_scratch = out;
    }
    Ok(v)
}

/// `%` formatting of str (`bytes_mode` false) or of bytes as latin-1 text.
/// The format is scanned byte by byte: every syntax character is ASCII.
fn percent_format_impl(vm: &mut Vm, fmt: &str, args: &Value, bytes_mode: bool) -> PyResult<String> {
    let b = fmt.as_bytes();
    // A mapping (not a tuple or str) supplies `%(name)s` values.
    let is_mapping = match args {
        Value::Tuple(_) | Value::Str(_) => false,
        Value::Dict(_) | Value::List(_) | Value::Bytes(_) | Value::ByteArray(_) | Value::Range(_) => true,
        Value::Instance(_) => {
            !matches!(vm.unwrap_builtin(args).as_ref(), Value::Tuple(_) | Value::Str(_)) && vm.lookup_special(args, "__getitem__").is_some()
        }
        _ => false,
    };
    let mut tuple: Option<PyRef<TupleObj>> = match vm.unwrap_builtin(args).as_ref() {
        Value::Tuple(t) => Some(t.clone()),
        _ => None,
    };
    // CPython's argidx/arglen: a non-tuple argument is a single value.
    let mut arglen: i64 = tuple.as_ref().map_or(-1, |t| t.len() as i64);
    let mut argidx: i64 = if tuple.is_some() { 0 } else { -2 };
    let mut current = args.clone();
    let mut out = std::mem::take(&mut vm.fmt_scratch);
    out.clear();
    out.reserve(fmt.len() + 16);
    fn next_arg(tuple: &Option<PyRef<TupleObj>>, current: &Value, argidx: &mut i64, arglen: i64) -> PyResult<Value> {
        if *argidx < arglen {
            let k = *argidx;
            *argidx += 1;
            return Ok(match tuple {
                Some(t) if arglen >= 0 => t.as_slice()[k as usize].clone(),
                _ => current.clone(),
            });
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    }
    let not_all = || {
        PyErr::type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        })
    };
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'%' {
            let start = i;
            while i < b.len() && b[i] != b'%' {
                i += 1;
            }
            out.push_str(&fmt[start..i]);
            continue;
        }
        i += 1;
        if i >= b.len() {
            return Err(PyErr::value_error("incomplete format"));
        }
        if b[i] == b'%' {
            out.push('%');
            i += 1;
            continue;
        }
        let mut a = PercentArg::default();
        if b[i] == b'(' {
            if !is_mapping {
                return Err(PyErr::type_error("format requires a mapping"));
            }
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < b.len() && depth > 0 {
                if b[j] == b')' {
                    depth -= 1;
                } else if b[j] == b'(' {
                    depth += 1;
                }
                j += 1;
            }
            if depth > 0 || j >= b.len() {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key = &fmt[start..j - 1];
            // (A bytes format looks up bytes keys: its text is Latin-1.)
            let key = if bytes_mode { crate::builtins::new_bytes(key.chars().map(|c| c as u32 as u8).collect()) } else { Value::str(key) };
            current = vm.get_item(args, &key)?;
            tuple = None;
            arglen = -1;
            argidx = -2;
            i = j;
        }
        while i < b.len() {
            match b[i] {
                b'-' => a.ljust = true,
                b'+' => a.sign = true,
                b' ' => a.blank = true,
                b'#' => a.alt = true,
                b'0' => a.zero = true,
                _ => break,
            }
            i += 1;
        }
        if i < b.len() && b[i] == b'*' {
            let w = next_arg(&tuple, &current, &mut argidx, arglen)?;
            let w = match vm.unwrap_builtin(&w).as_ref() {
                Value::Int(n) => *n,
                Value::BigInt(_) => return Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
                Value::Bool(x) => *x as i64,
                _ => return Err(PyErr::type_error("* wants int")),
            };
            if w < 0 {
                a.ljust = true;
            }
            if w.unsigned_abs() as usize > MAX_WIDTH {
                return Err(PyErr::new(super::ExcKind::MemoryError, ""));
            }
            a.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let mut w: Option<usize> = None;
            while i < b.len() && b[i].is_ascii_digit() {
                let d = (b[i] - b'0') as usize;
                w = Some(w.unwrap_or(0).checked_mul(10).and_then(|x| x.checked_add(d)).ok_or_else(|| PyErr::value_error("width too big"))?);
                i += 1;
            }
            if w.is_some_and(|w| w > MAX_WIDTH) {
                return Err(PyErr::new(super::ExcKind::MemoryError, ""));
            }
            a.width = w;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            a.prec = Some(0);
            if i < b.len() && b[i] == b'*' {
                let p = next_arg(&tuple, &current, &mut argidx, arglen)?;
                // (A C int in CPython.)
                let p = match vm.unwrap_builtin(&p).as_ref() {
                    Value::Int(n) if i32::try_from(*n).is_ok() => *n,
                    Value::Int(_) | Value::BigInt(_) => return Err(PyErr::overflow("Python int too large to convert to C int")),
                    Value::Bool(x) => *x as i64,
                    _ => return Err(PyErr::type_error("* wants int")),
                };
                a.prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < b.len() && b[i].is_ascii_digit() {
                    p = p
                        .checked_mul(10)
                        .and_then(|x| x.checked_add((b[i] - b'0') as usize))
                        .filter(|x| *x <= i32::MAX as usize)
                        .ok_or_else(|| PyErr::value_error("precision too big"))?;
                    i += 1;
                }
                a.prec = Some(p);
            }
        }
        if i < b.len() && matches!(b[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= b.len() {
            return Err(PyErr::value_error("incomplete format"));
        }
        let ty = b[i];
        let ty_at = i;
        i += 1;
        let v = next_arg(&tuple, &current, &mut argidx, arglen)?;
        let plain = a.width.is_none() && a.prec.is_none() && !a.sign && !a.blank;
        // Fast paths: a plain %s of a str and a plain %d of an int.
        match (ty, &v) {
            (b's', Value::Str(s)) if plain && !bytes_mode => {
                out.push_str(s.as_str());
                if is_mapping && argidx < arglen {
                    return Err(not_all());
                }
                continue;
            }
            (b's', Value::Int(n)) if plain && !bytes_mode => {
                // `str()` of a small int: its digits.
                let mut digits = [0u8; 20];
                let start = decimal_digits(n.unsigned_abs(), &mut digits);
                if *n < 0 {
                    out.push('-');
                }
                // SAFETY: decimal digits are ASCII.
                out.push_str(unsafe { std::str::from_utf8_unchecked(&digits[start..]) });
                if is_mapping && argidx < arglen {
                    return Err(not_all());
                }
                continue;
            }
            (b'd' | b'i' | b'u', Value::Int(n)) if a.prec.is_none() => {
                // `%d`, `%04d`, `%-6d`, `%+d` of a small int: the digits
                // on the stack, laid out as `percent_int` + `percent_output` do.
                let mut digits = [0u8; 20];
                let start = decimal_digits(n.unsigned_abs(), &mut digits);
                let mut text = [0u8; 21];
                let mut len = 0;
                if *n < 0 {
                    text[0] = b'-';
                    len = 1;
                }
                text[len..len + 20 - start].copy_from_slice(&digits[start..]);
                len += 20 - start;
                // SAFETY: a sign and decimal digits: ASCII.
                let text = unsafe { std::str::from_utf8_unchecked(&text[..len]) };
                if plain {
                    out.push_str(text);
                } else {
                    percent_output(&mut out, text, true, 'd', &a);
                }
                if is_mapping && argidx < arglen {
                    return Err(not_all());
                }
                continue;
            }
            _ => {}
        }
        let ty = ty as char;
        let (text, numeric) = match ty {
            's' | 'b' if bytes_mode => (bytes_arg_text(vm, &v)?, false),
            'r' | 'a' if bytes_mode => (super::repr::ascii_str_of_repr(&vm.repr_str_of(&v)?), false),
            'c' if bytes_mode => {
                let c = match vm.unwrap_builtin(&v).as_ref() {
                    Value::Bytes(x) if x.data.len() == 1 => x.data[0],
                    Value::ByteArray(x) if x.data.borrow().len() == 1 => x.data.borrow()[0],
                    Value::Int(n) if (0..256).contains(n) => *n as u8,
                    Value::Bool(x) => *x as u8,
                    Value::Int(_) | Value::BigInt(_) => return Err(PyErr::overflow("%c arg not in range(256)")),
                    _ => return Err(PyErr::type_error("%c requires an integer in range(256) or a single byte")),
                };
                ((c as char).to_string(), false)
            }
            's' | 'r' | 'a' => {
                let s = match ty {
                    's' => vm.str_of(&v)?,
                    'r' => vm.repr_str_of(&v)?,
                    _ => super::repr::ascii_str_of_repr(&vm.repr_str_of(&v)?),
                };
                (s, false)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (percent_int(vm, &v, ty, &a)?, true),
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = percent_float(vm, &v)?;
                (float::double_to_string(f, ty, a.prec.unwrap_or(6), a.alt, false, false), true)
            }
            'c' => {
                let c = match vm.unwrap_builtin(&v).as_ref() {
                    Value::Str(s) if s.len() == 1 => s.char_at(0),
                    Value::Str(_) => return Err(PyErr::type_error("%c requires int or char")),
                    Value::Int(n) => match u32::try_from(*n).ok().and_then(ustr::char_of) {
                        Some(c) => c,
                        None => return Err(PyErr::overflow("%c arg not in range(0x110000)")),
                    },
                    Value::Bool(x) => *x as u8 as char,
                    Value::BigInt(_) => return Err(PyErr::overflow("%c arg not in range(0x110000)")),
                    _ => match vm.index_value(&v)? {
                        Some(Value::Int(n)) => match u32::try_from(n).ok().and_then(ustr::char_of) {
                            Some(c) => c,
                            None => return Err(PyErr::overflow("%c arg not in range(0x110000)")),
                        },
                        Some(_) => return Err(PyErr::overflow("%c arg not in range(0x110000)")),
                        None => return Err(PyErr::type_error("%c requires int or char")),
                    },
                };
                (c.to_string(), false)
            }
            _ => {
                // The (possibly non-ASCII) character and its index in characters.
                let other = fmt[ty_at..].chars().next().unwrap_or('?');
                let index = fmt[..ty_at].chars().count();
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    if (31..=126).contains(&(other as u32)) { other } else { '?' },
                    other as u32,
                    index
                )));
            }
        };
        percent_output(&mut out, &text, numeric, ty, &a);
        if is_mapping && argidx < arglen {
            return Err(not_all());
        }
    }
    if argidx < arglen && !is_mapping {
        return Err(not_all());
    }
    Ok(out)
}

/// CPython's `unicode_format_arg_output`: sign, prefix and padding of one
/// formatted `%` argument.
fn percent_output(out: &mut String, text: &str, numeric: bool, ty: char, a: &PercentArg) {
    let ascii = text.is_ascii();
    let total = if ascii { text.len() } else { text.chars().count() };
    let mut len = total;
    let fill = if numeric && a.zero { '0' } else { ' ' };
    if a.width.is_none_or(|w| w <= len) && a.prec.is_none_or(|p| p >= len || numeric) && !(a.sign || a.blank) {
        out.push_str(text);
        return;
    }
    if matches!(ty, 's' | 'r' | 'a') {
        if let Some(p) = a.prec {
            len = len.min(p);
        }
    }
    // Character `k` of the text as a byte offset.
    let at = |k: usize| -> usize {
        if ascii {
            k.min(text.len())
        } else {
            text.char_indices().nth(k).map_or(text.len(), |(i, _)| i)
        }
    };
    let mut pos = 0;
    let mut signchar = None;
    let mut has_sign = numeric;
    if numeric {
        match text.as_bytes().first() {
            Some(&c @ (b'-' | b'+')) => {
                signchar = Some(c as char);
                len -= 1;
                pos = 1;
            }
            _ if a.sign => signchar = Some('+'),
            _ if a.blank => signchar = Some(' '),
            _ => has_sign = false,
        }
    }
    let mut width = a.width.unwrap_or(0).max(len);
    if has_sign {
        if fill != ' ' {
            out.extend(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = a.alt && matches!(ty, 'x' | 'X' | 'o');
    if prefixed {
        if fill != ' ' {
            out.push('0');
            out.push(ty);
            pos += 2;
        }
        width = width.saturating_sub(2);
        len = len.saturating_sub(2);
    }
    if width > len && !a.ljust {
        push_fill(out, fill, width - len);
        width = len;
    }
    if fill == ' ' {
        if has_sign {
            out.extend(signchar);
        }
        if prefixed {
            out.push('0');
            out.push(ty);
            pos += 2;
        }
    }
    out.push_str(&text[at(pos)..at(pos + len)]);
    if width > len {
        push_fill(out, ' ', width - len);
    }
}

/// `%d`/`%x`/... of a value: digits with sign, alternate prefix and
/// precision zero-fill, as CPython's `_PyUnicode_FormatLong`.
fn percent_int(vm: &mut Vm, v: &Value, ty: char, a: &PercentArg) -> PyResult<String> {
    let iv = match vm.unwrap_builtin(v).as_ref() {
        x @ (Value::Int(_) | Value::BigInt(_)) => x.clone(),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Float(f) if !matches!(ty, 'o' | 'x' | 'X') => int::from_f64(*f)?,
        _ => {
            let wrong = |vm: &Vm| {
                if matches!(ty, 'o' | 'x' | 'X') {
                    PyErr::type_error(format!("%{} format: an integer is required, not {}", ty, vm.type_name(v)))
                } else {
                    PyErr::type_error(format!("%{} format: a real number is required, not {}", ty, vm.type_name(v)))
                }
            };
            if matches!(ty, 'o' | 'x' | 'X') {
                match vm.index_value(v)? {
                    Some(x) => x,
                    None => return Err(wrong(vm)),
                }
            } else if let Some(x) = vm.index_value(v)? {
                x
            } else if let Some(f) = vm.lookup_special(v, "__int__") {
                vm.call_function(&f, std::slice::from_ref(v))?
            } else if let Some(f) = vm.lookup_special(v, "__float__") {
                let r = vm.call_function(&f, std::slice::from_ref(v))?;
                match r {
                    Value::Float(x) => int::from_f64(x)?,
                    _ => return Err(wrong(vm)),
                }
            } else {
                return Err(wrong(vm));
            }
        }
    };
    let big = int::to_big(&iv).unwrap_or_default();
    let negative = big.sign() == num_bigint::Sign::Minus;
    let mag = big.magnitude();
    let mut digits = match ty {
        'o' => mag.to_str_radix(8),
        'x' => mag.to_str_radix(16),
        'X' => mag.to_str_radix(16).to_uppercase(),
        _ => {
            let s = int::to_string(&iv)?;
            s.trim_start_matches('-').to_string()
        }
    };
    if let Some(p) = a.prec {
        if p > digits.len() {
            digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
        }
    }
    let mut s = String::with_capacity(digits.len() + 3);
    if negative {
        s.push('-');
    }
    if a.alt && matches!(ty, 'o' | 'x' | 'X') {
        s.push('0');
        s.push(ty);
    }
    s.push_str(&digits);
    Ok(s)
}

fn percent_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match vm.unwrap_builtin(v).as_ref() {
        Value::Float(f) => Ok(*f),
        x @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => int::to_f64(x),
        _ => {
            if let Some(f) = vm.lookup_special(v, "__float__") {
                let r = vm.call_function(&f, std::slice::from_ref(v))?;
                if let Value::Float(x) = vm.unwrap_builtin(&r).as_ref() {
                    return Ok(*x);
                }
                return Err(PyErr::type_error(format!("{}.__float__ returned non-float (type {})", vm.type_name(v), vm.type_name(&r))));
            }
            if let Some(i) = vm.index_value(v)? {
                return int::to_f64(&i);
            }
            Err(PyErr::type_error(format!("must be real number, not {}", vm.type_name(v))))
        }
    }
}

/// The latin-1 text of a `%s`/`%b` argument of bytes formatting.
fn bytes_arg_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let data = match vm.unwrap_builtin(v).as_ref() {
        Value::Bytes(b) => b.data.to_vec(),
        Value::ByteArray(b) => b.data.borrow().clone(),
        _ => {
            if let Some(f) = vm.lookup_special(v, "__bytes__") {
                let r = vm.call_function(&f, std::slice::from_ref(v))?;
                match r {
                    Value::Bytes(b) => b.data.to_vec(),
                    _ => return Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r)))),
                }
            } else {
                return Err(PyErr::type_error(format!(
                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                    vm.type_name(v)
                )));
            }
        }
    };
    Ok(data.iter().map(|&b| b as char).collect())
}

/// `bytes % args`.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Value> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let s = percent_format_impl(vm, &text, args, true)?;
    // Every character is latin-1 here: bytes arguments were decoded as
    // latin-1 and the rest is ASCII.
    Ok(crate::builtins::new_bytes(s.chars().map(|c| c as u32 as u8).collect()))
}
