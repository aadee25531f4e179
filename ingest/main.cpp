#include "ingest/cli.hpp"
#include "schema-client/pg/allocator.hpp"

int main(int argc, char** argv) {
  zt::pg::use_allocator_without_fastbins();
  return zt::ingest::run_cli(argc, argv, zt::config::process_environment());
}
