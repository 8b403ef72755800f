// SIGINT and SIGTERM end a run cleanly; see interrupt.h.
#include "cleaner/cli/interrupt.h"

#include <signal.h>

namespace cleaner {
namespace {

volatile sig_atomic_t g_signal = 0;

void OnSignal(int signo) {
  if (g_signal != 0) {
    // The second request: stop now (async-signal-safe calls only).
    signal(signo, SIG_DFL);
    raise(signo);
    return;
  }
  g_signal = signo;
}

}  // namespace

void InstallInterruptHandlers() {
  struct sigaction sa = {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  struct sigaction old = {};
  if (sigaction(SIGINT, nullptr, &old) == 0 && old.sa_handler != SIG_IGN) {
    sigaction(SIGINT, &sa, nullptr);
  }
  sigaction(SIGTERM, &sa, nullptr);
}

int InterruptSignal() { return g_signal; }

}  // namespace cleaner
