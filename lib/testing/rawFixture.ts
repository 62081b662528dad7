import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { runPipeline } from "../pipeline/run";
import { createDuckDbWarehouse } from "../warehouse/duckdb";
import { standInFixtureWarehouse, testWarehouseIsDatabricks } from "./databricksStandIn/fixtureWarehouse";
import type { Warehouse } from "../warehouse/types";

// Hand-built raw inputs in the real formats, for metric tests with hand-computed answers.

export interface PolicyRow {
  policyNo: string;
  eff: string; // dd-MM-yyyy as exported
  expiry: string;
  premium: number | string;
  sumInsured?: number | string;
  policyType?: string;
  borough?: string;
  make?: string;
  zip?: string;
  chassisNo?: string;
}

type Row = Record<string, unknown>;

const POLICY_HEADER =
  "CUST_ID,POLICY_NO,POLICYTYPE,POL_ISSUE_DATE,POL_EFF_DATE,POL_EXPIRY_DATE,BODY,MAKE,MODEL,MODEL_YEAR,CHASSIS_NO,USE_OF_VEHICLE,DRV_DOB,BOROUGH,NEIGHBORHOOD,ZIP_CODE,PRODUCT,SUM_INSURED,PREMIUM,DEDUCTABLE";

const FIVETRAN_TABLES: Record<string, Record<string, string>> = {
  "marketo/lead": { id: "BIGINT", email: "VARCHAR", first_name: "VARCHAR", last_name: "VARCHAR", company: "VARCHAR", created_at: "TIMESTAMP", updated_at: "TIMESTAMP", _fivetran_synced: "TIMESTAMP" },
  "marketo/campaign": { id: "BIGINT", name: "VARCHAR", program_name: "VARCHAR", type: "VARCHAR", created_at: "TIMESTAMP", updated_at: "TIMESTAMP", is_active: "BOOLEAN", _fivetran_synced: "TIMESTAMP" },
  "marketo/activity_send_email": activityColumns({}),
  "marketo/activity_open_email": activityColumns({ device: "VARCHAR", is_mobile_device: "BOOLEAN", platform: "VARCHAR" }),
  "marketo/activity_click_email": activityColumns({ link: "VARCHAR", link_id: "BIGINT", device: "VARCHAR", is_mobile_device: "BOOLEAN", platform: "VARCHAR" }),
  "salesforce/account": { id: "VARCHAR", name: "VARCHAR", billing_country: "VARCHAR", industry: "VARCHAR", type: "VARCHAR", is_deleted: "BOOLEAN", _fivetran_synced: "TIMESTAMP" },
  "salesforce/user": { id: "VARCHAR", email: "VARCHAR", account_id: "VARCHAR", first_name: "VARCHAR", last_name: "VARCHAR", name: "VARCHAR", username: "VARCHAR", is_active: "BOOLEAN", created_date: "TIMESTAMP", last_modified_date: "TIMESTAMP", _fivetran_deleted: "BOOLEAN", _fivetran_synced: "TIMESTAMP" },
  "salesforce/contact": { id: "VARCHAR", account_id: "VARCHAR", email: "VARCHAR", first_name: "VARCHAR", last_name: "VARCHAR", is_deleted: "BOOLEAN", _fivetran_synced: "TIMESTAMP" },
};

function activityColumns(extra: Record<string, string>): Record<string, string> {
  return {
    id: "BIGINT", lead_id: "BIGINT", activity_date: "TIMESTAMP", activity_type_id: "INTEGER", campaign_id: "BIGINT", campaign_run_id: "BIGINT",
    primary_attribute_value: "VARCHAR", primary_attribute_value_id: "BIGINT", ...extra, _fivetran_synced: "TIMESTAMP",
  };
}

export interface RawFixture {
  policies?: PolicyRow[];
  /** Claim objects exactly as the JSON Lines export carries them. */
  claims?: Row[];
  /** chassis_no, latitude, longitude, event_timestamp, speed */
  telematics?: Array<[string, number, number, string, number]>;
  images?: Array<{ image_name: string; image_id: number; claim_no: string; chassis_no: string }>;
  scores?: Array<{ image_name: string; severity: number }>;
  fivetran?: Partial<Record<keyof typeof FIVETRAN_TABLES, Row[]>>;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Claim JSON with the nesting of the export; override any part. */
export function claim(overrides: Row & { claim_amount?: Row; incident?: Row; driver?: Row; collision?: Row }): Row {
  const { claim_amount, incident, driver, collision, ...rest } = overrides;
  return {
    claim_no: "C1",
    policy_no: "P1",
    claim_date: "2023-06-01",
    months_as_customer: 12,
    number_of_witnesses: 0,
    suspicious_activity: false,
    claim_amount: { total: 100, injury: 0, property: 0, vehicle: 100, ...claim_amount },
    collision: { type: "Front Collision", number_of_vehicles_involved: 1, ...collision },
    driver: { age: 40, insured_relationship: "husband", license_issue_date: "01-01-2000", ...driver },
    incident: { date: "2023-05-30", hour: 9, type: "Single Vehicle Collision", severity: "Minor Damage", ...incident },
    ...rest,
  };
}

export async function writeRawFixture(fixture: RawFixture): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "goldlens-raw-"));
  for (const d of ["claims", "policies", "telematics", "accidents", "marketo", "salesforce"]) await mkdir(path.join(dir, d), { recursive: true });

  const policyLines = (fixture.policies ?? []).map((p) =>
    [
      "1", p.policyNo, p.policyType ?? "COMP", p.eff, p.eff, p.expiry, "SEDAN", p.make ?? "TOYOTA", "CAMRY", "2018.0",
      p.chassisNo ?? `CH${p.policyNo}`, "Private", "01-01-1980", p.borough ?? "BROOKLYN", "Sunset Park", p.zip ?? "11220",
      "PERSONAL AUTO", p.sumInsured ?? "20000.0", p.premium, "500",
    ].map(csvCell).join(","),
  );
  await writeFile(path.join(dir, "policies/policies.csv"), [POLICY_HEADER, ...policyLines].join("\n") + "\n");
  await writeFile(path.join(dir, "claims/claims.jsonl"), (fixture.claims ?? []).map((c) => JSON.stringify(c)).join("\n") + "\n");
  await writeFile(
    path.join(dir, "telematics/telematics.csv"),
    ["chassis_no,latitude,longitude,event_timestamp,speed", ...(fixture.telematics ?? []).map((r) => r.map(csvCell).join(","))].join("\n") + "\n",
  );
  await writeFile(
    path.join(dir, "accidents/image_metadata.csv"),
    ["image_name,image_id,claim_no,chassis_no", ...(fixture.images ?? []).map((r) => [r.image_name, r.image_id, r.claim_no, r.chassis_no].map(csvCell).join(","))].join("\n") + "\n",
  );
  await writeFile(
    path.join(dir, "accidents/damage_scores.csv"),
    ["image_name,severity", ...(fixture.scores ?? []).map((r) => [r.image_name, r.severity].map(csvCell).join(","))].join("\n") + "\n",
  );

  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    for (const [table, columns] of Object.entries(FIVETRAN_TABLES)) {
      const name = table.replace("/", "_");
      await con.run(`CREATE TABLE ${name} (${Object.entries(columns).map(([c, t]) => `"${c}" ${t}`).join(", ")})`);
      const rows = fixture.fivetran?.[table as keyof typeof FIVETRAN_TABLES] ?? [];
      if (rows.length > 0) {
        const jsonFile = path.join(dir, `${name}.fixture.json`);
        await writeFile(jsonFile, JSON.stringify(rows));
        const spec = Object.entries(columns).map(([c, t]) => `'${c}': '${t}'`).join(", ");
        await con.run(`INSERT INTO ${name} SELECT * FROM read_json('${jsonFile}', format = 'array', columns = {${spec}})`);
      }
      await con.run(`COPY ${name} TO '${path.join(dir, `${table}.parquet`)}' (FORMAT parquet)`);
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return dir;
}

/**
 * Runs the real pipeline over a fixture and returns a warehouse reading its gold build. The build sits in
 * `<dataDir>/warehouse`, so the app itself can be pointed at it with DATA_DIR=<dataDir>. In Databricks
 * mode (GOLDLENS_TEST_WAREHOUSE=databricks) the build is served by the Databricks stand-in instead, and
 * the returned warehouse, a Databricks one talking to it, is also installed as the app's warehouse.
 */
export async function buildFixtureWarehouse(fixture: RawFixture): Promise<{ warehouse: Warehouse; warehouseDir: string; rawDir: string; dataDir: string }> {
  const rawDir = await writeRawFixture(fixture);
  const dataDir = await mkdtemp(path.join(tmpdir(), "goldlens-data-"));
  const warehouseDir = path.join(dataDir, "warehouse");
  await runPipeline({ rawDir, warehouseDir, memoryLimit: "1GB" });
  if (testWarehouseIsDatabricks()) return { warehouse: await standInFixtureWarehouse(warehouseDir), warehouseDir, rawDir, dataDir };
  return { warehouse: createDuckDbWarehouse({ warehouseDir, connections: 2 }), warehouseDir, rawDir, dataDir };
}
