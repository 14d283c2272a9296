#include "CFreedMemory.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

// <features.h>, which defines __GLIBC__, comes in with the first libc header.
#if defined(__GLIBC__)
int td_return_freed_memory(void) { return malloc_trim(0); }
#else
int td_return_freed_memory(void) { return 0; }
#endif
