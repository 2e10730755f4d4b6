// Everything the benchmark starts registers how to stop it here; stopAll() runs the stops in
// reverse order once, on success, on an error and on Ctrl-C / SIGTERM.
const stops = [];
let stopping;

/** Registers a stop function (async allowed); returns it for convenience. */
export function onCleanup(stop) {
  stops.push(stop);
  return stop;
}

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
      void stopAll().finally(() => process.exit(code));
    });
  }
}
