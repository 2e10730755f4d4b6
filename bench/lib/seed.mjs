// Seeds the bench database in a few bulk statements: one SOFTWARE product and plan, N licenses
// with real KF- keys (lookup hashes made by lib/licensing/key-material.ts itself, loaded through
// tsx) and 1–3 activations each, with fingerprints the benchmark knows.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { tsImport } from "tsx/esm/api";

const pad = (n, width) => String(n).padStart(width, "0");
const UTC_NOW = `(now() AT TIME ZONE 'UTC')`;

export const PLAN = { activationLimit: 5, heartbeatIntervalSec: 3600, entitlements: ["pro", "updates"] };

/**
 * Key material as the server computes it. The server reads ENCRYPTION_KEY from its environment;
 * this process gets the same values so lib/env.ts parses the same configuration.
 */
async function keyTools(serverEnv) {
  for (const name of ["DATABASE_URL", "AUTH_SECRET", "ENCRYPTION_KEY"]) process.env[name] = serverEnv[name];
  const keys = await tsImport("../../lib/licensing/license-key.ts", import.meta.url);
  const material = await tsImport("../../lib/licensing/key-material.ts", import.meta.url);
  return { generateLicenseKey: keys.generateLicenseKey, licenseKeyHint: keys.licenseKeyHint, lookupHash: material.lookupHash };
}

/**
 * @param {string} url database URL
 * @param {Record<string, number>} pools pool name → number of licenses, e.g. { warm: 2000, cold: 30000 }
 * @returns {Promise<{ product: string, pools: Record<string, { id: string, key: string, fingerprints: string[], activationIds: string[] }[]>, licenses: number, activations: number }>}
 */
export async function seed(url, pools, serverEnv) {
  const tools = await keyTools(serverEnv);
  const tag = randomBytes(3).toString("hex");
  const productId = `prd_BENCH${tag.toUpperCase()}00000000000000`;
  const planId = `pln_BENCH${tag.toUpperCase()}00000000000000`;

  const out = {};
  const lic = { id: [], hash: [], hint: [] };
  const act = { id: [], licenseId: [], identifier: [] };
  let n = 0;
  for (const [pool, count] of Object.entries(pools)) {
    out[pool] = [];
    for (let i = 0; i < count; i++, n++) {
      const key = tools.generateLicenseKey();
      const id = `lic_BENCH${pad(n, 21)}`;
      lic.id.push(id);
      lic.hash.push(tools.lookupHash(key));
      lic.hint.push(tools.licenseKeyHint(key));
      const fingerprints = [];
      const activationIds = [];
      for (let j = 0; j < 1 + (n % 3); j++) {
        const fp = `bench-${tag}-fp-${pad(n, 7)}-${j}`;
        const actId = `act_BENCH${pad(n, 19)}${pad(j, 2)}`;
        fingerprints.push(fp);
        activationIds.push(actId);
        act.id.push(actId);
        act.licenseId.push(id);
        act.identifier.push(fp);
      }
      out[pool].push({ id, key, fingerprints, activationIds });
    }
  }

  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Product" ("id", "slug", "name", "licenseType", "updatedAt") VALUES ($1, $2, 'Bench App', 'SOFTWARE', ${UTC_NOW})`, [productId, `bench-app-${tag}`]);
    await client.query(
      `INSERT INTO "Plan" ("id", "productId", "slug", "name", "activationLimit", "heartbeatIntervalSec", "entitlements", "updatedAt")
       VALUES ($1, $2, 'standard', 'Standard', $3, $4, $5, ${UTC_NOW})`,
      [planId, productId, PLAN.activationLimit, PLAN.heartbeatIntervalSec, PLAN.entitlements],
    );
    await client.query(
      `INSERT INTO "License" ("id", "keyHash", "keyCiphertext", "keyHint", "productId", "planId", "seats", "entitlements", "updatedAt")
       SELECT t.id, t.hash, 'bench-not-a-ciphertext', t.hint, $4, $5, $6, $7, ${UTC_NOW}
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, hash, hint)`,
      [lic.id, lic.hash, lic.hint, productId, planId, PLAN.activationLimit, PLAN.entitlements],
    );
    await client.query(
      `INSERT INTO "Activation" ("id", "licenseId", "kind", "identifier", "label", "lastHeartbeatAt", "createdAt")
       SELECT t.id, t.license, 'FINGERPRINT', t.identifier, 'bench machine', ${UTC_NOW}, ${UTC_NOW} - interval '1 day'
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, license, identifier)`,
      [act.id, act.licenseId, act.identifier],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "License"; ANALYZE "Activation"`);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  return { product: `bench-app-${tag}`, pools: out, licenses: lic.id.length, activations: act.id.length };
}
