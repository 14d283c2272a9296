#define _GNU_SOURCE
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <string.h>
#include <termios.h>
#include <poll.h>
#include "CTerminalControl.h"
#include "CFileMapping.h"

static int signal_pipe[2] = {-1, -1};
static volatile sig_atomic_t pending_exit = 0;
static volatile sig_atomic_t pending_winch = 0;

static void on_signal(int sig) {
    int saved = errno;
    if (sig == SIGWINCH) pending_winch = 1; else pending_exit = sig;
    if (signal_pipe[1] >= 0) { char b = (char)sig; (void)!write(signal_pipe[1], &b, 1); }
    errno = saved;
}

int td_install_signal_handlers(void) {
    if (signal_pipe[0] < 0) {
        if (pipe(signal_pipe) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(signal_pipe[i], F_SETFL, fcntl(signal_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(signal_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    // No SA_RESTART: a blocking poll or read must return so the loop sees the signal.
    sa.sa_flags = 0;
    int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    // Signals blocked by whoever started us (tmux, a test harness) must reach us.
    sigset_t set;
    sigemptyset(&set);
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaddset(&set, sigs[i]);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    return signal_pipe[0];
}

int td_take_signal(void) {
    if (pending_exit) { int s = pending_exit; pending_exit = 0; return s; }
    if (pending_winch) { pending_winch = 0; return SIGWINCH; }
    return 0;
}

void td_drain_signal_pipe(void) {
    char buf[64];
    while (signal_pipe[0] >= 0 && read(signal_pipe[0], buf, sizeof buf) > 0) {}
}

// ---- Terminal restore on crash -----------------------------------------------------------

static int restore_fd = -1;
static struct termios saved_termios;
static int have_termios = 0;
static char restore_seq[512];
static size_t restore_len = 0;
static struct sigaction previous[32];
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};

// ---- stderr while the screen is ours ---------------------------------------------------
// Text written to stderr during the session (a library's warning, the Swift runtime's
// "Fatal error: …" line, which comes before the trap) would land on the alternate screen and
// vanish. It goes to a memory file instead, and is written out to the real stderr once the
// terminal is back: at shutdown, or in the crash handler before the backtrace.

static int saved_stderr = -1;
static int captured_stderr = -1;

void td_capture_stderr(void) {
    if (saved_stderr >= 0) return;
    int mem = memfd_create("threatdeck-stderr", MFD_CLOEXEC);
    if (mem < 0) return;
    int saved = fcntl(2, F_DUPFD_CLOEXEC, 3);
    if (saved < 0) { close(mem); return; }
    if (dup2(mem, 2) < 0) { close(mem); close(saved); return; }
    saved_stderr = saved;
    captured_stderr = mem;
}

/// Puts the real stderr back and copies what was captured to it (async-signal-safe).
void td_release_stderr(void) {
    if (saved_stderr < 0) return;
    dup2(saved_stderr, 2);
    off_t end = lseek(captured_stderr, 0, SEEK_CUR);
    if (end > 0) {
        char buf[4096];
        off_t at = 0;
        while (at < end) {
            ssize_t n = pread(captured_stderr, buf, sizeof buf, at);
            if (n <= 0) break;
            (void)!write(2, buf, (size_t)n);
            at += n;
        }
    }
    close(captured_stderr);
    close(saved_stderr);
    captured_stderr = -1;
    saved_stderr = -1;
}

static void restore_now(void) {
    if (restore_fd >= 0) {
        // Cooked mode first, so what follows is printed with newlines that return the
        // carriage, then leave the alternate screen and show the cursor.
        if (have_termios) tcsetattr(restore_fd, TCSANOW, &saved_termios);
        if (restore_len) (void)!write(restore_fd, restore_seq, restore_len);
    }
    // Then the runtime's message ("Fatal error: …"), on the main screen, before the backtrace.
    td_release_stderr();
}

static void arm_fatal_handlers(void);

static void on_fatal(int sig, siginfo_t *info, void *context) {
    // A page of a mapped data file that shrank under us is not a crash: the mapping's own
    // handler, which this one may have been installed over, patches it and the load drops
    // what it read. This handler was reset on entry (SA_RESETHAND): put it back.
    if (sig == SIGBUS && info && info->si_code > 0 && td_mapping_fault(info->si_addr)) {
        arm_fatal_handlers();
        return;
    }
    restore_now();
    restore_fd = -1;
    struct sigaction *prev = (sig > 0 && sig < 32) ? &previous[sig] : NULL;
    if (prev && (prev->sa_flags & SA_SIGINFO) && prev->sa_sigaction) {
        prev->sa_sigaction(sig, info, context);
    } else if (prev && prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN && prev->sa_handler) {
        prev->sa_handler(sig);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void td_save_terminal_modes(int fd) {
    have_termios = tcgetattr(fd, &saved_termios) == 0;
}

void td_arm_terminal_restore(int fd, const char *restore_sequence) {
    restore_fd = fd;
    // The modes were saved before ncurses changed them; if not, saving now is the best left.
    if (!have_termios) have_termios = tcgetattr(fd, &saved_termios) == 0;
    restore_len = 0;
    if (restore_sequence) {
        restore_len = strlen(restore_sequence);
        if (restore_len >= sizeof restore_seq) restore_len = sizeof restore_seq - 1;
        memcpy(restore_seq, restore_sequence, restore_len);
    }
    for (unsigned i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
        sigaction(fatal_signals[i], NULL, &previous[fatal_signals[i]]);
    }
    arm_fatal_handlers();
}

static void arm_fatal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fatal;
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (unsigned i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) sigaction(fatal_signals[i], &sa, NULL);
}

void td_disarm_terminal_restore(void) {
    if (restore_fd < 0) return;
    restore_fd = -1;
    for (unsigned i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
        sigaction(fatal_signals[i], &previous[fatal_signals[i]], NULL);
    }
}

int td_wait_input(int tty_fd, int signal_fd, int wake_fd, int timeout_ms) {
    struct pollfd fds[3];
    fds[0].fd = tty_fd; fds[0].events = POLLIN; fds[0].revents = 0;
    fds[1].fd = signal_fd; fds[1].events = POLLIN; fds[1].revents = 0;
    fds[2].fd = wake_fd; fds[2].events = POLLIN; fds[2].revents = 0;
    // Negative descriptors are ignored by poll().
    int n = poll(fds, 3, timeout_ms);
    if (n < 0) return errno == EINTR ? 2 : -1;
    if (n == 0) return 0;
    if (signal_fd >= 0 && (fds[1].revents & POLLIN)) return 2;
    if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
        // Data may still be queued with POLLHUP; but a hung-up tty means the session is gone.
        return -1;
    }
    if (fds[0].revents & POLLIN) return 1;
    if (wake_fd >= 0 && (fds[2].revents & POLLIN)) return 3;
    return 0;
}

long td_write_all(int fd, const void *bytes, size_t length) {
    const char *p = bytes;
    size_t done = 0;
    while (done < length) {
        ssize_t n = write(fd, p + done, length - done);
        if (n < 0) { if (errno == EINTR) continue; break; }
        if (n == 0) break;
        done += (size_t)n;
    }
    return (long)done;
}
