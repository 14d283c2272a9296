#define _GNU_SOURCE
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>
#include "CFileMapping.h"

// A fixed table, so the handler reads it without locks or allocation: a slot is taken by
// a compare-and-swap on its start address, and its end is published before its start.
#define SLOTS 64
static _Atomic uintptr_t slot_start[SLOTS];
static _Atomic uintptr_t slot_end[SLOTS];
static _Atomic int slot_damaged[SLOTS];
static uintptr_t page_size = 4096;
static struct sigaction previous;
static pthread_once_t installed = PTHREAD_ONCE_INIT;

int td_mapping_fault(void *address) {
    uintptr_t a = (uintptr_t)address;
    for (int i = 0; i < SLOTS; i++) {
        uintptr_t start = atomic_load(&slot_start[i]);
        if (start == 0 || start == 1 || a < start || a >= atomic_load(&slot_end[i])) continue;
        // Zeros from the faulting page to the end of the mapping: one call, whatever follows.
        uintptr_t page = a & ~(page_size - 1);
        uintptr_t end = atomic_load(&slot_end[i]);
        if (mmap((void *)page, end - page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) return 0;
        atomic_store(&slot_damaged[i], 1);
        return 1;
    }
    return 0;
}

static void on_bus(int sig, siginfo_t *info, void *context) {
    // A fault (not a SIGBUS someone sent) in a registered mapping: patched, carry on.
    if (info && info->si_code > 0 && td_mapping_fault(info->si_addr)) return;
    // Not ours: put the previous handler back. A fault happens again when this returns and
    // goes there, as if this handler had never been installed; a sent signal is sent again.
    sigaction(sig, &previous, NULL);
    if (!info || info->si_code <= 0) raise(sig);
    (void)context;
}

static void install(void) {
    long p = sysconf(_SC_PAGESIZE);
    if (p > 0) page_size = (uintptr_t)p;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, &previous);
}

const void *td_map_file(int fd, size_t size, int *slot) {
    if (size == 0) return NULL;
    pthread_once(&installed, install);
    int taken = -1;
    for (int i = 0; i < SLOTS && taken < 0; i++) {
        uintptr_t free_slot = 0;
        // 1 holds the slot while it is being filled in.
        if (atomic_compare_exchange_strong(&slot_start[i], &free_slot, 1)) taken = i;
    }
    if (taken < 0) return NULL;
    void *base = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (base == MAP_FAILED) {
        atomic_store(&slot_start[taken], 0);
        return NULL;
    }
    uintptr_t end = ((uintptr_t)base + size + page_size - 1) & ~(page_size - 1);
    atomic_store(&slot_damaged[taken], 0);
    atomic_store(&slot_end[taken], end);
    atomic_store(&slot_start[taken], (uintptr_t)base);
    *slot = taken;
    return base;
}

void td_unmap_file(const void *base, size_t size, int slot) {
    if (slot >= 0 && slot < SLOTS) {
        atomic_store(&slot_start[slot], 1);
        atomic_store(&slot_end[slot], 0);
    }
    munmap((void *)base, size);
    if (slot >= 0 && slot < SLOTS) atomic_store(&slot_start[slot], 0);
}

int td_mapping_damaged(int slot) {
    return slot >= 0 && slot < SLOTS ? atomic_load(&slot_damaged[slot]) : 0;
}
