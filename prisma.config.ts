import { defineConfig } from "prisma/config";

// Prisma 7 does not read .env; relative SQLite paths resolve from the repository root.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "file:./data/app.db",
  },
});
