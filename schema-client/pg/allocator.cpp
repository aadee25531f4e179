#include "schema-client/pg/allocator.hpp"

#include <malloc.h>

namespace zt::pg {

void use_allocator_without_fastbins() { ::mallopt(M_MXFAST, 0); }

}  // namespace zt::pg
