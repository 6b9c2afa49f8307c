// Reading the fixtures and feeds the unit tests use, by path (CARTA_SOURCE_DIR for the
// repository). A file that cannot be read reads as "": tests that need one REQUIRE it.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
