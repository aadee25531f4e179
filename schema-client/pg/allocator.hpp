#pragma once
// The C library allocator's setting for the processes that run the batch writer and the
// fleet's re-matching (the ingest, and their benchmarks): no fastbins. These build and free
// many small JSON values and strings per agent, then allocate large blocks (statement
// parameters, answers); with fastbins, each such large allocation first runs
// malloc_consolidate over every small block freed since. Measured on the rematch benchmark
// (60 hosts × 1,000 packages, 200,000 ranges): consolidation and its unlinking were about a
// fifth of the client's CPU time, and without fastbins the unchanged step's client CPU fell
// from 4.5 s to 3.6 s. Small blocks still go through glibc's per-thread cache.
namespace zt::pg {

void use_allocator_without_fastbins();

}  // namespace zt::pg
