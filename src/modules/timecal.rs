//! The calendar half of `time` (`gmtime`, `localtime`, `mktime`,
//! `strftime`, `asctime`, `ctime`, `struct_time`, the timezone variables),
//! on the C library's functions as CPython uses them.

use super::set;
use crate::builtins::arg;
use crate::objects::*;
use crate::vm::{Args, ExcKind, PyErr, PyResult, Vm};

#[repr(C)]
#[derive(Clone, Copy)]
struct Tm {
    tm_sec: i32,
    tm_min: i32,
    tm_hour: i32,
    tm_mday: i32,
    tm_mon: i32,
    tm_year: i32,
    tm_wday: i32,
    tm_yday: i32,
    tm_isdst: i32,
    tm_gmtoff: i64,
    tm_zone: *const std::os::raw::c_char,
}

impl Tm {
    fn zero() -> Tm {
        Tm {
            tm_sec: 0,
            tm_min: 0,
            tm_hour: 0,
            tm_mday: 0,
            tm_mon: 0,
            tm_year: 0,
            tm_wday: 0,
            tm_yday: 0,
            tm_isdst: 0,
            tm_gmtoff: 0,
            tm_zone: std::ptr::null(),
        }
    }
}

extern "C" {
    fn localtime_r(t: *const i64, out: *mut Tm) -> *mut Tm;
    fn gmtime_r(t: *const i64, out: *mut Tm) -> *mut Tm;
    fn mktime(tm: *mut Tm) -> i64;
    fn strftime(buf: *mut u8, max: usize, fmt: *const std::os::raw::c_char, tm: *const Tm) -> usize;
    fn tzset();
}

/// Python source of `time.struct_time` (a tuple subclass, as CPython's structseq).
const STRUCT_TIME: &str = r#"
class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
 accepted by asctime(), mktime() and strftime().  May be considered as a
 sequence of 9 integers."""
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
               'tm_wday', 'tm_yday', 'tm_isdst')

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)" % len(seq))
        self = tuple.__new__(cls, seq[:9])
        extra = seq[9:] + (None,) * (11 - len(seq))
        object.__setattr__(self, '_extra', extra)
        return self

    tm_year = property(lambda self: self[0], doc="year, for example, 1993")
    tm_mon = property(lambda self: self[1], doc="month of year, range [1, 12]")
    tm_mday = property(lambda self: self[2], doc="day of month, range [1, 31]")
    tm_hour = property(lambda self: self[3], doc="hours, range [0, 23]")
    tm_min = property(lambda self: self[4], doc="minutes, range [0, 59]")
    tm_sec = property(lambda self: self[5], doc="seconds, range [0, 61])")
    tm_wday = property(lambda self: self[6], doc="day of week, range [0, 6], Monday is 0")
    tm_yday = property(lambda self: self[7], doc="day of year, range [1, 366]")
    tm_isdst = property(lambda self: self[8], doc="1 if summer time is in effect, 0 if not, and -1 if unknown")
    tm_zone = property(lambda self: self._extra[0], doc="abbreviation of timezone name")
    tm_gmtoff = property(lambda self: self._extra[1], doc="offset from UTC in seconds")

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(self._fields, self))

    def __reduce__(self):
        return (struct_time, (tuple(self), {}))

struct_time.__module__ = 'time'
"#;

fn struct_time_class(vm: &mut Vm) -> PyResult<Value> {
    let m = match vm.modules.get_str("_time_struct") {
        Some(m) => m,
        None => vm.exec_module_source("_time_struct", "<frozen time>", STRUCT_TIME, None, true)?,
    };
    vm.get_attr(&m, "struct_time")
}

fn tm_value(vm: &mut Vm, tm: &Tm) -> PyResult<Value> {
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: tm_zone points at a NUL-terminated name owned by the C library.
        Value::string(unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned())
    };
    let seq = Value::tuple(vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        zone,
        Value::Int(tm.tm_gmtoff),
    ]);
    let cls = struct_time_class(vm)?;
    vm.call_function(&cls, &[seq])
}

fn secs_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i64> {
    args.check(name, 0, 1)?;
    match args.get(0) {
        None | Some(Value::None) => {
            Ok(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0))
        }
        Some(Value::Float(f)) => {
            if !f.is_finite() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            if f.abs() > 1e18 {
                return Err(PyErr::overflow("timestamp out of range for platform time_t"));
            }
            Ok(f.floor() as i64)
        }
        Some(v) => match vm.index_value(v)? {
            Some(Value::Int(i)) => Ok(i),
            Some(_) => Err(PyErr::overflow("timestamp out of range for platform time_t")),
            None => Ok(arg::float(vm, v)?.floor() as i64),
        },
    }
}

fn gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = secs_arg(vm, &args, "gmtime")?;
    let mut tm = Tm::zero();
    // SAFETY: gmtime_r fills the struct we own.
    if unsafe { gmtime_r(&t, &mut tm) }.is_null() {
        return Err(PyErr::overflow("timestamp out of range for platform time_t"));
    }
    tm_value(vm, &tm)
}

fn localtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = secs_arg(vm, &args, "localtime")?;
    let mut tm = Tm::zero();
    // SAFETY: localtime_r fills the struct we own.
    if unsafe { localtime_r(&t, &mut tm) }.is_null() {
        return Err(PyErr::overflow("timestamp out of range for platform time_t"));
    }
    tm_value(vm, &tm)
}

/// A struct tm from a 9-tuple (or struct_time), with CPython's checks.
fn tm_from(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Tm> {
    let items = match v {
        Value::Tuple(t) => t.as_slice().to_vec(),
        Value::Instance(i) => match i.base_value.get() {
            Value::Tuple(t) => t.as_slice().to_vec(),
            _ => return Err(PyErr::type_error("Tuple or struct_time argument required")),
        },
        _ => return Err(PyErr::type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!("{}(): illegal time tuple argument", func)));
    }
    let mut f = [0i64; 9];
    for (k, it) in items.iter().enumerate() {
        f[k] = arg::int(vm, it)?;
    }
    let mut tm = Tm::zero();
    tm.tm_year = (f[0] - 1900) as i32;
    tm.tm_mon = (f[1] - 1) as i32;
    tm.tm_mday = f[2] as i32;
    tm.tm_hour = f[3] as i32;
    tm.tm_min = f[4] as i32;
    tm.tm_sec = f[5] as i32;
    tm.tm_wday = ((f[6] + 1) % 7) as i32;
    tm.tm_yday = (f[7] - 1) as i32;
    tm.tm_isdst = f[8] as i32;
    if let Value::Instance(_) = v {
        if let Ok(Some(Value::Int(g))) = vm.get_attr_opt(v, "tm_gmtoff") {
            tm.tm_gmtoff = g;
        }
    }
    Ok(tm)
}

fn checked(tm: &mut Tm) -> PyResult<()> {
    // CPython's checktm (after its normalisations).
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(PyErr::value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(PyErr::value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(PyErr::value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(PyErr::value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(PyErr::value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(PyErr::value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(PyErr::value_error("day of year out of range"));
    }
    Ok(())
}

fn now_tm() -> Tm {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let mut tm = Tm::zero();
    // SAFETY: localtime_r fills the struct we own.
    unsafe { localtime_r(&t, &mut tm) };
    tm
}

fn strftime_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("strftime", 1, 2)?;
    let fmt = arg::str(vm, &args.pos[0], "strftime() argument 1")?.to_string();
    let mut tm = match args.get(1) {
        Some(v) => {
            let mut tm = tm_from(vm, v, "strftime")?;
            checked(&mut tm)?;
            tm
        }
        None => now_tm(),
    };
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    // A struct_time's zone name is what `%Z` shows (CPython's gettmarg):
    // 'GMT' for gmtime()'s. `zone` lives until the call below.
    let zone = match args.get(1) {
        Some(v @ Value::Instance(_)) => match vm.get_attr_opt(v, "tm_zone") {
            Ok(Some(Value::Str(z))) => std::ffi::CString::new(z.as_str()).ok(),
            _ => None,
        },
        _ => None,
    };
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    if fmt.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    if fmt.is_empty() {
        return Ok(Value::str(""));
    }
    let cfmt = std::ffi::CString::new(fmt.clone()).map_err(|_| PyErr::value_error("embedded null character"))?;
    let mut size = 1024.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: the buffer has `size` bytes; strftime writes at most that
        // many. `tm.tm_zone` is null, the C library's, or `zone`'s, alive here.
        let n = unsafe { strftime(buf.as_mut_ptr(), size, cfmt.as_ptr(), &tm) };
        if n > 0 || size >= 256 * fmt.len() + 4096 {
            buf.truncate(n);
            return Ok(Value::string(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 2;
    }
}

fn mktime_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("mktime", 1, 1)?;
    let mut tm = tm_from(vm, &args.pos[0], "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: mktime normalises the struct we own.
    let t = unsafe { mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_of(tm: &Tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("asctime", 0, 1)?;
    let tm = match args.get(0) {
        Some(v) => {
            let mut tm = tm_from(vm, v, "asctime")?;
            checked(&mut tm)?;
            tm
        }
        None => now_tm(),
    };
    Ok(Value::string(asctime_of(&tm)))
}

fn ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = secs_arg(vm, &args, "ctime")?;
    let mut tm = Tm::zero();
    // SAFETY: localtime_r fills the struct we own.
    if unsafe { localtime_r(&t, &mut tm) }.is_null() {
        return Err(PyErr::new(ExcKind::OverflowError, "timestamp out of range for platform time_t"));
    }
    Ok(Value::string(asctime_of(&tm)))
}

/// `strptime(string, format)`: `_strptime._strptime_time`, as CPython does.
fn strptime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("strptime", 1, 2)?;
    let m = vm.import_module("_strptime")?;
    let f = vm.get_attr(&m, "_strptime_time")?;
    vm.call_function(&f, args.pos)
}

/// Adds the calendar functions and timezone variables to the `time` module.
pub fn extend(vm: &mut Vm, m: &Value) {
    for (name, f) in [
        ("gmtime", gmtime as BuiltinFn),
        ("localtime", localtime),
        ("mktime", mktime_fn),
        ("strftime", strftime_fn),
        ("asctime", asctime),
        ("ctime", ctime),
        ("strptime", strptime),
    ] {
        let v = vm.builtin_function(name, f, "time");
        set(m, name, v);
    }
    if let Ok(c) = struct_time_class(vm) {
        set(m, "struct_time", c);
    }
    set(m, "_STRUCT_TM_ITEMS", Value::Int(11));
    // SAFETY: tzset reads TZ and sets the C library's zone data.
    unsafe { tzset() };
    let year_start = |month: i32| {
        let now = now_tm();
        let mut tm = Tm::zero();
        tm.tm_year = now.tm_year;
        tm.tm_mon = month;
        tm.tm_mday = 1;
        tm.tm_isdst = -1;
        // SAFETY: mktime normalises and localtime_r fills structs we own.
        let t = unsafe { mktime(&mut tm) };
        let mut out = Tm::zero();
        unsafe { localtime_r(&t, &mut out) };
        let name = if out.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated name owned by the C library.
            unsafe { std::ffi::CStr::from_ptr(out.tm_zone) }.to_string_lossy().into_owned()
        };
        (-out.tm_gmtoff, name)
    };
    let (jan, jan_name) = year_start(0);
    let (jul, jul_name) = year_start(6);
    let (timezone, altzone, names) = if jan < jul { (jul, jan, (jul_name, jan_name)) } else { (jan, jul, (jan_name, jul_name)) };
    set(m, "timezone", Value::Int(timezone));
    set(m, "altzone", Value::Int(altzone));
    set(m, "daylight", Value::Int((jan != jul) as i64));
    set(m, "tzname", Value::tuple(vec![Value::string(names.0), Value::string(names.1)]));
}
