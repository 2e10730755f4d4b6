// Loads the Prisma schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) without
// --experimental-wasm-modules: the .wasm is instantiated here with the package's wasm-bindgen glue.
//
// Three imports of the glue are wrapped:
//   - setTimeout: the engine arms timers (~10 s, e.g. after applying migrations) that it never
//     clears. They are unref'd so they cannot keep a finished process alive; runEngine() holds the
//     process open while an operation is actually running.
//   - queueMicrotask: the engine's async tasks run there. A Rust panic would be thrown from that
//     callback as an uncaught exception and leave the operation pending forever; instead it is
//     caught and fails the running operations with the panic message.
//   - set_message (panic hook): records the message without needing a global panic registry.
// A panicked instance is discarded; the next operation instantiates a fresh one.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

let enginePromise;
let generation = 0;
/** @type {Set<(err: Error) => void>} rejecters of the operations in flight */
const running = new Set();

function failRunning(err, panic) {
  enginePromise = undefined;
  const message = panic.message ?? (err instanceof Error ? err.message : String(err));
  const error = new Error(`Schema engine panicked: ${message}`);
  for (const reject of [...running]) reject(error);
}

async function instantiate() {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  // A fresh copy of the glue per instance: it caches views of the instance's memory.
  const suffix = generation++ ? `?instance=${generation}` : "";
  const glue = await import(pathToFileURL(gluePath).href + suffix);
  const bytes = fs.readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const panic = { message: undefined };
  const guard = (callback) => (...args) => {
    try {
      return callback(...args);
    } catch (err) {
      failRunning(err, panic);
    }
  };
  const imports = { ...glue };
  for (const [name, fn] of Object.entries(glue)) {
    if (typeof fn !== "function") continue;
    if (name.startsWith("__wbg_setTimeout_")) {
      imports[name] = (callback, ms) => {
        const timer = fn(guard(callback), ms);
        timer?.unref?.();
        return timer;
      };
    } else if (name.startsWith("__wbg_queueMicrotask_") && /queueMicrotask\(arg0\)/.test(fn.toString())) {
      imports[name] = (callback) => fn(guard(callback));
    } else if (name.startsWith("__wbg_set_message_")) {
      imports[name] = (ptr, len) => {
        const saved = globalThis.PRISMA_WASM_PANIC_REGISTRY;
        globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => (panic.message = m) };
        try {
          fn(ptr, len);
        } finally {
          globalThis.PRISMA_WASM_PANIC_REGISTRY = saved;
        }
      };
    }
  }
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return { SchemaEngine: glue.SchemaEngine, panic };
}

function loadEngine() {
  enginePromise ??= instantiate().catch((err) => {
    enginePromise = undefined;
    throw err;
  });
  return enginePromise;
}

function toError(err, panic) {
  if (err instanceof WebAssembly.RuntimeError) {
    enginePromise = undefined; // the instance is unusable now
    return new Error(`Schema engine panicked: ${panic.message ?? err.message}`);
  }
  const text = err instanceof Error ? err.message : typeof err === "string" ? err : (err?.message ?? JSON.stringify(err));
  // Engine errors end with a Rust span trace ("   0: module::function ... at file.rs:113"): keep the
  // message, and name the migration the trace mentions.
  const [message, trace = ""] = text.split(/\n\s*0: /);
  const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
  const clean = message.replaceAll("external connector error\n", "").trim();
  const error = new Error(migration && !clean.includes(migration) ? `Migration \`${migration}\` failed: ${clean}` : clean);
  error.cause = err;
  return error;
}

/**
 * Creates a schema engine over `adapterFactory`, runs `fn(engine)` and frees the engine.
 * @template T
 * @param {object} adapterFactory a factory bound with bindMigrationAwareSqlAdapterFactory
 * @param {(engine: any) => Promise<T>} fn
 * @param {{ datamodels?: [string, string][], onLog?: (line: string) => void }} [options]
 * @returns {Promise<T>}
 */
export async function runEngine(adapterFactory, fn, { datamodels, onLog = () => {} } = {}) {
  const { SchemaEngine, panic } = await loadEngine();
  const keepAlive = setInterval(() => {}, 1 << 30);
  let reject;
  const panicked = new Promise((_, r) => (reject = r));
  running.add(reject);
  let engine;
  try {
    return await Promise.race([
      panicked,
      (async () => {
        engine = await SchemaEngine.new({ datamodels }, onLog, adapterFactory);
        return fn(engine);
      })(),
    ]);
  } catch (err) {
    throw toError(err, panic);
  } finally {
    running.delete(reject);
    clearInterval(keepAlive);
    try {
      engine?.free();
    } catch {
      // the instance is already unusable
    }
  }
}
