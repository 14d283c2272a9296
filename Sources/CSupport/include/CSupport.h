// libc entry points Swift's Glibc module hides behind feature macros (wcwidth needs
// _XOPEN_SOURCE), wrapped so the Swift modules stay free of terminal libraries.
#ifndef THREATDECK_CSUPPORT_H
#define THREATDECK_CSUPPORT_H

#include <stddef.h>

/// Display columns of one Unicode scalar in the current LC_CTYPE: -1 (non-printable), 0, 1 or 2.
int td_wcwidth(unsigned int scalar);
/// The current locale's character set name, e.g. "UTF-8" or "ANSI_X3.4-1968".
const char *td_codeset(void);
/// Sets LC_ALL from the environment; returns the resulting LC_CTYPE name.
const char *td_setlocale_from_environment(void);
/// Switches LC_CTYPE to a UTF-8 locale when the process has none (tests, pipes); 1 on success.
int td_ensure_utf8_ctype(void);

#endif

// ---- Signals --------------------------------------------------------------------------
// Handlers are C so they stay async-signal-safe: they only set a flag and write one byte
// to a self-pipe that the run loop polls together with the terminal.

/// Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT (exit requests) and SIGWINCH
/// (resize), ignores SIGPIPE, and returns the read end of the self-pipe (-1 on failure).
int td_install_signal_handlers(void);
/// Returns and clears the most urgent pending signal: an exit request first, else SIGWINCH; 0 if none.
int td_take_signal(void);
/// Drains the self-pipe after a wake-up.
void td_drain_signal_pipe(void);

/// Remembers how to put the terminal back (termios of `fd` plus the escape sequences to
/// leave the alternate screen, show the cursor, reset attributes and stop mouse reports),
/// and installs crash handlers (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) that
/// write it to the terminal before the process dies, chaining to any previous handler.
void td_arm_terminal_restore(int fd, const char *restore_sequence);
/// Forgets it again (after a clean shutdown).
void td_disarm_terminal_restore(void);

/// poll() on the terminal and the signal pipe. Returns 1 when the terminal is readable,
/// 2 when a signal arrived, 0 on timeout, -1 when the terminal hung up or failed.
int td_wait_input(int tty_fd, int signal_fd, int timeout_ms);
