// Pulls in the system ICU headers; CICU wraps the entry points the project uses.
#include <unicode/utypes.h>
