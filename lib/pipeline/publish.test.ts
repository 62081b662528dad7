import { cp, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { claim, writeRawFixture } from "../testing/rawFixture";
import { PIPELINE_DIR, readCurrentBuild, runPipeline } from "./run";
import { createDuckDbWarehouse } from "../warehouse/duckdb";

const fixture = {
  policies: [{ policyNo: "100000001", eff: "01-01-2023", expiry: "01-01-2024", premium: 365 }],
  claims: [claim({ claim_no: "C1", policy_no: "100000001" })],
};

describe("publishing a gold build", () => {
  it("swaps a running app to the new build and keeps serving the old one until then", async () => {
    const rawDir = await writeRawFixture(fixture);
    const warehouseDir = await mkdtemp(path.join(tmpdir(), "goldlens-swap-"));
    const first = await runPipeline({ rawDir, warehouseDir, memoryLimit: "1GB" });
    const warehouse = createDuckDbWarehouse({ warehouseDir });
    const claims = () =>
      warehouse.query({ name: "test.count", sql: `SELECT count(*) AS n FROM ${warehouse.table("claims")}`, params: {}, row: z.object({ n: z.coerce.number() }) });
    expect(await warehouse.buildId()).toBe(first.buildId);
    expect(await claims()).toEqual([{ n: 1 }]);

    const second = await runPipeline({ rawDir, warehouseDir, memoryLimit: "1GB" });
    expect(second.buildId).not.toBe(first.buildId);
    expect(await warehouse.buildId()).toBe(second.buildId);
    expect(await claims()).toEqual([{ n: 1 }]);

    const third = await runPipeline({ rawDir, warehouseDir, memoryLimit: "1GB" });
    const files = (await readdir(warehouseDir)).filter((f) => f.endsWith(".duckdb")).sort();
    expect(files).toEqual([`gold-${second.buildId}.duckdb`, `gold-${third.buildId}.duckdb`]);
    await warehouse.close();
  });

  it("leaves the live build untouched when a model fails", async () => {
    const rawDir = await writeRawFixture(fixture);
    const warehouseDir = await mkdtemp(path.join(tmpdir(), "goldlens-fail-"));
    const good = await runPipeline({ rawDir, warehouseDir, memoryLimit: "1GB" });

    const modelsDir = await mkdtemp(path.join(tmpdir(), "goldlens-models-"));
    await cp(path.join(PIPELINE_DIR, "models"), modelsDir, { recursive: true });
    await writeFile(path.join(modelsDir, "gold", "zz_broken.sql"), "SELECT no_such_column FROM {{ ref('claims') }}");
    await expect(runPipeline({ rawDir, warehouseDir, modelsDir, memoryLimit: "1GB" })).rejects.toThrow(/gold\.zz_broken.*no_such_column/s);

    expect((await readCurrentBuild(warehouseDir))?.buildId).toBe(good.buildId);
    const files = (await readdir(warehouseDir)).filter((f) => !f.startsWith("CURRENT"));
    expect(files).toEqual([`gold-${good.buildId}.duckdb`]);
  });
});
