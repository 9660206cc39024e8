//! `unicodedata`: character properties and normalization, on published
//! crates rather than tables of our own:
//!
//! - `icu_properties` (ICU4X, Unicode-3.0 licence): general category,
//!   bidirectional class, canonical combining class, East Asian width,
//!   Bidi_Mirrored;
//! - `unicode_names2` (MIT/Apache-2.0): `name` and `lookup`;
//! - `unicode-normalization` (MIT/Apache-2.0): `normalize`, `is_normalized`.
//!
//! CPython 3.11 ships Unicode 14.0.0 and reports it as `unidata_version`;
//! these crates carry newer data (ICU4X and unicode-normalization Unicode
//! 18, unicode_names2 a later version than 14 as well), so characters
//! assigned after 14.0 have properties here that CPython 3.11 does not know
//! of. `unidata_version` still says '14.0.0', as programs compare it with
//! CPython's.
//!
//! `numeric`, `digit` and `decomposition` read tables generated from
//! CPython 3.11 itself (`unicode_numeric.rs`, by `gen_unicode_numeric.py`):
//! no well-kept crate exposes the Numeric_Type/Numeric_Value properties or
//! the tagged decomposition strings, and these answer as Unicode 14.0 does.
//! `decimal` needs no table: decimal digits (category Nd) are encoded in
//! contiguous runs of ten, zero first (a Unicode stability guarantee), so a
//! digit's value is its distance from the start of its run, modulo 10.

use super::{new_module, set, unicode_numeric};
use crate::objects::*;
use crate::vm::{Args, PyErr, PyResult, Vm};
use icu_properties::props::{BidiClass, BidiMirrored, CanonicalCombiningClass, EastAsianWidth, GeneralCategory};
use icu_properties::{CodePointMapData, CodePointSetData, PropertyNamesShort};
use unicode_normalization::UnicodeNormalization;

/// The longest name `lookup` searches for (CPython's `NAME_MAXLEN`).
const NAME_MAXLEN: usize = 256;

/// The text of a `str` (or `str` subclass instance) argument.
fn str_value(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::Instance(inst) => match inst.base_value.get() {
            Value::Str(s) => Some(s.as_str().to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// The type name CPython's argument errors give (`None` for `None`).
fn arg_type(vm: &Vm, v: &Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v)
    }
}

/// The one character of a length-1 `str`.
fn single_char(v: &Value) -> Option<char> {
    let s = str_value(v)?;
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The character argument of a one-argument function (`category(chr)`).
fn one_char(vm: &Vm, args: &Args, name: &str) -> PyResult<char> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("unicodedata.{}() takes no keyword arguments", name)));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("unicodedata.{}() takes exactly one argument ({} given)", name, args.len())));
    }
    single_char(&args.pos[0])
        .ok_or_else(|| PyErr::type_error(format!("{}() argument must be a unicode character, not {}", name, arg_type(vm, &args.pos[0]))))
}

/// The arguments of `name(chr[, default])` and the numeric functions.
fn char_and_default<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(char, Option<&'a Value>)> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("unicodedata.{}() takes no keyword arguments", name)));
    }
    args.check_pos(name, 1, 2)?;
    let c = single_char(&args.pos[0]).ok_or_else(|| {
        PyErr::type_error(format!("{}() argument 1 must be a unicode character, not {}", name, arg_type(vm, &args.pos[0])))
    })?;
    Ok((c, args.pos.get(1)))
}

fn general_category(c: char) -> GeneralCategory {
    CodePointMapData::<GeneralCategory>::new().get(c)
}

fn unassigned(c: char) -> bool {
    general_category(c) == GeneralCategory::Unassigned
}

fn category(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = one_char(vm, &args, "category")?;
    let gc = general_category(c);
    Ok(Value::str(PropertyNamesShort::<GeneralCategory>::new().get(gc).unwrap_or("Cn")))
}

fn bidirectional(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = one_char(vm, &args, "bidirectional")?;
    // CPython gives unassigned code points an empty class (ICU4X gives them
    // the derived default of their block).
    if unassigned(c) {
        return Ok(Value::str(""));
    }
    let bc = CodePointMapData::<BidiClass>::new().get(c);
    Ok(Value::str(PropertyNamesShort::<BidiClass>::new().get(bc).unwrap_or("")))
}

fn combining(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = one_char(vm, &args, "combining")?;
    Ok(Value::Int(CodePointMapData::<CanonicalCombiningClass>::new().get(c).0 as i64))
}

fn east_asian_width(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = one_char(vm, &args, "east_asian_width")?;
    // CPython 3.11 reports unassigned code points as 'F' (its record for
    // them holds width index 0, the first name in its table).
    if unassigned(c) {
        return Ok(Value::str("F"));
    }
    let w = CodePointMapData::<EastAsianWidth>::new().get(c);
    Ok(Value::str(PropertyNamesShort::<EastAsianWidth>::new().get(w).unwrap_or("N")))
}

fn mirrored(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = one_char(vm, &args, "mirrored")?;
    let m = !unassigned(c) && CodePointSetData::new::<BidiMirrored>().contains(c);
    Ok(Value::Int(m as i64))
}

/// The value of a decimal digit (category Nd), if `c` is one.
pub fn decimal_value(c: char) -> Option<u32> {
    if general_category(c) != GeneralCategory::DecimalNumber {
        return None;
    }
    let mut start = c as u32;
    while let Some(p) = start.checked_sub(1).and_then(char::from_u32) {
        if general_category(p) != GeneralCategory::DecimalNumber {
            break;
        }
        start -= 1;
    }
    Some((c as u32 - start) % 10)
}

fn decimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (c, default) = char_and_default(vm, &args, "decimal")?;
    match (decimal_value(c), default) {
        (Some(d), _) => Ok(Value::Int(d as i64)),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(PyErr::value_error("not a decimal")),
    }
}

/// The run of a sorted (start, len, ...) table that holds `cp`.
fn find_run<T>(table: &[T], cp: u32, key: impl Fn(&T) -> (u32, u16)) -> Option<(&T, u32)> {
    let i = table.partition_point(|r| key(r).0 <= cp).checked_sub(1)?;
    let (start, len) = key(&table[i]);
    (cp < start + len as u32).then(|| (&table[i], cp - start))
}

/// Unicode 14.0's Numeric_Value of `c`, as CPython computes the double.
fn numeric_value(c: char) -> Option<f64> {
    let (&(_, _, num, den, step), i) = find_run(unicode_numeric::NUMERIC, c as u32, |r| (r.0, r.1))?;
    Some((num + i as i64 * step as i64) as f64 / den as f64)
}

fn numeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (c, default) = char_and_default(vm, &args, "numeric")?;
    match (numeric_value(c), default) {
        (Some(v), _) => Ok(Value::Float(v)),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(PyErr::value_error("not a numeric character")),
    }
}

fn digit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (c, default) = char_and_default(vm, &args, "digit")?;
    let v = find_run(unicode_numeric::DIGIT, c as u32, |r| (r.0, r.1)).map(|(&(_, _, first, step), i)| first as u32 + i * step as u32);
    match (v, default) {
        (Some(v), _) => Ok(Value::Int(v as i64)),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(PyErr::value_error("not a digit")),
    }
}

fn decomposition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = one_char(vm, &args, "decomposition")?;
    let Some((&(_, _, tag, count, data), i)) = find_run(unicode_numeric::DECOMP, c as u32, |r| (r.0, r.1)) else {
        return Ok(Value::str(""));
    };
    let mut out = String::from(unicode_numeric::DECOMP_TAGS[tag as usize]);
    let targets: Vec<u32> =
        if count == 1 { vec![data + i] } else { unicode_numeric::DECOMP_SEQ[data as usize..data as usize + count as usize].to_vec() };
    for t in targets {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{:04X}", t));
    }
    Ok(Value::string(out))
}

fn name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (c, default) = char_and_default(vm, &args, "name")?;
    match (unicode_names2::name(c), default) {
        (Some(n), _) => Ok(Value::string(n.to_string())),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(PyErr::value_error("no such name")),
    }
}

/// The character named `name`, as CPython's `lookup` finds it: listed
/// names case-insensitively, but the algorithmic names of Hangul syllables
/// and CJK ideographs only in capitals.
pub fn lookup_name(name: &str) -> Option<char> {
    if name.len() > NAME_MAXLEN {
        return None;
    }
    let upper = name.to_ascii_uppercase();
    if (upper.starts_with("HANGUL SYLLABLE ") || upper.starts_with("CJK UNIFIED IDEOGRAPH-")) && upper != name {
        return None;
    }
    unicode_names2::character(&upper)
}

fn lookup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(PyErr::type_error("unicodedata.lookup() takes no keyword arguments"));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("unicodedata.lookup() takes exactly one argument ({} given)", args.len())));
    }
    let text = match &args.pos[0] {
        Value::Bytes(b) => Some(String::from_utf8_lossy(&b.data).into_owned()),
        v => str_value(v),
    };
    let Some(text) = text else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(&args.pos[0]))));
    };
    if text.len() > NAME_MAXLEN {
        return Err(PyErr::key_error(Value::str("name too long")));
    }
    match lookup_name(&text) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(PyErr::key_error(Value::string(format!("undefined character name '{}'", text)))),
    }
}

#[derive(Clone, Copy)]
enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

/// `(form, s)` of `normalize` and `is_normalized`.
fn form_and_text(vm: &Vm, args: &Args, name: &str) -> PyResult<(Form, String)> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("unicodedata.{}() takes no keyword arguments", name)));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("{} expected 2 arguments, got {}", name, args.len())));
    }
    let form = str_value(&args.pos[0])
        .ok_or_else(|| PyErr::type_error(format!("{}() argument 1 must be str, not {}", name, arg_type(vm, &args.pos[0]))))?;
    let text = str_value(&args.pos[1])
        .ok_or_else(|| PyErr::type_error(format!("{}() argument 2 must be str, not {}", name, arg_type(vm, &args.pos[1]))))?;
    let form = match form.as_str() {
        "NFC" => Form::Nfc,
        "NFD" => Form::Nfd,
        "NFKC" => Form::Nfkc,
        "NFKD" => Form::Nfkd,
        _ => return Err(PyErr::value_error("invalid normalization form")),
    };
    Ok((form, text))
}

fn normalized(form: Form, s: &str) -> String {
    match form {
        Form::Nfc => s.nfc().collect(),
        Form::Nfd => s.nfd().collect(),
        Form::Nfkc => s.nfkc().collect(),
        Form::Nfkd => s.nfkd().collect(),
    }
}

fn normalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (form, text) = form_and_text(vm, &args, "normalize")?;
    // CPython returns the argument itself (even a `str` subclass instance)
    // when the quick check says it is already normal.
    let quick = match form {
        Form::Nfc => unicode_normalization::is_nfc_quick(text.chars()),
        Form::Nfd => unicode_normalization::is_nfd_quick(text.chars()),
        Form::Nfkc => unicode_normalization::is_nfkc_quick(text.chars()),
        Form::Nfkd => unicode_normalization::is_nfkd_quick(text.chars()),
    };
    if quick == unicode_normalization::IsNormalized::Yes {
        return Ok(args.pos[1].clone());
    }
    Ok(Value::string(normalized(form, &text)))
}

fn is_normalized(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (form, text) = form_and_text(vm, &args, "is_normalized")?;
    let yes = match form {
        Form::Nfc => unicode_normalization::is_nfc(&text),
        Form::Nfd => unicode_normalization::is_nfd(&text),
        Form::Nfkc => unicode_normalization::is_nfkc(&text),
        Form::Nfkd => unicode_normalization::is_nfkd(&text),
    };
    Ok(Value::Bool(yes))
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module(
        vm,
        "unicodedata",
        &[
            ("category", category),
            ("bidirectional", bidirectional),
            ("combining", combining),
            ("east_asian_width", east_asian_width),
            ("mirrored", mirrored),
            ("decimal", decimal),
            ("digit", digit),
            ("numeric", numeric),
            ("decomposition", decomposition),
            ("name", name),
            ("lookup", lookup),
            ("normalize", normalize),
            ("is_normalized", is_normalized),
        ],
    );
    // CPython 3.11's Unicode version (the crates' data is newer; see above).
    set(&m, "unidata_version", Value::str("14.0.0"));
    m
}
