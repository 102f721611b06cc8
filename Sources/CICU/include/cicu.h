// Stable C names over the few ICU entry points Nianbao uses.
// ICU's headers rename every function with a version suffix (ubrk_open → ubrk_open_72) through
// macros Swift cannot see; these wrappers are compiled against the installed headers, so the suffix
// is whatever pkg-config's ICU says and never appears in our code.
#ifndef NIANBAO_CICU_H
#define NIANBAO_CICU_H

#include <stdint.h>

typedef uint16_t nb_uchar;
typedef struct nb_breaker nb_breaker;
typedef struct nb_translit nb_translit;

/// ICU's name for an error code (e.g. "U_INVALID_CHAR_FOUND").
const char *nb_error_name(int32_t code);
/// Whether an ICU status is a failure.
int nb_failed(int32_t code);

/// Break iterators. kind: 0 = word, 1 = sentence.
nb_breaker *nb_breaker_open(int32_t kind, const char *locale, int32_t *status);
void nb_breaker_close(nb_breaker *b);
/// Sets `text` (`resume` 0) or goes on where the last call stopped (`resume` 1, same `text`), and
/// writes the next boundaries into `bounds` (and each one's rule status into `rules`, may be NULL),
/// at most `cap`. Returns the number written: fewer than `cap` means the text is done, and the
/// iterator no longer holds it.
int32_t nb_breaker_fill(nb_breaker *b, const nb_uchar *text, int32_t len, int32_t resume,
                        int32_t *bounds, int32_t *rules, int32_t cap, int32_t *status);

/// Charset detection: writes up to `max` candidates (names into `names`, NAME_LEN bytes each,
/// confidences 0-100 into `conf`). Returns how many.
#define NB_CHARSET_NAME_LEN 32
int32_t nb_detect_charsets(const char *bytes, int32_t len, char *names, int32_t *conf,
                           int32_t max, int32_t *status);

/// Converts `len` bytes in `charset` to UTF-16. Malformed or unmappable input becomes U+FFFD and
/// is counted in `*bad`. Returns the UTF-16 length, or the length needed when `cap` is too small.
int32_t nb_convert_to_utf16(const char *charset, const char *bytes, int32_t len,
                            nb_uchar *out, int32_t cap, int32_t *bad, int32_t *status);

/// Converts UTF-16 to bytes in `charset` (for writing legacy-encoded files and tests).
/// Returns the byte length, or the length needed when `cap` is too small.
int32_t nb_convert_from_utf16(const char *charset, const nb_uchar *src, int32_t len,
                              char *out, int32_t cap, int32_t *status);

/// NFKC of a short run of UTF-16. Returns the output length.
int32_t nb_nfkc(const nb_uchar *src, int32_t len, nb_uchar *dst, int32_t cap, int32_t *status);
/// Whether NFKC leaves the code point unchanged whatever surrounds it.
int nb_nfkc_is_inert(int32_t codepoint);

/// Transliterators, e.g. "Traditional-Simplified".
nb_translit *nb_translit_open(const char *id, int32_t *status);
void nb_translit_close(nb_translit *t);
/// Transliterates `buf` in place. Returns the new length (may exceed `cap`: then retry larger).
int32_t nb_translit_apply(nb_translit *t, nb_uchar *buf, int32_t len, int32_t cap, int32_t *status);

#endif
