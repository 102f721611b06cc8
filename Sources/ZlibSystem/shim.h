// System zlib, found with pkg-config; CInflate wraps the one call Nianbao needs.
#include <zlib.h>
