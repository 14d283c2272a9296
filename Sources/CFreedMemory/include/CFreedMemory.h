// glibc's malloc_trim, which Swift's Glibc module does not expose (it lives in malloc.h).
#ifndef THREATDECK_CFREEDMEMORY_H
#define THREATDECK_CFREEDMEMORY_H

/// Returns whole free pages of every malloc arena to the system; 1 when any were returned.
/// A no-op returning 0 where the C library has no malloc_trim.
int td_return_freed_memory(void);

#endif
