#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uchar.h>

struct nb_breaker { UBreakIterator *it; };
struct nb_translit { UTransliterator *t; };

const char *nb_error_name(int32_t code) { return u_errorName((UErrorCode)code); }
int nb_failed(int32_t code) { return U_FAILURE((UErrorCode)code); }

nb_breaker *nb_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(kind == 0 ? UBRK_WORD : UBRK_SENTENCE, locale, NULL, 0, &err);
    *status = err;
    if (U_FAILURE(err)) return NULL;
    nb_breaker *b = (nb_breaker *)malloc(sizeof(nb_breaker));
    b->it = it;
    return b;
}

void nb_breaker_close(nb_breaker *b) {
    if (!b) return;
    ubrk_close(b->it);
    free(b);
}

int32_t nb_breaker_fill(nb_breaker *b, const nb_uchar *text, int32_t len, int32_t resume,
                        int32_t *bounds, int32_t *rules, int32_t cap, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    if (!resume) ubrk_setText(b->it, (const UChar *)text, len, &err);
    *status = err;
    if (U_FAILURE(err)) return 0;
    int32_t n = 0;
    while (n < cap) {
        int32_t p = ubrk_next(b->it);
        if (p == UBRK_DONE) {
            // Detach the caller's buffer so the iterator never reads it after this call.
            ubrk_setText(b->it, NULL, 0, &err);
            break;
        }
        bounds[n] = p;
        if (rules) rules[n] = ubrk_getRuleStatus(b->it);
        n++;
    }
    return n;
}

int32_t nb_detect_charsets(const char *bytes, int32_t len, char *names, int32_t *conf,
                           int32_t max, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    ucsdet_setText(d, bytes, len, &err);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(d, &found, &err);
    int32_t n = 0;
    if (U_SUCCESS(err)) {
        for (int32_t i = 0; i < found && n < max; i++) {
            const char *name = ucsdet_getName(matches[i], &err);
            int32_t c = ucsdet_getConfidence(matches[i], &err);
            if (U_FAILURE(err) || !name) break;
            strncpy(names + n * NB_CHARSET_NAME_LEN, name, NB_CHARSET_NAME_LEN - 1);
            names[n * NB_CHARSET_NAME_LEN + NB_CHARSET_NAME_LEN - 1] = 0;
            conf[n] = c;
            n++;
        }
    }
    ucsdet_close(d);
    *status = err;
    return n;
}

// Counts every malformed or unmappable sequence, then substitutes it as ICU would.
static void count_bad(const void *context, UConverterToUnicodeArgs *args, const char *units,
                      int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
    if (reason <= UCNV_IRREGULAR) (*(int32_t *)context)++;
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, reason, err);
}

int32_t nb_convert_to_utf16(const char *charset, const char *bytes, int32_t len,
                            nb_uchar *out, int32_t cap, int32_t *bad, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    *bad = 0;
    ucnv_setToUCallBack(c, count_bad, bad, NULL, NULL, &err);
    int32_t n = ucnv_toUChars(c, (UChar *)out, cap, bytes, len, &err);
    ucnv_close(c);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return n;
}

int32_t nb_convert_from_utf16(const char *charset, const nb_uchar *src, int32_t len,
                              char *out, int32_t cap, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    int32_t n = ucnv_fromUChars(c, out, cap, (const UChar *)src, len, &err);
    ucnv_close(c);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return n;
}

int32_t nb_nfkc(const nb_uchar *src, int32_t len, nb_uchar *dst, int32_t cap, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    int32_t r = unorm2_normalize(n, (const UChar *)src, len, (UChar *)dst, cap, &err);
    if (err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return r;
}

int nb_nfkc_is_inert(int32_t codepoint) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err)) return 1;
    return unorm2_isInert(n, (UChar32)codepoint);
}

nb_translit *nb_translit_open(const char *id, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UChar uid[64];
    int32_t n = 0;
    for (; id[n] && n < 63; n++) uid[n] = (UChar)id[n];
    UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &err);
    *status = err;
    if (U_FAILURE(err)) return NULL;
    nb_translit *r = (nb_translit *)malloc(sizeof(nb_translit));
    r->t = t;
    return r;
}

void nb_translit_close(nb_translit *t) {
    if (!t) return;
    utrans_close(t->t);
    free(t);
}

int32_t nb_translit_apply(nb_translit *t, nb_uchar *buf, int32_t len, int32_t cap, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t limit = len;
    int32_t textLength = len;
    utrans_transUChars(t->t, (UChar *)buf, &textLength, cap, 0, &limit, &err);
    *status = err;
    return textLength;
}
