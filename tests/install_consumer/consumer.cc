// Cleans a string through the installed library.
#include <cstdio>

#include "cleaner/cleaner.h"

int main() {
  std::fputs(cleaner::CleanString("  Hello,\xC2\xA0 world.  \n").c_str(), stdout);
  return 0;
}
