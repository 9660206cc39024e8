//! String formatting: the format-spec mini-language (`format()`,
//! f-strings, `str.format`) and printf-style `%` formatting. Hand-written
//! because every byte must match CPython.

use super::{PyErr, PyResult, Vm};
use crate::objects::*;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(s: &str) -> PyResult<Spec> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut spec = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        spec.fill = Some(chars[0]);
        spec.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        spec.align = Some(chars[0]);
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
    if i < chars.len() && chars[i] == '0' {
        spec.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        spec.width = Some(w.parse().map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?);
    }
    if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
        spec.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
            return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
        let p: String = chars[start..i].iter().collect();
        spec.precision = Some(p.parse().map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?);
    }
    if i < chars.len() {
        spec.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(PyErr::value_error("Invalid format specifier"));
    }
    Ok(spec)
}

/// Pads `body` (already including its sign) to the spec's width.
fn pad(body: &str, spec: &Spec, default_align: char, sign_len: usize) -> String {
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body.to_string();
    }
    let fill = spec.fill.unwrap_or(if spec.zero && spec.align.is_none() { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero && spec.fill.is_none() { '=' } else { default_align });
    let n = width - len;
    let f = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    match align {
        '<' => format!("{}{}", body, f(n)),
        '>' => format!("{}{}", f(n), body),
        '^' => format!("{}{}{}", f(n / 2), body, f(n - n / 2)),
        '=' => {
            let (s, rest) = body.split_at(sign_len.min(body.len()));
            format!("{}{}{}", s, f(n), rest)
        }
        _ => body.to_string(),
    }
}

/// Inserts a separator every `every` digits from the right.
fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.chars().count();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Lays out a number: sign, prefix, grouped digits, padding.
fn layout_number(negative: bool, prefix: &str, int_part: &str, rest: &str, spec: &Spec, every: usize) -> String {
    let sign = if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let width = spec.width.unwrap_or(0);
    let zero_pad = (spec.zero && spec.align.is_none() && spec.fill.is_none()) || (spec.align == Some('=') && spec.fill == Some('0'));
    let mut int_part = int_part.to_string();
    if let Some(sep) = spec.grouping {
        if zero_pad {
            // Zero padding is grouped too: grow the digits until the width is met.
            let fixed = sign.len() + prefix.len() + rest.chars().count();
            let mut digits = int_part.clone();
            loop {
                let grouped = group_digits(&digits, sep, every);
                if fixed + grouped.chars().count() >= width {
                    int_part = grouped;
                    break;
                }
                digits.insert(0, '0');
            }
            return format!("{}{}{}{}", sign, prefix, int_part, rest);
        }
        int_part = group_digits(&int_part, sep, every);
    }
    let body = format!("{}{}{}{}", sign, prefix, int_part, rest);
    pad(&body, spec, '>', sign.len() + prefix.len())
}

/// `format(int, spec)`.
pub fn format_int(vm: &mut Vm, v: &Value, spec: &Spec) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = int::to_f64(v)?;
            return format_float(f, spec);
        }
        _ => {}
    }
    if spec.precision.is_some() {
        return Err(PyErr::value_error("Precision not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(PyErr::value_error("Sign not allowed with integer format specifier 'c'"));
        }
        let code = match v {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => return Err(PyErr::overflow("%c arg not in range(0x110000)")),
        };
        let c = u32::try_from(code).ok().and_then(char::from_u32).ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
        return Ok(pad(&c.to_string(), spec, '>', 0));
    }
    let big = int::to_big(v).unwrap();
    let negative = big.sign() == num_bigint::Sign::Minus;
    let mag = if negative { -big } else { big };
    let (digits, prefix, every) = match ty {
        'd' | 'n' => {
            let s = if let Value::Int(_) | Value::Bool(_) = v { mag.to_string() } else { int::to_string(&int::normalize(mag.clone()))? };
            (s, "", 3)
        }
        'b' => (mag.to_str_radix(2), if spec.alt { "0b" } else { "" }, 4),
        'o' => (mag.to_str_radix(8), if spec.alt { "0o" } else { "" }, 4),
        'x' => (mag.to_str_radix(16), if spec.alt { "0x" } else { "" }, 4),
        'X' => (mag.to_str_radix(16).to_uppercase(), if spec.alt { "0X" } else { "" }, 4),
        other => {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                other,
                vm.type_name(v)
            )))
        }
    };
    if spec.grouping == Some(',') && !matches!(ty, 'd' | 'n') {
        return Err(PyErr::value_error(format!("Cannot specify ',' with '{}'.", ty)));
    }
    Ok(layout_number(negative, prefix, &digits, "", spec, every))
}

/// `format(float, spec)`.
pub fn format_float(x: f64, spec: &Spec) -> PyResult<String> {
    let ty = spec.ty;
    let negative = x.is_sign_negative() && !(spec.z && x == 0.0) && !x.is_nan();
    let ax = x.abs();
    let mut body = match ty {
        None => match spec.precision {
            None => float::repr(ax),
            Some(p) => float::format_repr_prec(ax, p.max(1)),
        },
        Some('f') | Some('F') => float::format_f(ax, spec.precision.unwrap_or(6), spec.alt, ty == Some('F')),
        Some('e') | Some('E') => float::format_e(ax, spec.precision.unwrap_or(6), spec.alt, ty == Some('E')),
        Some('g') | Some('G') | Some('n') => float::format_g(ax, spec.precision.unwrap_or(6), spec.alt, ty == Some('G')),
        Some('%') => {
            let s = float::format_f(ax * 100.0, spec.precision.unwrap_or(6), spec.alt, false);
            format!("{}%", s)
        }
        Some(c) => return Err(PyErr::value_error(format!("Unknown format code '{}' for object of type 'float'", c))),
    };
    if spec.z && body.chars().all(|c| c == '0' || c == '.' || c == '%') {
        // 'z' turns -0.0 results into 0.0.
    }
    if ty.is_none() && spec.precision.is_none() && ax.is_finite() {
        // repr style already.
    }
    if !x.is_finite() && ty.is_none() {
        body = if x.is_nan() { "nan".into() } else { "inf".into() };
    }
    let negative = negative && !(spec.z && body.chars().all(|c| matches!(c, '0' | '.' | '%' | 'e' | 'E' | '+' | '-')));
    // Split the integer part for grouping.
    let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let (int_part, rest) = body.split_at(split);
    if !x.is_finite() {
        let sign = if negative {
            "-"
        } else {
            match spec.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let s = format!("{}{}", sign, body);
        let mut sp = spec.clone();
        if sp.zero && sp.fill.is_none() && sp.align.is_none() {
            sp.zero = false;
            sp.align = Some('>');
        }
        return Ok(pad(&s, &sp, '>', sign.len()));
    }
    Ok(layout_number(negative, "", int_part, rest, spec, 3))
}

/// `format(str, spec)`.
pub fn format_str(s: &str, spec: &Spec) -> PyResult<String> {
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(PyErr::value_error(format!("Unknown format code '{}' for object of type 'str'", t)));
        }
    }
    if spec.sign.is_some() {
        return Err(PyErr::value_error("Sign not allowed in string format specifier"));
    }
    if spec.alt {
        return Err(PyErr::value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(PyErr::value_error("'=' alignment not allowed in string format specifier"));
    }
    if spec.grouping.is_some() {
        return Err(PyErr::value_error(format!("Cannot specify '{}' with 's'.", spec.grouping.unwrap())));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    let mut sp = spec.clone();
    if sp.zero && sp.align.is_none() && sp.fill.is_none() {
        sp.fill = Some('0');
        sp.align = Some('<');
    }
    Ok(pad(&body, &sp, '<', 0))
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        match v {
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.as_str().to_string());
                }
                format_str(s.as_str(), &parse_spec(spec)?)
            }
            Value::Int(_) | Value::BigInt(_) => {
                if spec.is_empty() {
                    return int::to_string(v);
                }
                format_int(self, v, &parse_spec(spec)?)
            }
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if *b { "True" } else { "False" }.into());
                }
                let sp = parse_spec(spec)?;
                if sp.ty.is_none() && sp.precision.is_none() && sp.sign.is_none() && sp.grouping.is_none() && !sp.alt {
                    return format_str(if *b { "True" } else { "False" }, &sp);
                }
                format_int(self, v, &sp)
            }
            Value::Float(f) => {
                if spec.is_empty() {
                    return Ok(float::repr(*f));
                }
                format_float(*f, &parse_spec(spec)?)
            }
            Value::Instance(_) | Value::Native(_) => {
                if let Some(f) = self.lookup_special(v, "__format__") {
                    if !matches!(&f, Value::Builtin(b) if b.owner == "object") {
                        let r = self.call_function(&f, &[v.clone(), Value::str(spec)])?;
                        return match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            _ => Err(PyErr::type_error(format!("__format__ must return a str, not {}", self.type_name(&r)))),
                        };
                    }
                }
                if let Value::Instance(i) = v {
                    let b = i.base_value.get();
                    if !b.is_undef() && !matches!(i.class().lookup("__str__"), Some(Value::Function(_))) {
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
            if let Value::Complex(c) = v {
                return format_complex(c.re, c.im, &parse_spec(spec)?);
            }
            return Err(PyErr::type_error(format!(
                "unsupported format string passed to {}.__format__",
                self.type_name(v)
            )));
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
            Some(Value::Str(s)) => s.as_str().to_string(),
            Some(_) | None => String::new(),
        };
        if spec_s.is_empty() {
            if let Value::Str(_) = converted {
                return Ok(converted);
            }
        }
        self.format(&converted, &spec_s).map(Value::string)
    }
}

fn format_complex(re: f64, im: f64, spec: &Spec) -> PyResult<String> {
    let mut sp = spec.clone();
    sp.width = None;
    sp.fill = None;
    sp.align = None;
    let r = format_float(re, &sp)?;
    let mut spi = sp.clone();
    spi.sign = Some('+');
    let i = format_float(im, &spi)?;
    let body = if spec.ty.is_none() { format!("({}{}j)", r, i) } else { format!("{}{}j", r, i) };
    Ok(pad(&body, spec, '>', 0))
}

/// printf-style `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.as_slice().to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        Value::Instance(_) if vm.lookup_special(args, "__getitem__").is_some() && !matches!(vm.unwrap_builtin(args).as_ref(), Value::Tuple(_) | Value::Str(_)) => {
            (vec![args.clone()], Some(args.clone()))
        }
        other => (vec![other.clone()], None),
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut argi = 0;
    let mut i = 0;
    let mut used_mapping = false;
    let next_arg = |argi: &mut usize| -> PyResult<Value> {
        let v = items.get(*argi).cloned().ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        *argi += 1;
        Ok(v)
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(PyErr::value_error("incomplete format"));
        }
        // Mapping key.
        let mut value: Option<Value> = None;
        if chars[i] == '(' {
            let Some(m) = &mapping else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && depth > 0 {
                if chars[j] == '(' {
                    depth += 1;
                } else if chars[j] == ')' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key: String = chars[start..j - 1].iter().collect();
            let m = m.clone();
            value = Some(vm.get_item(&m, &Value::string(key))?);
            used_mapping = true;
            i = j;
        }
        let mut spec = Spec::default();
        let mut left = false;
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            match chars[i] {
                '-' => left = true,
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => {}
            }
            i += 1;
        }
        // Width.
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(&mut argi)?;
            let w = match w {
                Value::Int(n) => n,
                _ => return Err(PyErr::type_error("* wants int")),
            };
            if w < 0 {
                left = true;
            }
            spec.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > start {
                spec.width = Some(chars[start..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        // Precision.
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = next_arg(&mut argi)?;
                spec.precision = Some(match p {
                    Value::Int(n) => n.max(0) as usize,
                    _ => return Err(PyErr::type_error("* wants int")),
                });
                i += 1;
            } else {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                spec.precision = Some(chars[start..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        // Length modifiers are accepted and ignored.
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(PyErr::value_error("incomplete format"));
        }
        let ty = chars[i];
        i += 1;
        if ty == '%' {
            out.push('%');
            continue;
        }
        if left {
            spec.align = Some('<');
            spec.zero = false;
        }
        let v = match value.take() {
            Some(v) => v,
            None => next_arg(&mut argi)?,
        };
        let piece = match ty {
            's' | 'r' | 'a' => {
                let s = match ty {
                    's' => vm.str_of(&v)?,
                    'r' => vm.repr_str_of(&v)?,
                    _ => super::repr::ascii_str_of_repr(&vm.repr_str_of(&v)?),
                };
                let s: String = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                let mut sp = Spec { width: spec.width, align: Some(if left { '<' } else { '>' }), ..Default::default() };
                sp.fill = Some(' ');
                pad(&s, &sp, '>', 0)
            }
            'd' | 'i' | 'u' => {
                let iv = percent_int(vm, &v, ty)?;
                percent_layout_int(&iv, &spec, 'd')?
            }
            'o' | 'x' | 'X' => {
                let iv = match vm.unwrap_builtin(&v).as_ref() {
                    x @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => x.clone(),
                    _ => match vm.index_value(&v)? {
                        Some(x) => x,
                        None => {
                            return Err(PyErr::type_error(format!(
                                "%{} format: an integer is required, not {}",
                                ty,
                                vm.type_name(&v)
                            )))
                        }
                    },
                };
                percent_layout_int(&iv, &spec, ty)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = percent_float(vm, &v, ty)?;
                let mut sp = spec.clone();
                sp.ty = Some(ty);
                if sp.precision.is_none() {
                    sp.precision = Some(6);
                }
                if left {
                    sp.align = Some('<');
                }
                format_float(f, &sp)?
            }
            'c' => {
                let s = match &v {
                    Value::Str(s) if s.len() == 1 => s.as_str().to_string(),
                    Value::Int(n) => match u32::try_from(*n).ok().and_then(char::from_u32) {
                        Some(c) => c.to_string(),
                        None => return Err(PyErr::overflow("%c arg not in range(0x110000)")),
                    },
                    _ => return Err(PyErr::type_error("%c requires int or char")),
                };
                let sp = Spec { width: spec.width, align: Some(if left { '<' } else { '>' }), ..Default::default() };
                pad(&s, &sp, '>', 0)
            }
            other => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other,
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&piece);
    }
    if argi < items.len() && !used_mapping && mapping.is_none() {
        return Err(PyErr::type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

fn percent_int(vm: &mut Vm, v: &Value, ty: char) -> PyResult<Value> {
    match vm.unwrap_builtin(v).as_ref() {
        x @ (Value::Int(_) | Value::BigInt(_)) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => int::from_f64(*f),
        _ => {
            if let Some(f) = vm.lookup_special(v, "__int__") {
                return vm.call_function(&f, &[v.clone()]);
            }
            if let Some(x) = vm.index_value(v)? {
                return Ok(x);
            }
            Err(PyErr::type_error(format!("%{} format: a real number is required, not {}", ty, vm.type_name(v))))
        }
    }
}

fn percent_float(vm: &mut Vm, v: &Value, ty: char) -> PyResult<f64> {
    match vm.unwrap_builtin(v).as_ref() {
        Value::Float(f) => Ok(*f),
        x @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => int::to_f64(x),
        _ => {
            if let Some(f) = vm.lookup_special(v, "__float__") {
                if let Value::Float(x) = vm.call_function(&f, &[v.clone()])? {
                    return Ok(x);
                }
            }
            let _ = ty;
            Err(PyErr::type_error(format!("must be real number, not {}", vm.type_name(v))))
        }
    }
}

fn percent_layout_int(v: &Value, spec: &Spec, ty: char) -> PyResult<String> {
    let big = int::to_big(v).unwrap();
    let negative = big.sign() == num_bigint::Sign::Minus;
    let mag = if negative { -big } else { big };
    let (mut digits, prefix) = match ty {
        'o' => (mag.to_str_radix(8), if spec.alt { "0o" } else { "" }),
        'x' => (mag.to_str_radix(16), if spec.alt { "0x" } else { "" }),
        'X' => (mag.to_str_radix(16).to_uppercase(), if spec.alt { "0X" } else { "" }),
        _ => (mag.to_string(), ""),
    };
    if let Some(p) = spec.precision {
        while digits.len() < p {
            digits.insert(0, '0');
        }
    }
    let sign = if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let body = format!("{}{}{}", sign, prefix, digits);
    let width = spec.width.unwrap_or(0);
    if body.len() >= width {
        return Ok(body);
    }
    let n = width - body.len();
    Ok(if spec.align == Some('<') {
        format!("{}{}", body, " ".repeat(n))
    } else if spec.zero {
        format!("{}{}{}{}", sign, prefix, "0".repeat(n), digits)
    } else {
        format!("{}{}", " ".repeat(n), body)
    })
}

/// `bytes % args` (the common subset: %s, %d, %x, %%).
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Value> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let args2 = match args {
        Value::Tuple(t) => Value::tuple(
            t.as_slice()
                .iter()
                .map(|v| match v {
                    Value::Bytes(b) => Value::string(b.data.iter().map(|&c| c as char).collect()),
                    other => other.clone(),
                })
                .collect(),
        ),
        Value::Bytes(b) => Value::string(b.data.iter().map(|&c| c as char).collect()),
        other => other.clone(),
    };
    let s = percent_format(vm, &text, &args2)?;
    Ok(Value::Bytes(PyRef::new(BytesObj { data: s.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>().into_boxed_slice() })))
}
