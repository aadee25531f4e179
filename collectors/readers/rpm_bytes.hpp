#pragma once
// Unsigned integers of a given byte order out of a byte string, for the rpm database readers
// (rpm headers are big-endian; a Berkeley DB file is in the byte order of the machine that
// made it). The caller checks the bounds first: `at + width` must be within `bytes`.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace zt::readers {

enum class ByteOrder { little, big };

template <typename T>
T load_unsigned(std::string_view bytes, std::size_t at, ByteOrder order) {
  T value = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    const std::size_t index = order == ByteOrder::big ? i : sizeof(T) - 1 - i;
    value = static_cast<T>((value << 8) | static_cast<unsigned char>(bytes[at + index]));
  }
  return value;
}

inline std::uint16_t load_u16(std::string_view bytes, std::size_t at, ByteOrder order) {
  return load_unsigned<std::uint16_t>(bytes, at, order);
}
inline std::uint32_t load_u32(std::string_view bytes, std::size_t at, ByteOrder order) {
  return load_unsigned<std::uint32_t>(bytes, at, order);
}

}  // namespace zt::readers
