//! A one-multiply hash for integer keys (addresses, loop keys), where
//! SipHash would cost more than the lookup it serves: the JIT's loop
//! table, the finalizer's liveness cache, the weak reference table; and
//! (a multiply per byte) the compiler's maps of the program's identifiers
//! (`compiler::Map`). Not keyed: fine for keys the program itself chose.

/// Hashes integer keys with one multiply (the JIT's loop keys: a code
/// object address and a pc; the lookup runs on every entry of a compiled
/// loop).
#[derive(Default, Clone, Copy)]
pub struct BuildKeyHasher;

#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        // The multiply leaves the best-mixed bits at the top; the table
        // indexes with the low ones.
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

impl std::hash::BuildHasher for BuildKeyHasher {
    type Hasher = KeyHasher;
    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(0)
    }
}
