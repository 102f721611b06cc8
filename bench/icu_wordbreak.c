// Raw ICU word breaking, the speed anchor for `nianbao segment`: reads a UTF-8 file, converts it
// to UTF-16 and walks ICU's word break iterator (locale zh) over it line by line, counting words.
// Built by `make bench` with pkg-config's ICU flags.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: icu_wordbreak FILE\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc(size + 1);
    if (fread(bytes, 1, size, f) != (size_t)size) { perror("read"); return 1; }
    fclose(f);
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8(NULL, 0, &len, bytes, size, &err);
    err = U_ZERO_ERROR;
    UChar *text = malloc(sizeof(UChar) * (len + 1));
    u_strFromUTF8(text, len + 1, &len, bytes, size, &err);
    UBreakIterator *it = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
    if (U_FAILURE(err)) { fprintf(stderr, "%s\n", u_errorName(err)); return 1; }
    long words = 0;
    int32_t start = 0;
    for (int32_t i = 0; i <= len; i++) {
        if (i == len || text[i] == '\n') {
            ubrk_setText(it, text + start, i - start, &err);
            for (int32_t p = ubrk_next(it); p != UBRK_DONE; p = ubrk_next(it)) words++;
            start = i + 1;
        }
    }
    ubrk_close(it);
    printf("%ld\n", words);
    return 0;
}
