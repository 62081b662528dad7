// App database tasks: `tsx scripts/db.ts migrate` applies migrations, `tsx scripts/db.ts seed` upserts demo users.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPrismaClient, databaseUrl } from "../lib/dbClient";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { repoRoot, runPrisma } from "./prisma";
import { demoUsers } from "../lib/auth/demoUsers";
import { hashPassword, verifyPassword } from "../lib/auth/passwords";

export { demoUsers } from "../lib/auth/demoUsers";

export interface MigrateOptions {
  url?: string;
  /** Hide Prisma's own output unless the migration fails. */
  quiet?: boolean;
}

function sqliteFile(url: string): string | undefined {
  if (!url.startsWith("file:")) return undefined;
  const location = url.slice("file:".length).replace(/\?.*$/, "");
  // Prisma runs from the repository root, so relative paths land there whatever the caller's directory.
  return location === ":memory:" ? undefined : path.resolve(repoRoot, location);
}

function repoRelativeUrl(url: string): string {
  const file = sqliteFile(url);
  return file ? `file:${file}` : url;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

export async function migrateDatabase({ url = databaseUrl(), quiet = false }: MigrateOptions = {}): Promise<void> {
  const file = sqliteFile(url);
  // better-sqlite3 cannot create folders, and data/ does not exist on a fresh clone.
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  console.log(`db: applying migrations to ${file ? displayPath(file) : "the configured database"}`);

  let output = "";
  const code = await runPrisma(["migrate", "deploy"], {
    env: { DATABASE_URL: url },
    onOutput: quiet ? (text) => (output += text) : undefined,
  });
  if (code !== 0) throw new Error(`prisma migrate deploy exited with code ${code}${output ? `\n${output}` : ""}`);
  console.log("db: migrations applied");
}

/**
 * Uses the given client, or opens and closes one on DATABASE_URL (relative paths from the repository root).
 * Each demo user signs in with DEMO_PASSWORD (default goldlens-demo); changing it re-hashes on the next seed.
 */
export async function seedDemoUsers(client?: PrismaClient, password: string = process.env.DEMO_PASSWORD ?? "goldlens-demo"): Promise<void> {
  const prisma = client ?? createPrismaClient(repoRelativeUrl(databaseUrl()));
  try {
    for (const user of demoUsers) {
      const existing = await prisma.user.findUnique({ where: { email: user.email } });
      const current = existing?.passwordHash && (await verifyPassword(existing.passwordHash, password));
      const passwordHash = current ? existing.passwordHash : await hashPassword(password);
      await prisma.user.upsert({
        where: { email: user.email },
        update: { name: user.name, role: user.role, passwordHash },
        create: { ...user, passwordHash },
      });
    }
  } finally {
    if (!client) await prisma.$disconnect();
  }
  console.log(`db: ${demoUsers.length} demo users ready (${demoUsers.map((user) => user.email).join(", ")})`);
}

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case "migrate":
      await migrateDatabase();
      return;
    case "seed":
      await seedDemoUsers();
      return;
    default:
      console.error("usage: tsx scripts/db.ts <migrate|seed>");
      process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main(process.argv[2]);
  } catch (error) {
    console.error(`db: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
