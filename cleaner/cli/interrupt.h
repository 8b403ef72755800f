// SIGINT and SIGTERM end a run cleanly (issue 14.11): the first one only
// sets a flag that the driver reads between records, so that whatever was
// read is cleaned and written whole, the summary is printed and the exit
// code says which signal it was (130, 143). A second one ends the process
// at once, as the default action would.
#ifndef CLEANER_CLI_INTERRUPT_H_
#define CLEANER_CLI_INTERRUPT_H_

namespace cleaner {

// Installs the handlers (SA_RESTART: reads and writes in progress finish).
// A SIGINT ignored by the parent (`nohup`, a background job) stays ignored.
void InstallInterruptHandlers();

// The signal that asked the run to stop, or 0.
int InterruptSignal();

}  // namespace cleaner

#endif  // CLEANER_CLI_INTERRUPT_H_
