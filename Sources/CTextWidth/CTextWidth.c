#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include "CTextWidth.h"

int td_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

const char *td_codeset(void) { return nl_langinfo(CODESET); }

const char *td_setlocale_from_environment(void) {
    setlocale(LC_ALL, "");
    // Belt and braces: ThreatDeck parses numbers with Swift, never strtod, but a library
    // that does must not read "58.5" as 58 under de_DE.
    setlocale(LC_NUMERIC, "C");
    return setlocale(LC_CTYPE, NULL);
}

int td_ensure_utf8_ctype(void) {
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    const char *candidates[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        if (setlocale(LC_CTYPE, candidates[i]) && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    }
    return 0;
}
