import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, seedDemoUsers } from "../../scripts/db";
import { createPrismaClient } from "../dbClient";
import type { PrismaClient } from "../generated/prisma/client";

/** A fresh, migrated app database with the demo users, in a temp folder. */
export async function createTestAppDatabase(): Promise<{ prisma: PrismaClient; url: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "goldlens-app-"));
  const url = `file:${path.join(dir, "app.db")}`;
  await migrateDatabase({ url, quiet: true });
  const prisma = createPrismaClient(url);
  await seedDemoUsers(prisma);
  return { prisma, url };
}
