//! The `spry` binary's global allocator: the system allocator (glibc's
//! malloc), with one addition for large blocks.
//!
//! glibc maps every block above its mmap threshold (at most 32 MB) fresh
//! from the kernel and unmaps it when freed, so each use of a large buffer
//! (`[x] * 3000000`: 48 MB of 16-byte values, `a + b` of two such lists)
//! takes a page fault for every 4 KB page it touches — half of the time of
//! such a program. Blocks of `HUGE_MIN` bytes or more are advised to use
//! transparent huge pages (`MADV_HUGEPAGE`; the kernel's default policy
//! here is "madvise"), so that a fault maps 2 MB. Smaller blocks are left
//! alone: the advice is a system call.

use std::alloc::{GlobalAlloc, Layout, System};

/// The smallest block advised to use huge pages.
const HUGE_MIN: usize = 4 << 20;
/// A transparent huge page.
const HUGE_PAGE: usize = 2 << 20;

pub struct SpryAlloc;

/// Advises the whole huge pages inside `[p, p + n)`.
#[cfg(target_os = "linux")]
fn advise_huge(p: *mut u8, n: usize) {
    let start = (p as usize).next_multiple_of(HUGE_PAGE);
    let end = (p as usize + n) & !(HUGE_PAGE - 1);
    if end > start {
        // SAFETY: the range lies inside a block the allocator just gave
        // out; the advice changes no content and no protection (an error,
        // e.g. without transparent huge pages, is ignored).
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_: *mut u8, _: usize) {}

// SAFETY: every call is passed on to `System` unchanged; the advice on
// large blocks does not change what the blocks hold.
unsafe impl GlobalAlloc for SpryAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `System::alloc`'s.
        let p = unsafe { System.alloc(layout) };
        if layout.size() >= HUGE_MIN && !p.is_null() {
            advise_huge(p, layout.size());
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if layout.size() >= HUGE_MIN && !p.is_null() {
            advise_huge(p, layout.size());
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as `alloc`.
        unsafe { System.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if new_size >= HUGE_MIN && !p.is_null() {
            advise_huge(p, new_size);
        }
        p
    }
}
