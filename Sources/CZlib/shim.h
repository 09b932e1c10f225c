// The system zlib (zlib1g-dev), exposed to Swift as module CZlib for TributaryFirehose's GZIP and ZIP output.
#include <zlib.h>
