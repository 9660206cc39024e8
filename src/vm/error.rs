//! `PyErr`: a Python exception travelling through Rust code.
//!
//! Errors raised by the runtime are created lazily (a builtin exception kind
//! and a message) and turned into exception objects only when Python code
//! looks at them (`except E as e`) or they are printed. Most internal errors
//! (a `StopIteration` ending a loop, a `KeyError` caught by `except`) never
//! allocate an exception object.

use crate::objects::Value;

macro_rules! exc_kinds {
    ($($name:ident => $base:ident,)*) => {
        /// The builtin exception classes, in creation order (a base always
        /// precedes its subclasses).
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[repr(u8)]
        pub enum ExcKind { $($name,)* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$name,)*];
            pub fn name(self) -> &'static str {
                match self { $(ExcKind::$name => stringify!($name),)* }
            }
            /// The base class, `None` for `BaseException`.
            pub fn base(self) -> Option<ExcKind> {
                match self { $(ExcKind::$name => exc_base!($name, $base),)* }
            }
        }
    };
}

macro_rules! exc_base {
    (BaseException, $b:ident) => {
        None
    };
    ($n:ident, $b:ident) => {
        Some(ExcKind::$b)
    };
}

exc_kinds! {
    BaseException => BaseException,
    SystemExit => BaseException,
    KeyboardInterrupt => BaseException,
    GeneratorExit => BaseException,
    Exception => BaseException,
    StopIteration => Exception,
    StopAsyncIteration => Exception,
    ArithmeticError => Exception,
    FloatingPointError => ArithmeticError,
    OverflowError => ArithmeticError,
    ZeroDivisionError => ArithmeticError,
    AssertionError => Exception,
    AttributeError => Exception,
    BufferError => Exception,
    EOFError => Exception,
    ImportError => Exception,
    ModuleNotFoundError => ImportError,
    LookupError => Exception,
    IndexError => LookupError,
    KeyError => LookupError,
    MemoryError => Exception,
    NameError => Exception,
    UnboundLocalError => NameError,
    OSError => Exception,
    BlockingIOError => OSError,
    ChildProcessError => OSError,
    ConnectionError => OSError,
    BrokenPipeError => ConnectionError,
    ConnectionAbortedError => ConnectionError,
    ConnectionRefusedError => ConnectionError,
    ConnectionResetError => ConnectionError,
    FileExistsError => OSError,
    FileNotFoundError => OSError,
    InterruptedError => OSError,
    IsADirectoryError => OSError,
    NotADirectoryError => OSError,
    PermissionError => OSError,
    ProcessLookupError => OSError,
    TimeoutError => OSError,
    ReferenceError => Exception,
    RuntimeError => Exception,
    NotImplementedError => RuntimeError,
    RecursionError => RuntimeError,
    SyntaxError => Exception,
    IndentationError => SyntaxError,
    TabError => IndentationError,
    SystemError => Exception,
    TypeError => Exception,
    ValueError => Exception,
    UnicodeError => ValueError,
    UnicodeDecodeError => UnicodeError,
    UnicodeEncodeError => UnicodeError,
    UnicodeTranslateError => UnicodeError,
    Warning => Exception,
    DeprecationWarning => Warning,
    PendingDeprecationWarning => Warning,
    RuntimeWarning => Warning,
    SyntaxWarning => Warning,
    UserWarning => Warning,
    FutureWarning => Warning,
    ImportWarning => Warning,
    UnicodeWarning => Warning,
    BytesWarning => Warning,
    ResourceWarning => Warning,
    EncodingWarning => Warning,
}

/// One traceback entry: a code object and the instruction that was running.
#[derive(Clone)]
pub struct TbEntry {
    pub code: crate::objects::PyRef<crate::bytecode::CodeObj>,
    pub pc: u32,
    /// The frame's globals (`tb_frame.f_globals`; None when a traceback
    /// object made in Python had no frame).
    pub globals: Option<crate::objects::PyRef<crate::objects::DictObj>>,
    /// The frame's bound locals when the exception left it
    /// (`tb_frame.f_locals`): a tuple of its named registers' values (in
    /// `varnames` order, Undef for unbound ones), moved out of the frame
    /// as it was popped, or the `f_locals` dict of a traceback object
    /// made in Python. CPython's traceback keeps the frame, so its locals
    /// live as long as the traceback. None for frames that were not
    /// function or generator frames (module and class bodies) or are
    /// still running.
    pub locals: Option<crate::objects::Value>,
}

pub enum ExcState {
    /// Not yet materialised: class and arguments.
    Lazy { kind: ExcKind, args: Vec<Value> },
    /// An exception instance.
    Object(Value),
}

pub struct PyErrInner {
    pub exc: ExcState,
    /// Frames the exception passed through, innermost first.
    pub tb: Vec<TbEntry>,
    /// Not yet seen by the interpreter: implicit chaining still to do.
    pub fresh: bool,
    /// Re-raised (bare `raise`, end of `finally`): the current frame is
    /// already in the traceback.
    pub reraised: bool,
    /// The exception being handled when this one was raised (`__context__`), or Undef.
    pub context: Value,
    /// What a "Did you mean" suggestion needs (NameError, AttributeError).
    pub extra: Option<Box<ErrExtra>>,
}

/// Facts kept for the suggestions CPython adds to `NameError` and
/// `AttributeError` when it prints them.
#[derive(Clone)]
pub struct ErrExtra {
    /// The missing name.
    pub name: String,
    /// The object without the attribute (AttributeError).
    pub obj: Value,
    /// Where a name was looked up (NameError): the code's locals, globals.
    pub code: Option<crate::objects::PyRef<crate::bytecode::CodeObj>>,
    pub globals: Option<crate::objects::PyRef<crate::objects::DictObj>>,
}

/// A raised Python exception.
pub struct PyErr(pub Box<PyErrInner>);

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0.exc {
            ExcState::Lazy { kind, args } => write!(f, "PyErr({:?}, {:?})", kind, args),
            ExcState::Object(v) => write!(f, "PyErr({:?})", v),
        }
    }
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr::with_args(kind, vec![Value::string(msg.into())])
    }

    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr(Box::new(PyErrInner {
            exc: ExcState::Lazy { kind, args },
            tb: Vec::new(),
            fresh: true,
            reraised: false,
            context: Value::Undef,
            extra: None,
        }))
    }

    pub fn from_value(v: Value, tb: Vec<TbEntry>) -> PyErr {
        PyErr(Box::new(PyErrInner { exc: ExcState::Object(v), tb, fresh: true, reraised: false, context: Value::Undef, extra: None }))
    }

    /// The builtin kind, when the exception is still lazy.
    pub fn lazy_kind(&self) -> Option<ExcKind> {
        match &self.0.exc {
            ExcState::Lazy { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, msg)
    }
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::IndexError, msg)
    }
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::OverflowError, msg)
    }
    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::AttributeError, msg)
    }
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::RuntimeError, msg)
    }
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(ExcKind::KeyError, vec![key])
    }
    pub fn stop_iteration() -> PyErr {
        PyErr::with_args(ExcKind::StopIteration, vec![])
    }
    pub fn name_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::NameError, msg)
    }
}
