// Read-only file mappings that survive the file shrinking under them. A mapped page past a
// file's new end raises SIGBUS on access; for a registered mapping the handler puts a zero
// page there instead and marks the mapping damaged, so the reader finishes, sees the mark
// and drops what it read (the loader keeps the last good data). Faults anywhere else go on
// to the handler that was installed before (the Swift runtime's backtracer).
#ifndef THREATDECK_CFILEMAPPING_H
#define THREATDECK_CFILEMAPPING_H

#include <stddef.h>

/// Maps `size` bytes of the open regular file `fd` read-only and populated, and registers
/// the mapping; returns its base (NULL on failure, when the caller reads instead) and its
/// registry slot in `*slot`.
const void *td_map_file(int fd, size_t size, int *slot);
/// Unregisters and unmaps a mapping made by `td_map_file`.
void td_unmap_file(const void *base, size_t size, int slot);
/// 1 once a page of the mapping could not be read (the file shrank or an I/O error).
int td_mapping_damaged(int slot);
/// For a crash handler installed after ours: 1 when `address` was in a registered mapping
/// and has been patched (return from the handler and the access succeeds), else 0.
int td_mapping_fault(void *address);

#endif
