import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { z } from "zod";
import { migrateDatabase } from "../scripts/db";
import { busyTimeoutMs, createPrismaClient } from "./dbClient";
import { Prisma, type PrismaClient } from "./generated/prisma/client";

const migrationNames = fs
  .readdirSync(fileURLToPath(new URL("../prisma/migrations", import.meta.url)), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const migrationRows = z.array(
  z.object({
    migration_name: z.string(),
    checksum: z.string(),
    finished_at: z.date().nullable(),
    rolled_back_at: z.date().nullable(),
  }),
);

describe("app database", () => {
  let tempDir: string;
  let url: string;
  let prisma: PrismaClient;
  let userId: string;

  const appliedMigrations = async () =>
    migrationRows.parse(
      await prisma.$queryRaw`
        SELECT migration_name, checksum, finished_at, rolled_back_at
        FROM _prisma_migrations
        ORDER BY migration_name`,
    );

  const decision = (overrides: Partial<Prisma.ClaimDecisionUncheckedCreateInput> = {}) => ({
    claimNo: "CLM-1001",
    version: 1,
    decision: "investigate",
    note: "speed well above the limit near the incident",
    userId,
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  });

  const expectUniqueViolation = async (write: Promise<unknown>, fields: string[]) => {
    const fieldList = fields.map((field) => `\`${field}\``).join(", ");
    await expect(write).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(write).rejects.toMatchObject({
      code: "P2002",
      message: expect.stringContaining(`Unique constraint failed on the fields: (${fieldList})`),
    });
  };

  beforeAll(async () => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "goldlens-db-"));
    // A folder that does not exist yet, like data/ on a fresh clone.
    url = `file:${path.join(tempDir, "data", "app.db")}`;
    await migrateDatabase({ url, quiet: true });
    prisma = createPrismaClient(url);
    const user = await prisma.user.create({
      data: { email: "investigator@example.test", name: "Test Investigator", role: "investigator" },
    });
    userId = user.id;
  }, 120_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it("records every migration in the folder as applied", async () => {
    expect(migrationNames.some((name) => name.endsWith("_init"))).toBe(true);
    const rows = await appliedMigrations();
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("opens the file in WAL mode with synchronous=NORMAL and a busy timeout", async () => {
    // Prisma hands back the adapter's integers as bigint; SQLite answers these pragmas with one column each.
    const pragma = async (name: string) =>
      z
        .array(z.record(z.string(), z.union([z.string(), z.number(), z.bigint()])))
        .length(1)
        .parse(await prisma.$queryRawUnsafe(`PRAGMA ${name}`))
        .map((row) => Object.values(row)[0])[0];

    expect(await pragma("journal_mode")).toBe("wal");
    // 1 = NORMAL (FULL, the default, is 2).
    expect(Number(await pragma("synchronous"))).toBe(1);
    expect(Number(await pragma("busy_timeout"))).toBe(busyTimeoutMs);

    // WAL is recorded in the file itself, so another connection (a migration, a script) uses it too.
    const other = new Database(url.slice("file:".length), { readonly: true });
    try {
      expect(other.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      other.close();
    }
  });

  it("writes a claim decision and reads it back", async () => {
    const written = await prisma.claimDecision.create({ data: decision({ claimNo: "CLM-2001" }) });
    const read = await prisma.claimDecision.findUniqueOrThrow({
      where: { claimNo_version: { claimNo: "CLM-2001", version: 1 } },
      include: { user: true },
    });
    expect(read).toMatchObject({
      id: written.id,
      claimNo: "CLM-2001",
      version: 1,
      decision: "investigate",
      note: "speed well above the limit near the incident",
      idempotencyKey: written.idempotencyKey,
      user: { email: "investigator@example.test", role: "investigator", passwordHash: null },
    });
    expect(read.createdAt).toBeInstanceOf(Date);
  });

  it("rejects a second decision with the same claim and version", async () => {
    await prisma.claimDecision.create({ data: decision({ claimNo: "CLM-3001", version: 1 }) });
    const duplicate = prisma.claimDecision.create({ data: decision({ claimNo: "CLM-3001", version: 1 }) });
    await expectUniqueViolation(duplicate, ["claimNo", "version"]);
    const next = await prisma.claimDecision.create({ data: decision({ claimNo: "CLM-3001", version: 2 }) });
    expect(next.version).toBe(2);
    expect(await prisma.claimDecision.count({ where: { claimNo: "CLM-3001" } })).toBe(2);
  });

  it("rejects a reused idempotency key", async () => {
    const idempotencyKey = crypto.randomUUID();
    await prisma.claimDecision.create({ data: decision({ claimNo: "CLM-4001", idempotencyKey }) });
    const replay = prisma.claimDecision.create({ data: decision({ claimNo: "CLM-4002", idempotencyKey }) });
    await expectUniqueViolation(replay, ["idempotencyKey"]);
    expect(await prisma.claimDecision.count({ where: { idempotencyKey } })).toBe(1);
  });

  it("treats a second migrate as a no-op", async () => {
    await prisma.claimDecision.create({ data: decision({ claimNo: "CLM-5001" }) });
    const before = await appliedMigrations();
    const decisionsBefore = await prisma.claimDecision.findMany({ orderBy: { id: "asc" } });

    // Prisma's schema engine takes SQLite's exclusive lock, which a WAL database cannot grant while another
    // connection is open (prisma/prisma-engines#4675): migrations run with the app stopped, as npm start does.
    await prisma.$disconnect();
    await migrateDatabase({ url, quiet: true });

    expect(await appliedMigrations()).toEqual(before);
    expect(await prisma.claimDecision.findMany({ orderBy: { id: "asc" } })).toEqual(decisionsBefore);
  }, 120_000);
});
