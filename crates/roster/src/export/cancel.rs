//! Lets a long export stop when asked, without checking an atomic on every row.

use std::sync::atomic::{AtomicBool, Ordering};

/// Rows written between two looks at the cancel flag: a fraction of a millisecond of work.
const CHECK_EVERY: usize = 256;

/// Yields the inner iterator's items until the cancel flag is seen set, then ends early. The
/// export then sees the flag and discards what it wrote.
pub(crate) struct UntilCancelled<'c, I> {
    inner: I,
    cancel: &'c AtomicBool,
    yielded: usize,
}

impl<'c, I> UntilCancelled<'c, I> {
    pub(crate) fn new(inner: I, cancel: &'c AtomicBool) -> Self {
        UntilCancelled {
            inner,
            cancel,
            yielded: 0,
        }
    }
}

impl<I: Iterator> Iterator for UntilCancelled<'_, I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        if self.yielded.is_multiple_of(CHECK_EVERY) && self.cancel.load(Ordering::Relaxed) {
            return None;
        }
        self.yielded += 1;
        self.inner.next()
    }
}
