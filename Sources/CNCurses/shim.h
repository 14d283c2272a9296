// ncurses, seen from Swift. Wide-character entry points need NCURSES_WIDECHAR before the
// header (SwiftPM drops pkg-config's -D flags), and Swift cannot import function-like or
// computed macros, nor read ncurses' mutable globals under strict concurrency; the inline
// functions below expose exactly what the backend uses.
#ifndef THREATDECK_CNCURSES_SHIM_H
#define THREATDECK_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdlib.h>
#include <curses.h>
#include <term.h>

static inline WINDOW *td_stdscr(void) { return stdscr; }
static inline int td_lines(void) { return LINES; }
static inline int td_cols(void) { return COLS; }
static inline int td_colors(void) { return COLORS; }
static inline int td_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t td_a_normal(void) { return A_NORMAL; }
static inline attr_t td_a_bold(void) { return A_BOLD; }
static inline attr_t td_a_dim(void) { return A_DIM; }
static inline attr_t td_a_reverse(void) { return A_REVERSE; }
static inline attr_t td_a_underline(void) { return A_UNDERLINE; }
static inline attr_t td_a_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return A_NORMAL;
#endif
}

static inline int td_key_f(int n) { return KEY_F(n); }

static inline mmask_t td_mouse_all(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t td_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t td_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t td_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t td_button1_double(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t td_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t td_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}

/// Draws one grapheme cluster (a NUL-terminated wide string of at most CCHARW_MAX code
/// points: the base and its combining marks) with attributes and an extended colour pair.
static inline int td_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

/// ncurses refuses to draw in the bottom-right cell with mvadd_wch (the cursor would scroll);
/// mvins_wch inserts there without scrolling.
static inline int td_put_last_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
    if (move(y, x) == ERR) return ERR;
    return ins_wch(&cell);
}

static inline int td_get_wch(wint_t *out) { return get_wch(out); }

/// True when terminfo describes the terminal `name` without exiting the process (initscr
/// would call exit() on an unknown TERM).
static inline int td_terminfo_usable(const char *name, int fd) {
    int err = 0;
    if (setupterm((char *)name, fd, &err) != OK) return 0;
    del_curterm(cur_term);
    cur_term = NULL;
    return err == 1;
}

/// Colours and direct-colour support of terminal `name` (1 = usable), without keeping it.
static inline int td_terminfo_colors(const char *name, int fd, int *colors, int *direct) {
    int err = 0;
    if (setupterm((char *)name, fd, &err) != OK || err != 1) return 0;
    *colors = tigetnum((char *)"colors");
    int rgb = tigetflag((char *)"RGB");
    *direct = (rgb > 0 || *colors >= 0x1000000) ? 1 : 0;
    del_curterm(cur_term);
    cur_term = NULL;
    return 1;
}

/// A terminfo string capability of the current terminal, or "" (for the crash-restore sequence).
static inline const char *td_tigetstr(const char *cap) {
    char *s = tigetstr((char *)cap);
    if (s == NULL || s == (char *)-1) return "";
    return s;
}

static inline SCREEN *td_newterm(const char *type) { return newterm((char *)type, stdout, stdin); }

static inline int td_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }

static inline int td_tigetnum(const char *cap) { return tigetnum((char *)cap); }
static inline int td_tigetflag(const char *cap) { return tigetflag((char *)cap); }

#endif
