// libc entry points Swift's Glibc module hides behind feature macros (wcwidth needs
// _XOPEN_SOURCE): text width and the locale, for TerminalUI. No terminal control here.
#ifndef THREATDECK_CTEXTWIDTH_H
#define THREATDECK_CTEXTWIDTH_H

#include <stddef.h>

/// Display columns of one Unicode scalar in the current LC_CTYPE: -1 (non-printable), 0, 1 or 2.
int td_wcwidth(unsigned int scalar);
/// The current locale's character set name, e.g. "UTF-8" or "ANSI_X3.4-1968".
const char *td_codeset(void);
/// Sets LC_ALL from the environment, then LC_NUMERIC back to "C" (numbers are never read or
/// written by the C library in the user's locale); returns the resulting LC_CTYPE name.
const char *td_setlocale_from_environment(void);
/// Switches LC_CTYPE to a UTF-8 locale when the process has none (tests, pipes); 1 on success.
int td_ensure_utf8_ctype(void);

#endif
