#include "cinflate.h"

#include <string.h>
#include <zlib.h>

long nb_inflate_raw(const uint8_t *in, size_t in_len, uint8_t *out, size_t cap) {
    z_stream s;
    memset(&s, 0, sizeof s);
    if (inflateInit2(&s, -MAX_WBITS) != Z_OK) return -1;
    s.next_in = (Bytef *)in;
    s.avail_in = (uInt)in_len;
    s.next_out = out;
    s.avail_out = (uInt)cap;
    int r = inflate(&s, Z_FINISH);
    long written = (long)(cap - s.avail_out);
    inflateEnd(&s);
    if (r == Z_STREAM_END) return written;
    // Output full while input remains: the entry is larger than allowed.
    if ((r == Z_BUF_ERROR || r == Z_OK) && s.avail_out == 0) return -2;
    return -1;
}
