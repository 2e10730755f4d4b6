// Bundles scripts/server/server.ts into .next/keyfront-server.mjs (run after `next build`).
// Packages stay external; the app's own TypeScript (lib/, generated Prisma client) is bundled.
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
await build({
  entryPoints: [path.join(root, "scripts/server/server.ts")],
  outfile: path.join(root, ".next/keyfront-server.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  sourcemap: true,
  logLevel: "warning",
});
console.log("built .next/keyfront-server.mjs");
