// Runs a fuzz target over files instead of under libFuzzer, so that every
// fuzz target builds with any compiler and ctest replays the corpus
// (simdjson's "fuzzers that never rot"). Arguments are files or folders
// (read recursively). Prints how many inputs ran; exits 0 unless the target
// aborts.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    if (fs::is_directory(argv[i], ec)) {
      for (const auto& e : fs::recursive_directory_iterator(argv[i])) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else {
      files.push_back(argv[i]);
    }
  }
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The file as it is, then behind a few leading bytes: targets that
    // read a first byte as options see each file under several of them.
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    for (int sel = 0; sel < 16; sel += 5) {
      std::string input(1, static_cast<char>(sel));
      input += bytes;
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
    }
  }
  std::printf("replayed %zu inputs\n", files.size());
  return 0;
}
