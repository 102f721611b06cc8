// Bounded raw-deflate decompression for DOCX entries: one call, a hard cap on the output, no
// loop that can spin on corrupt input (it stops when zlib makes no progress).
#ifndef NIANBAO_CINFLATE_H
#define NIANBAO_CINFLATE_H

#include <stddef.h>
#include <stdint.h>

/// Inflates raw deflate data (no zlib header) into `out`.
/// Returns the number of bytes written; -1 corrupt data; -2 output would exceed `cap`.
long nb_inflate_raw(const uint8_t *in, size_t in_len, uint8_t *out, size_t cap);

#endif
