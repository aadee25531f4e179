#include "ingest/cli.hpp"

int main(int argc, char** argv) {
  return zt::ingest::run_cli(argc, argv, zt::config::process_environment());
}
