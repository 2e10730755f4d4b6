// House-style checks that type-checking cannot see. Exits 1 listing every violation.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib"];
const MAX_LINES = 300;

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") yield* walk(full);
    } else if (/\.(ts|tsx|mts)$/.test(entry.name)) yield full;
  }
}

const files = [...SOURCE_DIRS.flatMap((d) => [...walk(path.join(root, d))]), path.join(root, "proxy.ts")];
const problems = [];
for (const file of files) {
  const rel = path.relative(root, file);
  const text = fs.readFileSync(file, "utf8");
  const lines = text.split("\n");
  const isTest = rel.endsWith(".test.ts");
  if (rel !== "lib/env.ts" && !isTest && /process\.env/.test(text)) problems.push(`${rel}: reads process.env (only lib/env.ts may)`);
  if (!rel.startsWith("lib/") && /from "@\/lib\/(db|generated\/prisma\/client)"/.test(text)) problems.push(`${rel}: imports the database client (only lib/ may)`);
  if (/^["']use client["']/.test(text) && /from "@\/lib\/(db|env|auth\/config|crypto\/)/.test(text)) problems.push(`${rel}: client component imports server-only code`);
  if (lines.length > MAX_LINES) problems.push(`${rel}: ${lines.length} lines (keep files under ${MAX_LINES})`);
  if (/\benum\s+[A-Z]\w*\s*\{/.test(text) && !rel.startsWith("lib/generated")) problems.push(`${rel}: TypeScript enum (use an \`as const\` array)`);
  if (/:\s*any\b|as any\b/.test(text)) problems.push(`${rel}: uses \`any\``);
}
if (problems.length) {
  console.error(`lint: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`lint: ${files.length} files OK`);
