// Terminal control the backend needs below ncurses: async-signal-safe handlers, a self-pipe,
// poll(), and restoring the terminal when the process crashes. Only CursesBackend uses it.
#ifndef THREATDECK_CTERMINALCONTROL_H
#define THREATDECK_CTERMINALCONTROL_H

#include <stddef.h>

/// Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT (exit requests) and SIGWINCH
/// (resize), ignores SIGPIPE, and returns the read end of the self-pipe (-1 on failure).
int td_install_signal_handlers(void);
/// Returns and clears the most urgent pending signal: an exit request first, else SIGWINCH; 0 if none.
int td_take_signal(void);
/// Drains the self-pipe after a wake-up.
void td_drain_signal_pipe(void);

/// Saves the terminal modes of `fd` as they are now: call before ncurses changes them, so a
/// crash restores the shell's cooked mode rather than ncurses' raw one.
void td_save_terminal_modes(int fd);
/// Remembers the escape sequences that leave the alternate screen, show the cursor, reset
/// attributes and stop mouse reports, and installs crash handlers (SIGSEGV, SIGBUS, SIGILL,
/// SIGFPE, SIGABRT, SIGTRAP) that write them and restore the saved modes before the process
/// dies, chaining to any previous handler (Swift's backtracer prints after us).
void td_arm_terminal_restore(int fd, const char *restore_sequence);
/// Forgets it again (after a clean shutdown).
void td_disarm_terminal_restore(void);

/// Sends stderr to a memory file while the screen is ours (text there would vanish with the
/// alternate screen); `td_release_stderr` puts it back and writes out what was captured.
/// The crash handler releases it too, so "Fatal error: …" is read before the backtrace.
void td_capture_stderr(void);
void td_release_stderr(void);

/// poll() on the terminal, the signal pipe and an optional wake-up descriptor (-1: none).
/// Returns 1 when the terminal is readable, 2 when a signal arrived, 3 when `wake_fd` is
/// readable, 0 on timeout, -1 when the terminal hung up or failed.
int td_wait_input(int tty_fd, int signal_fd, int wake_fd, int timeout_ms);

/// Writes all of `length` bytes to `fd` (EINTR retried); the bytes written.
long td_write_all(int fd, const void *bytes, size_t length);

#endif
