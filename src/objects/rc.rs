//! `PyRef<T>`: Spry's reference-counted pointer to a heap object.
//!
//! Hand-written rather than `std::rc::Rc` because its layout is part of the
//! VM/JIT contract (see `docs/architecture.md`): every heap object is an
//! `ObjBox<T>` whose first word is the reference count and whose second word
//! is the cycle collector's registry slot. Native code may read and bump the
//! count at offset 0 without knowing `T`.
//!
//! Freeing is deferred past a fixed nesting depth ("trashcan", as CPython
//! calls it), so dropping a million-deep nested list cannot overflow the
//! native stack.

use std::any::TypeId;
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use super::value::Value;
use super::InstanceObj;

/// The common header of every heap object. `#[repr(C)]`: `rc` is at offset 0,
/// `gc` at offset 8.
#[repr(C)]
pub struct ObjHeader {
    /// Number of `PyRef`s (and JIT-held references) to this object.
    pub rc: Cell<usize>,
    /// 0 when the object is not tracked by the cycle collector, else its
    /// index in the registry plus one.
    pub gc: Cell<usize>,
}

/// A heap object: header followed by the payload. The payload starts at
/// offset 16 for every `T` with alignment <= 8.
#[repr(C)]
pub struct ObjBox<T> {
    pub header: ObjHeader,
    pub data: T,
}

/// Offset of the payload in an `ObjBox` (for compiled code).
pub const DATA_OFFSET: usize = std::mem::offset_of!(ObjBox<u64>, data);

/// Objects that can hold references to other objects implement `Trace`, so
/// the cycle collector can find and break reference cycles.
pub trait Trace {
    /// Calls `visit` on every value this object holds a reference to.
    fn trace(&self, visit: &mut dyn FnMut(&Value));
    /// Drops every reference this object holds (used only on garbage cycles).
    fn clear(&self);
}

/// A type-erased per-type function on an object, called through its header.
pub type HeaderFn = unsafe fn(NonNull<ObjHeader>);

/// A type-erased `Trace::trace`, called through the object's header.
pub type TraceFn = unsafe fn(NonNull<ObjHeader>, &mut dyn FnMut(&Value));

/// Per-type functions the cycle collector calls through a type-erased header.
pub struct GcVTable {
    pub trace: TraceFn,
    pub clear: HeaderFn,
    /// Frees the box once its count is zero.
    pub dealloc: HeaderFn,
    /// The type of the object (`TypeId::of::<T>`).
    pub type_id: fn() -> TypeId,
}

/// Every object the cycle collector tracks, split in two generations:
/// `entries[..old]` survived at least one collection, `entries[old..]` were
/// tracked since the last one. An object's header `gc` field is its index
/// plus one; untracking keeps both generations contiguous.
pub struct GcRegistry {
    pub entries: Vec<(NonNull<ObjHeader>, &'static GcVTable)>,
    pub old: usize,
}

impl GcRegistry {
    fn untrack(&mut self, index: usize) {
        let mut index = index;
        if index < self.old {
            // Fill the hole with the last old object; the slot that frees up
            // at the generation boundary becomes the first young slot.
            let last_old = self.old - 1;
            self.entries.swap(index, last_old);
            // SAFETY: registry entries always point at live tracked objects.
            unsafe { self.entries[index].0.as_ref().gc.set(index + 1) };
            self.old = last_old;
            index = last_old;
        } else {
            GC_BUDGET.with(|b| b.set(b.get() + 1));
        }
        self.entries.swap_remove(index);
        if index < self.entries.len() {
            // SAFETY: as above.
            unsafe { self.entries[index].0.as_ref().gc.set(index + 1) };
        }
    }
}

/// A strong reference to a heap object of type `T`.
#[repr(transparent)]
pub struct PyRef<T: 'static> {
    ptr: NonNull<ObjBox<T>>,
    _marker: PhantomData<T>,
}

thread_local! {
    /// Nesting depth of object frees in progress.
    static FREE_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Frees postponed because the nesting got too deep.
    static DEFERRED: RefCell<Vec<(NonNull<ObjHeader>, HeaderFn)>> =
        const { RefCell::new(Vec::new()) };
    /// Every object the cycle collector tracks.
    pub(crate) static GC_REGISTRY: RefCell<GcRegistry> =
        const { RefCell::new(GcRegistry { entries: Vec::new(), old: 0 }) };
    /// How many more young objects may be tracked before a collection is
    /// due (decremented when one is tracked, incremented when a young one
    /// is freed): the collector runs at the next safe point once it is <= 0.
    pub(crate) static GC_BUDGET: Cell<isize> = const { Cell::new(YOUNG_THRESHOLD) };
    /// Instances resurrected by `dealloc_box` because their `__del__` must
    /// run first; each entry owns one count. Raw pointers, so that tearing
    /// down thread-local storage never drops (and frees) anything.
    static FINALIZE_QUEUE: RefCell<Vec<NonNull<ObjBox<InstanceObj>>>> = const { RefCell::new(Vec::new()) };
    /// Set while the queue is not empty; `GC_BUDGET` is then lowered by
    /// `FINALIZE_BIAS`.
    static FINALIZE_BIASED: Cell<bool> = const { Cell::new(false) };
    /// Weak references whose referent was freed and whose callback must run
    /// (`objects/weak.rs`), oldest first; each entry owns one count.
    static WEAK_CALLBACKS: RefCell<Vec<NonNull<ObjBox<InstanceObj>>>> = const { RefCell::new(Vec::new()) };
    /// A filter of the addresses of objects with weak references
    /// (`objects/weak.rs`): one bit per address hash, set when an object
    /// gets a weak reference, all cleared when none has any; the last word
    /// is nonzero while any bit is set. A free looks in the weak reference
    /// table only when its bit is set.
    static WEAK_FILTER: [Cell<u64>; WEAK_FILTER_WORDS + 1] = const { [const { Cell::new(0) }; WEAK_FILTER_WORDS + 1] };
}

/// Subtracted from `GC_BUDGET` while finalizers are queued, so that the
/// one check safe points already make (`GC_BUDGET <= 0`) also finds them.
/// Large enough to bring any budget (even `gc.disable()`'s, about 2^62)
/// below zero, small enough never to overflow.
const FINALIZE_BIAS: isize = 3 << 61;

/// Young objects (net of frees) that make a collection due.
pub const YOUNG_THRESHOLD: isize = 2000;

/// Whether the cycle collector should run at the next safe point.
#[inline(always)]
pub fn gc_due() -> bool {
    GC_BUDGET.with(|b| b.get() <= 0)
}

const MAX_FREE_DEPTH: u32 = 256;

impl<T: 'static> PyRef<T> {
    /// Allocates a new untracked object with reference count 1.
    #[inline]
    pub fn new(data: T) -> PyRef<T> {
        let p = box_alloc::<T>();
        // SAFETY: `p` is a fresh, suitably sized and aligned block.
        unsafe { p.as_ptr().write(ObjBox { header: ObjHeader { rc: Cell::new(1), gc: Cell::new(0) }, data }) };
        PyRef { ptr: p, _marker: PhantomData }
    }

    #[inline]
    fn inner(&self) -> &ObjBox<T> {
        // SAFETY: `ptr` came from `Box::leak` and the object is alive while
        // this `PyRef` holds a count on it.
        unsafe { self.ptr.as_ref() }
    }

    #[inline]
    pub fn header(&self) -> &ObjHeader {
        &self.inner().header
    }

    /// The address of the object box (identity, `id()`, and the JIT's view).
    #[inline]
    pub fn as_ptr(&self) -> *const ObjBox<T> {
        self.ptr.as_ptr()
    }

    #[inline]
    pub fn ptr_eq(a: &PyRef<T>, b: &PyRef<T>) -> bool {
        a.ptr == b.ptr
    }

    /// The object, mutably, when this is its only reference. Every
    /// reference to an object is counted (registers, containers, caches,
    /// compiled code's constants, the interning table), so a count of one
    /// means nothing else can see the change.
    #[inline]
    pub fn get_mut(this: &mut PyRef<T>) -> Option<&mut T> {
        if this.strong_count() != 1 {
            return None;
        }
        // SAFETY: the count is one, so `this` is the only reference to the
        // box and, borrowed mutably, no `&T` from it is alive.
        Some(unsafe { &mut (*this.ptr.as_ptr()).data })
    }

    #[inline]
    pub fn strong_count(&self) -> usize {
        self.header().rc.get()
    }

    /// Gives up this reference without decrementing, returning the raw box.
    pub fn into_raw(self) -> *const ObjBox<T> {
        let p = self.ptr.as_ptr();
        std::mem::forget(self);
        p
    }

    /// Re-takes a reference given up by `into_raw`.
    ///
    /// # Safety
    /// `p` must come from `into_raw` of a `PyRef<T>` whose count was not
    /// given back yet.
    pub unsafe fn from_raw(p: *const ObjBox<T>) -> PyRef<T> {
        PyRef { ptr: NonNull::new_unchecked(p as *mut ObjBox<T>), _marker: PhantomData }
    }

    /// Makes a new strong reference from a raw box pointer without consuming one.
    ///
    /// # Safety
    /// `p` must point to a live `ObjBox<T>`.
    pub unsafe fn clone_from_raw(p: *const ObjBox<T>) -> PyRef<T> {
        let r = PyRef::from_raw(p);
        r.header().rc.set(r.header().rc.get() + 1);
        r
    }
}

impl<T: Trace + 'static> PyRef<T> {
    /// Allocates a new object and registers it with the cycle collector.
    pub fn new_tracked(data: T) -> PyRef<T> {
        let r = PyRef::new(data);
        r.track();
        r
    }

    /// Registers an untracked object with the cycle collector (a young
    /// object from now on); nothing when it is tracked already.
    pub fn track(&self) {
        if self.header().gc.get() != 0 {
            return;
        }
        let h = NonNull::from(self.header());
        GC_REGISTRY.with(|reg| {
            let mut reg = reg.borrow_mut();
            reg.entries.push((h, vtable_for::<T>()));
            self.header().gc.set(reg.entries.len());
        });
        GC_BUDGET.with(|b| b.set(b.get() - 1));
    }

    /// Whether the cycle collector tracks this object.
    #[inline]
    pub fn is_tracked(&self) -> bool {
        self.header().gc.get() != 0
    }
}

/// # Safety
/// `h` must be the header of a live `ObjBox<T>`.
unsafe fn trace_thunk<T: Trace>(h: NonNull<ObjHeader>, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: the caller guarantees `h` heads an `ObjBox<T>`; the header is
    // its first field (`#[repr(C)]`).
    let b = unsafe { h.cast::<ObjBox<T>>().as_ref() };
    b.data.trace(visit)
}

/// # Safety
/// `h` must be the header of a live `ObjBox<T>`.
unsafe fn clear_thunk<T: Trace>(h: NonNull<ObjHeader>) {
    // SAFETY: as in `trace_thunk`.
    let b = unsafe { h.cast::<ObjBox<T>>().as_ref() };
    b.data.clear()
}

fn vtable_for<T: Trace + 'static>() -> &'static GcVTable {
    struct VT<T>(PhantomData<T>);
    impl<T: Trace + 'static> VT<T> {
        const TABLE: GcVTable =
            GcVTable { trace: trace_thunk::<T>, clear: clear_thunk::<T>, dealloc: dealloc_box::<T>, type_id: TypeId::of::<T> };
    }
    &VT::<T>::TABLE
}

/// Frees the box of a `T` whose count reached zero.
///
/// An instance whose class defines `__del__` and whose finalizer has not
/// run yet is not freed: it gets its count back (resurrected) and waits in
/// the finalizer queue, so that `__del__` runs at the next safe point and
/// never inside `Drop`.
///
/// # Safety
/// `h` must head an `ObjBox<T>` with count zero that nothing else refers to.
unsafe fn dealloc_box<T: 'static>(h: NonNull<ObjHeader>) {
    // The comparison is between constants: it vanishes for every other `T`.
    if TypeId::of::<T>() == TypeId::of::<InstanceObj>() {
        // SAFETY: `T` is `InstanceObj`, so `h` heads an `ObjBox<InstanceObj>`.
        let inst = unsafe { &h.cast::<ObjBox<InstanceObj>>().as_ref().data };
        if inst.needs_finalizer() && queue_finalizer(h) {
            return;
        }
        clear_weak_references(h);
        // SAFETY: as above; the instance is untracked before it is kept
        // for reuse.
        unsafe {
            let gc = h.as_ref().gc.get();
            if gc != 0 {
                untrack(gc - 1);
                // (After: `untrack` may have written the slot it removed.)
                h.as_ref().gc.set(0);
            }
            if super::recycle_instance(h.cast()) {
                return;
            }
        }
    }
    if TypeId::of::<T>() != TypeId::of::<InstanceObj>() {
        clear_weak_references(h);
    }
    // SAFETY: `gc` is read from a live header; the registry entry (if any)
    // points at this object and is removed before the memory is freed.
    unsafe {
        let gc = h.as_ref().gc.get();
        if gc != 0 {
            untrack(gc - 1);
        }
        let p = h.cast::<ObjBox<T>>();
        std::ptr::drop_in_place(p.as_ptr());
        box_free(p);
    }
}

const WEAK_FILTER_WORDS: usize = 64;

/// The word and bit of `WEAK_FILTER` for the object at `addr` (boxes are
/// 16-byte aligned: the low bits carry nothing).
#[inline(always)]
fn weak_filter_bit(addr: usize) -> (usize, u64) {
    let i = (addr >> 4) % (WEAK_FILTER_WORDS * 64);
    (i / 64, 1 << (i % 64))
}

/// The object at `addr` has weak references (`objects/weak.rs`).
pub fn weak_filter_add(addr: usize) {
    let (w, b) = weak_filter_bit(addr);
    let _ = WEAK_FILTER.try_with(|f| {
        f[w].set(f[w].get() | b);
        f[WEAK_FILTER_WORDS].set(1);
    });
}

/// No object has weak references any more.
pub fn weak_filter_clear() {
    let _ = WEAK_FILTER.try_with(|f| f.iter().for_each(|c| c.set(0)));
}

/// An object is freed for good (after its `__del__`): its weak references
/// die (`objects/weak.rs`; looked up only when the filter says it may
/// have some: a few instructions per free otherwise).
#[inline(always)]
fn clear_weak_references(h: NonNull<ObjHeader>) {
    let addr = h.as_ptr() as usize;
    let hit = WEAK_FILTER
        .try_with(|f| {
            // (Most programs have no weak references: one load and test.)
            f[WEAK_FILTER_WORDS].get() != 0 && {
                let (w, b) = weak_filter_bit(addr);
                f[w].get() & b != 0
            }
        })
        .unwrap_or(false);
    if hit {
        super::weak::referent_freed(addr);
    }
}

// ----- small-object pool -----
//
// Every object box of up to `POOL_LARGEST` bytes is allocated with its size
// rounded up to a multiple of 16 from pages of `PAGE` bytes (aligned to
// `PAGE`), each page serving one size class, as CPython's pymalloc pools do:
// a page keeps a list of its freed blocks (linked through their first
// word) and carves new ones in order; the pages of a class with room are
// linked, and a page whose blocks are all free again goes to a per-thread
// list of empty pages that any class may take. Pages come from arenas of
// `ARENA_PAGES` pages, never given back.
//
// Strings, tuples, lists, floats in containers and bound methods are
// created and dropped by the million, and glibc's allocator (which the VM's
// thread reaches through its locked arena paths, and whose fast bins it
// consolidates on the next large request after a large container is freed)
// costs several times more; boxes made one after the other lie one after
// the other, so passes over a large container's objects touch fewer cache
// lines.

const POOL_LARGEST: usize = 128;
const POOL_CLASSES: usize = POOL_LARGEST / 16;
const PAGE: usize = 16 * 1024;
const ARENA_PAGES: usize = 16;

/// The start of a page; its blocks follow from `PAGE_HEAD` on.
#[repr(C)]
struct PageHead {
    /// Freed blocks of this page.
    free: *mut u8,
    /// Offset of the first never-used block.
    bump: usize,
    /// Blocks handed out and not freed.
    used: usize,
    /// Block size (16 * (class + 1)).
    size: usize,
    /// Neighbours in its class's list of pages with room.
    next: *mut PageHead,
    prev: *mut PageHead,
    /// The pool (thread) the page belongs to: a block freed on another
    /// thread is not reused.
    owner: std::sync::atomic::AtomicUsize,
}

/// Offset of a page's first block (16-aligned, past the header).
const PAGE_HEAD: usize = std::mem::size_of::<PageHead>().div_ceil(16) * 16;

struct Pool {
    /// Per class, the pages with a free block or room to carve one.
    usable: [Cell<*mut PageHead>; POOL_CLASSES],
    /// Pages whose blocks are all free (linked through `next`).
    empty: Cell<*mut PageHead>,
    /// The part of the current arena not yet given to pages.
    arena_next: Cell<*mut u8>,
    arena_end: Cell<*mut u8>,
}

thread_local! {
    // (No destructor: the pages live as long as the thread.)
    static POOL: Pool = const {
        Pool {
            usable: [const { Cell::new(std::ptr::null_mut()) }; POOL_CLASSES],
            empty: Cell::new(std::ptr::null_mut()),
            arena_next: Cell::new(std::ptr::null_mut()),
            arena_end: Cell::new(std::ptr::null_mut()),
        }
    };
}

/// The pool size class of `ObjBox<T>` (`None`: too large or too aligned,
/// allocated with its own layout).
#[inline(always)]
const fn pool_class<T>() -> Option<usize> {
    let size = std::mem::size_of::<ObjBox<T>>();
    if size <= POOL_LARGEST && std::mem::align_of::<ObjBox<T>>() <= 16 {
        Some(size.div_ceil(16) - 1)
    } else {
        None
    }
}

impl Pool {
    fn id(&self) -> usize {
        self as *const Pool as usize
    }

    /// A page for `class` with room (an empty page, or a new one from the
    /// arena), linked first in the class's list.
    #[cold]
    #[inline(never)]
    fn new_page(&self, class: usize) -> *mut PageHead {
        let mut pg = self.empty.get();
        if pg.is_null() {
            if self.arena_next.get() == self.arena_end.get() {
                let layout = std::alloc::Layout::from_size_align(PAGE * ARENA_PAGES, PAGE).unwrap_or_else(|_| unreachable!());
                // SAFETY: the layout has a non-zero size.
                let a = unsafe { std::alloc::alloc(layout) };
                if a.is_null() {
                    std::alloc::handle_alloc_error(layout);
                }
                self.arena_next.set(a);
                // SAFETY: `a` starts `PAGE * ARENA_PAGES` allocated bytes.
                self.arena_end.set(unsafe { a.add(PAGE * ARENA_PAGES) });
            }
            pg = self.arena_next.get() as *mut PageHead;
            // SAFETY: a whole page is left before the arena's end (the arena
            // is a whole number of pages).
            self.arena_next.set(unsafe { self.arena_next.get().add(PAGE) });
        } else {
            // SAFETY: pages on the empty list are this pool's, unused.
            self.empty.set(unsafe { (*pg).next });
        }
        let head = self.usable[class].get();
        // SAFETY: `pg` is a page-aligned, page-sized block of this pool, in
        // no list now; `head` is null or a live page of this pool.
        unsafe {
            pg.write(PageHead {
                free: std::ptr::null_mut(),
                bump: PAGE_HEAD,
                used: 0,
                size: 16 * (class + 1),
                next: head,
                prev: std::ptr::null_mut(),
                owner: std::sync::atomic::AtomicUsize::new(self.id()),
            });
            if !head.is_null() {
                (*head).prev = pg;
            }
        }
        self.usable[class].set(pg);
        pg
    }

    /// Takes page `pg` out of `class`'s list of pages with room.
    ///
    /// # Safety
    /// `pg` must be a page of this pool in that list.
    unsafe fn unlink(&self, class: usize, pg: *mut PageHead) {
        // SAFETY: the neighbours are live pages of the same list.
        unsafe {
            let (next, prev) = ((*pg).next, (*pg).prev);
            if prev.is_null() {
                self.usable[class].set(next);
            } else {
                (*prev).next = next;
            }
            if !next.is_null() {
                (*next).prev = prev;
            }
        }
    }

    #[inline(always)]
    fn alloc(&self, class: usize) -> *mut u8 {
        let mut pg = self.usable[class].get();
        if pg.is_null() {
            pg = self.new_page(class);
        }
        // SAFETY: `pg` is a page of this pool with room (pages without are
        // taken out of the list below); its free blocks and the bytes from
        // `bump` to its end are unused.
        unsafe {
            let size = (*pg).size;
            let b = (*pg).free;
            let b = if !b.is_null() {
                (*pg).free = *(b as *mut *mut u8);
                b
            } else {
                let b = (pg as *mut u8).add((*pg).bump);
                (*pg).bump += size;
                b
            };
            (*pg).used += 1;
            if (*pg).free.is_null() && (*pg).bump + size > PAGE {
                self.unlink(class, pg);
            }
            b
        }
    }

    /// # Safety
    /// `p` must be a block `alloc(class)` of some pool gave, now unused.
    #[inline(always)]
    unsafe fn free(&self, class: usize, p: *mut u8) {
        let pg = (p as usize & !(PAGE - 1)) as *mut PageHead;
        // SAFETY: `p` lies in a page whose header starts at `pg`; only the
        // owner thread reads or writes the rest of the header.
        unsafe {
            if (*pg).owner.load(std::sync::atomic::Ordering::Relaxed) != self.id() {
                // Freed on another thread (the VM frees on its own): not reused.
                return;
            }
            let size = (*pg).size;
            let was_full = (*pg).free.is_null() && (*pg).bump + size > PAGE;
            *(p as *mut *mut u8) = (*pg).free;
            (*pg).free = p;
            (*pg).used -= 1;
            if (*pg).used == 0 {
                if !was_full {
                    if (*pg).prev.is_null() && (*pg).next.is_null() {
                        // The class's only page with room stays (a class
                        // whose one live object comes and goes would
                        // otherwise set up a page per allocation).
                        return;
                    }
                    self.unlink(class, pg);
                }
                (*pg).next = self.empty.get();
                self.empty.set(pg);
            } else if was_full {
                let head = self.usable[class].get();
                (*pg).next = head;
                (*pg).prev = std::ptr::null_mut();
                if !head.is_null() {
                    (*head).prev = pg;
                }
                self.usable[class].set(pg);
            }
        }
    }
}

/// Uninitialised memory for an `ObjBox<T>`.
#[inline(always)]
fn box_alloc<T>() -> NonNull<ObjBox<T>> {
    let p = match pool_class::<T>() {
        Some(class) => POOL.with(|pool| pool.alloc(class)),
        None => {
            let layout = std::alloc::Layout::new::<ObjBox<T>>();
            // SAFETY: `ObjBox` has a non-zero size (its header).
            let p = unsafe { std::alloc::alloc(layout) };
            if p.is_null() {
                std::alloc::handle_alloc_error(layout);
            }
            p
        }
    };
    NonNull::new(p).unwrap_or_else(|| unreachable!()).cast()
}

/// Gives back the memory of an `ObjBox<T>` whose contents were dropped.
///
/// # Safety
/// `p` must come from `box_alloc::<T>` and be referred to by nothing.
#[inline(always)]
unsafe fn box_free<T>(p: NonNull<ObjBox<T>>) {
    let p = p.as_ptr() as *mut u8;
    match pool_class::<T>() {
        Some(class) => {
            // (Thread-local storage torn down: the block is not reused.)
            // SAFETY: `p` came from `box_alloc::<T>`, of this class.
            let _ = POOL.try_with(|pool| unsafe { pool.free(class, p) });
        }
        // SAFETY: allocated with `ObjBox<T>`'s own layout.
        None => unsafe { std::alloc::dealloc(p, std::alloc::Layout::new::<ObjBox<T>>()) },
    }
}

/// Resurrects the instance headed by `h` (count zero) and queues its
/// finalizer. Returns false (the caller frees it) when the queue is gone
/// (thread-local storage being torn down).
#[cold]
#[inline(never)]
fn queue_finalizer(h: NonNull<ObjHeader>) -> bool {
    let queued = FINALIZE_QUEUE
        .try_with(|q| {
            let mut q = q.borrow_mut();
            q.push(h.cast());
            q.len() == 1
        })
        .ok();
    match queued {
        None => false,
        Some(first) => {
            // SAFETY: the header is live (its memory is not freed).
            unsafe { h.as_ref().rc.set(1) };
            if first && !FINALIZE_BIASED.with(|b| b.replace(true)) {
                // Make every safe point (interpreter and compiled code check
                // `GC_BUDGET <= 0`) notice the queue.
                GC_BUDGET.with(|b| b.set(b.get() - FINALIZE_BIAS));
            }
            true
        }
    }
}

/// Queues the weak reference `wr` (whose referent died) for its callback,
/// run at the next safe point with the finalizers.
pub fn queue_weak_callback(wr: PyRef<InstanceObj>) {
    let p = wr.into_raw();
    let first = WEAK_CALLBACKS.try_with(|q| {
        let mut q = q.borrow_mut();
        // SAFETY: `into_raw` gives a non-null pointer.
        q.push(unsafe { NonNull::new_unchecked(p as *mut ObjBox<InstanceObj>) });
        q.len() == 1
    });
    // (Thread-local storage torn down: the count is never given back.)
    if let Ok(true) = first {
        if !FINALIZE_BIASED.with(|b| b.replace(true)) {
            GC_BUDGET.with(|b| b.set(b.get() - FINALIZE_BIAS));
        }
    }
}

/// Takes every queued weak reference (their counts pass to the caller),
/// oldest first.
pub fn take_weak_callbacks() -> Vec<PyRef<InstanceObj>> {
    let all = WEAK_CALLBACKS.with(|q| std::mem::take(&mut *q.borrow_mut()));
    // SAFETY: the queue owned one count on each.
    all.into_iter().map(|p| unsafe { PyRef::from_raw(p.as_ptr()) }).collect()
}

/// Takes every queued instance (their counts pass to the caller), oldest first.
pub fn take_finalizers() -> Vec<PyRef<InstanceObj>> {
    let all = FINALIZE_QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    // SAFETY: the queue owned one count on each resurrected instance.
    all.into_iter().map(|p| unsafe { PyRef::from_raw(p.as_ptr()) }).collect()
}

/// Whether instances wait for their finalizers.
#[inline]
pub fn finalizers_pending() -> bool {
    FINALIZE_BIASED.with(|b| b.get())
}

/// Called once the queue is empty: safe points stop reporting work unless
/// a collection is due.
pub fn finalizers_done() {
    let empty = FINALIZE_QUEUE.with(|q| q.borrow().is_empty()) && WEAK_CALLBACKS.with(|q| q.borrow().is_empty());
    if empty && FINALIZE_BIASED.with(|b| b.replace(false)) {
        GC_BUDGET.with(|b| b.set(b.get() + FINALIZE_BIAS));
    }
}

/// Sets the collector's budget (young objects until the next collection),
/// keeping safe points due while finalizers are queued.
pub fn set_gc_budget(budget: isize) {
    let bias = if finalizers_pending() { FINALIZE_BIAS } else { 0 };
    GC_BUDGET.with(|b| b.set(budget - bias));
}

fn untrack(index: usize) {
    GC_REGISTRY.with(|reg| reg.borrow_mut().untrack(index));
}

/// Gives up one reference to a tracked object known only by its header
/// (the cycle collector's own references to the garbage it clears).
///
/// # Safety
/// `h` must head a live object whose type matches `vt`, and the caller must
/// own one count on it.
pub unsafe fn release_raw(h: NonNull<ObjHeader>, vt: &'static GcVTable) {
    // SAFETY: the caller owns a count, so the header is live.
    let rc = unsafe { &h.as_ref().rc };
    let n = rc.get() - 1;
    rc.set(n);
    if n == 0 {
        // SAFETY: that was the last reference; `vt.dealloc` matches the type.
        unsafe { free_object(h, vt.dealloc) }
    }
}

/// A `Value` that refers to `r` without owning a count, for handing a field
/// that is a bare `PyRef` to a `Trace` visitor. Never drop the result.
#[inline]
pub fn borrowed_value<T: 'static>(r: &PyRef<T>, wrap: fn(PyRef<T>) -> Value) -> std::mem::ManuallyDrop<Value> {
    // SAFETY: the copy shares `r`'s pointer without a count; `ManuallyDrop`
    // ensures it never gives back a count it does not own.
    std::mem::ManuallyDrop::new(wrap(PyRef { ptr: r.ptr, _marker: PhantomData }))
}

#[cold]
#[inline(never)]
unsafe fn free_object(h: NonNull<ObjHeader>, dealloc: HeaderFn) {
    let depth = FREE_DEPTH.with(|d| d.get());
    if depth >= MAX_FREE_DEPTH {
        DEFERRED.with(|q| q.borrow_mut().push((h, dealloc)));
        return;
    }
    FREE_DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: forwarded from the caller.
    unsafe { dealloc(h) };
    if depth == 0 {
        // Drain frees postponed by deep nesting, outermost level only.
        loop {
            let next = DEFERRED.with(|q| q.borrow_mut().pop());
            match next {
                // SAFETY: entries were pushed with their matching dealloc.
                Some((p, f)) => unsafe { f(p) },
                None => break,
            }
        }
    }
    FREE_DEPTH.with(|d| d.set(depth));
}

impl<T: 'static> Clone for PyRef<T> {
    #[inline]
    fn clone(&self) -> Self {
        let h = self.header();
        h.rc.set(h.rc.get() + 1);
        PyRef { ptr: self.ptr, _marker: PhantomData }
    }
}

impl<T: 'static> Drop for PyRef<T> {
    #[inline]
    fn drop(&mut self) {
        let h = self.header();
        let rc = h.rc.get() - 1;
        h.rc.set(rc);
        if rc == 0 {
            // SAFETY: the count reached zero, so this was the last reference.
            unsafe { free_object(self.ptr.cast(), dealloc_box::<T>) }
        }
    }
}

impl<T: 'static> Deref for PyRef<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.inner().data
    }
}

impl<T: 'static> std::fmt::Debug for PyRef<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyRef({:p})", self.ptr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Boxes of several size classes made, freed in a scattered order and
    /// made again (reusing freed blocks and emptied pages across classes)
    /// keep their contents: no block is handed out twice.
    #[test]
    fn pool_pages_reuse_blocks_without_overlap() {
        let mut small: Vec<PyRef<[u64; 1]>> = Vec::new();
        let mut large: Vec<PyRef<[u64; 13]>> = Vec::new();
        for round in 0..4u64 {
            for i in 0..20_000u64 {
                small.push(PyRef::new([i + round]));
                large.push(PyRef::new([i * 7 + round; 13]));
            }
            // Free every other small box and the first half of the large
            // ones: pages of both classes become partly and wholly free.
            let mut k = 0;
            small.retain(|_| {
                k += 1;
                k % 2 == 0
            });
            large.drain(..large.len() / 2);
            for b in &small {
                assert!(b[0] < 20_000 + round);
            }
            for b in &large {
                assert!(b.iter().all(|&x| x == b[0]));
            }
        }
        let mut seen: Vec<usize> = small.iter().map(|b| &**b as *const _ as usize).collect();
        seen.extend(large.iter().map(|b| &**b as *const _ as usize));
        let n = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), n, "a block handed out twice");
    }
}
