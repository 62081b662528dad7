import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { createPrismaClient, databaseUrl } from "./dbClient";

const cache = globalThis as typeof globalThis & { goldlensPrisma?: PrismaClient };

export const prisma: PrismaClient = cache.goldlensPrisma ?? createPrismaClient(databaseUrl());

// Next dev re-evaluates modules on every change; reusing one client keeps SQLite connections from piling up.
if (process.env.NODE_ENV !== "production") cache.goldlensPrisma = prisma;
