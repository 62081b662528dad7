// Prisma client factory without `server-only`, so scripts and tests can open the app database too.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";

/** Relative paths resolve from the working directory: the repository root under npm scripts and Next. */
export const defaultDatabaseUrl = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? defaultDatabaseUrl;
}

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}
