#define CATCH_CONFIG_MAIN
// The daemon tests send real signals to this process; Catch must not take them.
#define CATCH_CONFIG_NO_POSIX_SIGNALS
#include <catch2/catch.hpp>
