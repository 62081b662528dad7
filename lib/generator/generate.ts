import { createWriteStream } from "node:fs";
import { mkdir, rm, writeFile, symlink } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import zipcodes from "zipcodes";
import { NYC_NEIGHBORHOODS, BOROUGH_WEIGHTS } from "./nycNeighborhoods";
import {
  SCALES,
  VEHICLES,
  ACCOUNT_COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  COMPANY_WORDS,
  COMPANY_SUFFIXES,
  CAMPAIGN_THEMES,
  type ScaleName,
} from "./reference";
import { damageImageSvg, SEVERITY_LEVELS } from "./damageImages";

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  outDir: string;
  /** Called as each step starts and ends; `fraction` is set for steps that report progress. */
  onProgress?: (event: ProgressEvent) => void;
  /** DuckDB memory limit for the generator, e.g. "4GB". */
  memoryLimit?: string;
}

export type ProgressEvent =
  | { kind: "start"; step: string; total?: number }
  | { kind: "tick"; step: string; done: number; total: number }
  | { kind: "end"; step: string; rows?: number; ms: number };

export interface GenerateResult {
  files: Record<string, number>;
  ms: number;
}

/** Bumped whenever the same seed would give different data, so `npm start` regenerates stale demo data. */
export const GENERATOR_VERSION = 2;

/** Policies are written up to this day and claims happen up to it: the data's "today". */
const DATA_CUTOFF = "DATE '2026-06-30'";

/** The loss ratio the generated book is priced for; premiums are scaled to land on it. */
export const TARGET_LOSS_RATIO = 0.65;

// Every random draw is hash(seed, stream, row): deterministic for a seed whatever the thread count,
// and independent between streams, so adding a column never shifts another column's values.
const MACROS = `
CREATE OR REPLACE MACRO u(k, i) AS (hash(getvariable('seed'), k, i::BIGINT) % 1000000007)::DOUBLE / 1000000007.0;
CREATE OR REPLACE MACRO nrm(k, i) AS sqrt(-2 * ln(greatest(u(k || '.a', i), 1e-9))) * cos(2 * pi() * u(k || '.b', i));
CREATE OR REPLACE MACRO pick(arr, x) AS arr[1 + least(floor(x * len(arr))::INTEGER, len(arr) - 1)];
CREATE OR REPLACE MACRO dmy(d) AS strftime(d, '%d-%m-%Y');
`;

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

function valuesTable(name: string, columns: string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const body = rows.map((r) => `(${r.map((v) => (typeof v === "number" ? String(v) : sqlString(v))).join(", ")})`).join(",\n");
  return `CREATE OR REPLACE TABLE ${name} AS SELECT * FROM (VALUES ${body}) t(${columns.join(", ")});`;
}

/** Cumulative weight bounds so a uniform draw can be mapped to a row with an ASOF join. */
function withCumulativeWeights<T extends ReadonlyArray<string | number>>(rows: T[], weightOf: (r: T) => number) {
  const total = rows.reduce((s, r) => s + weightOf(r), 0);
  let acc = 0;
  return rows.map((r) => {
    const lo = acc / total;
    acc += weightOf(r);
    return [...r, lo] as const;
  });
}

function referenceTables(): string {
  const zipRows: Array<[string, string, string, number, number, number]> = [];
  for (const n of NYC_NEIGHBORHOODS) {
    const known = n.zips.filter((z) => zipcodes.lookup(z));
    for (const zip of known) {
      const z = zipcodes.lookup(zip)!;
      zipRows.push([zip, n.borough, n.neighborhood, z.latitude, z.longitude, BOROUGH_WEIGHTS[n.borough]! / countZips(n.borough)]);
    }
  }
  const zips = withCumulativeWeights(zipRows, (r) => r[5]);
  const vehicles = withCumulativeWeights(
    VEHICLES.map((v) => [...v] as [string, string, string, number, number]),
    (r) => r[4],
  );
  const countries = withCumulativeWeights(
    ACCOUNT_COUNTRIES.map((c) => [...c] as [string, number]),
    (r) => r[1],
  );
  return [
    valuesTable("ref_zip", ["zip", "borough", "neighborhood", "lat", "lon", "w", "cw"], zips),
    valuesTable("ref_vehicle", ["make", "model", "body", "new_value", "w", "cw"], vehicles),
    valuesTable("ref_country", ["billing_country", "w", "cw"], countries),
  ].join("\n");
}

function countZips(borough: string): number {
  return NYC_NEIGHBORHOODS.filter((n) => n.borough === borough).reduce(
    (s, n) => s + n.zips.filter((z) => zipcodes.lookup(z)).length,
    0,
  );
}

const list = (xs: readonly string[]) => `[${xs.map(sqlString).join(", ")}]`;

const POLICIES_SQL = `
CREATE OR REPLACE TABLE policies AS
WITH base AS (
  SELECT i,
    DATE '2020-07-01' + floor(u('eff', i) * 2191)::INTEGER AS eff_date,
    CASE WHEN u('term', i) < 0.3 THEN 6 ELSE 12 END AS term_months,
    u('zip', i) AS uz, u('veh', i) AS uv,
    least(85, greatest(18, round(45 + 14 * nrm('age', i))))::INTEGER AS driver_age,
    CASE WHEN u('ptype', i) < 0.6 THEN 'COMP' WHEN u('ptype', i) < 0.85 THEN 'TPFT' ELSE 'TP' END AS policy_type
  FROM range(getvariable('n_policies')) t(i)
), located AS (
  SELECT b.*, z.zip, z.borough, z.neighborhood FROM base b ASOF JOIN ref_zip z ON b.uz >= z.cw
), vehicled AS (
  SELECT l.*, v.make, v.model, v.body, v.new_value FROM located l ASOF JOIN ref_vehicle v ON l.uv >= v.cw
), priced AS (
  SELECT *,
    (eff_date + to_months(term_months))::DATE AS expiry_date,
    least(year(eff_date) + 1, 2025 - floor(pow(u('my', i), 1.6) * 16)::INTEGER) AS model_year,
    CASE WHEN driver_age < 25 THEN 1.7 WHEN driver_age < 30 THEN 1.25 WHEN driver_age < 65 THEN 1.0 ELSE 1.15 END AS age_factor,
    CASE borough WHEN 'BRONX' THEN 1.4 WHEN 'BROOKLYN' THEN 1.35 WHEN 'QUEENS' THEN 1.2 WHEN 'MANHATTAN' THEN 1.15 ELSE 1.0 END AS area_factor,
    pick(['Private', 'Private', 'Private', 'Commute', 'Commute', 'Business'], u('use', i)) AS use_of_vehicle
  FROM vehicled
)
SELECT *,
  CAST(100000000 + (i * 7919) % 900000000 AS VARCHAR) AS policy_no,
  CAST(20000000 + floor(i * 0.93)::BIGINT AS VARCHAR) AS cust_id,
  (eff_date - floor(u('issue', i) * 21)::INTEGER) AS issue_date,
  (eff_date - to_years(driver_age))::DATE - floor(u('dob', i) * 364)::INTEGER AS drv_dob,
  upper(substr(md5(getvariable('seed')::VARCHAR || ':vin:' || i::VARCHAR), 1, 17)) AS chassis_no,
  greatest(2000, round(new_value * pow(0.88, greatest(0, year(eff_date) - model_year)) * (0.85 + 0.3 * u('si', i)), -2)) AS sum_insured,
  pick([250, 500, 500, 500, 1000, 1000], u('ded', i)) AS deductable,
  -- Days of the term up to the data cut-off: claims can only have happened in them.
  greatest(0, least(expiry_date, ${DATA_CUTOFF} + 1) - eff_date) AS earned_days
FROM priced;
ALTER TABLE policies ADD COLUMN risk_weight DOUBLE;
UPDATE policies SET risk_weight = CASE policy_type WHEN 'COMP' THEN 1.0 WHEN 'TPFT' THEN 0.8 ELSE 0.6 END * age_factor * area_factor * earned_days;
`;

// The raw premium follows cover, vehicle value, area, driver age and use; it is scaled later so the
// book as a whole is priced for TARGET_LOSS_RATIO.
const PREMIUM_SQL = `
ALTER TABLE policies ADD COLUMN premium_raw DOUBLE;
UPDATE policies SET premium_raw =
  (CASE policy_type WHEN 'COMP' THEN 700 + 0.045 * sum_insured WHEN 'TPFT' THEN 650 + 0.02 * sum_insured ELSE 600 END)
  * area_factor * age_factor
  * CASE use_of_vehicle WHEN 'Business' THEN 1.2 WHEN 'Commute' THEN 1.05 ELSE 1.0 END
  * term_months / 12.0;
CREATE OR REPLACE TABLE policy_cw AS
SELECT i AS policy_i, (sum(risk_weight) OVER (ORDER BY i ROWS UNBOUNDED PRECEDING) - risk_weight) / sum(risk_weight) OVER () AS cw
FROM policies;
`;

const CLAIMS_SQL = `
CREATE OR REPLACE TABLE claims AS
WITH drawn AS (
  SELECT j, u('cpol', j) AS up FROM range(getvariable('n_claims')) t(j)
), assigned AS (
  SELECT d.j, c.policy_i FROM drawn d ASOF JOIN policy_cw c ON d.up >= c.cw
), base AS (
  SELECT a.j, p.*,
    u('oot', a.j) AS u_oot,
    u('type', a.j) AS u_type,
    u('sev', a.j) AS u_sev,
    u('q', a.j) AS u_q
  FROM assigned a JOIN policies p ON p.i = a.policy_i
), timed AS (
  SELECT *,
    CASE
      WHEN u_oot >= 0.035 THEN eff_date + floor(u('day', j) * earned_days)::INTEGER
      WHEN u_oot < 0.0175 OR expiry_date + 60 > ${DATA_CUTOFF} THEN eff_date - 1 - floor(u('day', j) * 60)::INTEGER
      ELSE expiry_date + floor(u('day', j) * 60)::INTEGER
    END AS incident_date,
    CASE
      WHEN u('hmix', j) < 0.3 THEN (round(8 + 1.2 * nrm('hour', j))::INTEGER + 24) % 24
      WHEN u('hmix', j) < 0.65 THEN (round(17.5 + 1.5 * nrm('hour', j))::INTEGER + 24) % 24
      ELSE floor(u('hour', j) * 24)::INTEGER
    END AS incident_hour,
    floor(u('minute', j) * 59)::INTEGER AS incident_minute,
    CASE WHEN u_type < 0.40 THEN 'Multi-vehicle Collision' WHEN u_type < 0.70 THEN 'Single Vehicle Collision'
         WHEN u_type < 0.88 THEN 'Parked Car' ELSE 'Vehicle Theft' END AS incident_type
  FROM base
), severed AS (
  SELECT *,
    CASE incident_type
      WHEN 'Multi-vehicle Collision' THEN CASE WHEN u_sev < 0.20 THEN 0 WHEN u_sev < 0.58 THEN 1 WHEN u_sev < 0.90 THEN 2 ELSE 3 END
      WHEN 'Single Vehicle Collision' THEN CASE WHEN u_sev < 0.22 THEN 0 WHEN u_sev < 0.57 THEN 1 WHEN u_sev < 0.87 THEN 2 ELSE 3 END
      WHEN 'Parked Car' THEN CASE WHEN u_sev < 0.45 THEN 0 WHEN u_sev < 0.85 THEN 1 WHEN u_sev < 0.98 THEN 2 ELSE 3 END
      ELSE CASE WHEN u_sev < 0.10 THEN 0 WHEN u_sev < 0.30 THEN 1 WHEN u_sev < 0.55 THEN 2 ELSE 3 END
    END AS severity_level
  FROM timed
), amounts AS (
  SELECT *,
    round(CASE severity_level
      WHEN 0 THEN exp(ln(1200) + 0.5 * nrm('veh', j))
      WHEN 1 THEN exp(ln(4500) + 0.5 * nrm('veh', j))
      WHEN 2 THEN least(sum_insured * 0.95, exp(ln(15000) + 0.45 * nrm('veh', j)))
      ELSE sum_insured * (0.7 + 0.32 * u('veh', j))
    END) AS amount_vehicle,
    CASE WHEN incident_type = 'Multi-vehicle Collision' AND u('inj', j) < 0.35 OR incident_type = 'Single Vehicle Collision' AND u('inj', j) < 0.25
         THEN round(least(250000, exp(ln(6000) + 0.9 * nrm('injamt', j)))) ELSE 0 END AS amount_injury,
    CASE WHEN incident_type = 'Multi-vehicle Collision' AND u('prop', j) < 0.7 OR incident_type = 'Single Vehicle Collision' AND u('prop', j) < 0.3
         THEN round(exp(ln(3500) + 0.6 * nrm('propamt', j))) ELSE 0 END AS amount_property
  FROM severed
), covered AS (
  -- Most claims are settled within cover; about one in four that would exceed it is left to the check.
  SELECT * REPLACE (
    round(amount_vehicle * cover_fit) AS amount_vehicle,
    round(amount_injury * cover_fit) AS amount_injury,
    round(amount_property * cover_fit) AS amount_property)
  FROM (
    SELECT *, CASE WHEN amount_vehicle + amount_injury + amount_property > sum_insured AND u('over', j) >= 0.25
                   THEN sum_insured * (0.9 + 0.08 * u('fit', j)) / (amount_vehicle + amount_injury + amount_property) ELSE 1 END AS cover_fit
    FROM amounts
  )
)
SELECT *,
  'CLM' || lpad(CAST(1000000 + (j * 104729) % 9000000 AS VARCHAR), 7, '0') AS claim_no,
  amount_injury + amount_property + amount_vehicle AS amount_total,
  round((amount_injury + amount_property + amount_vehicle) * (0.05 + 0.06 * u('lae', j)) + 150) AS lae,
  u('laemiss', j) < 0.12 AS lae_absent,
  incident_date + least(90, floor(-ln(1 - u('report', j) * 0.999) * 6))::INTEGER AS claim_date,
  pick(['Trivial Damage', 'Minor Damage', 'Major Damage', 'Total Loss'], severity_level / 4.0 + 0.01) AS severity,
  (u('speeding', j) < CASE WHEN incident_type LIKE '%Collision' THEN 0.12 ELSE 0.0 END) AS speeding,
  u('susp', j) < 0.04 + CASE WHEN severity_level = 3 OR incident_type = 'Vehicle Theft' THEN 0.08 ELSE 0 END AS suspicious_activity,
  u('baddrv', j) < 0.02 AS bad_driver,
  u('insured', j) < 0.85 AS insured_driving
FROM covered;
`;

const ABSENT = "__absent__";

const CLAIM_LINES_SQL = `
CREATE OR REPLACE TABLE claim_lines AS
SELECT j, to_json({
  claim_no: CASE WHEN u_q < 0.002 THEN NULL ELSE claim_no END,
  policy_no: CASE
    WHEN u_q >= 0.002 AND u_q < 0.004 THEN '9' || lpad(CAST(j AS VARCHAR), 8, '0')
    WHEN u('renew', j) < 0.03 THEN policy_no || '/' || CAST(1 + floor(u('renewno', j) * 2)::INTEGER AS VARCHAR)
    ELSE policy_no END,
  claim_date: strftime(claim_date, '%Y-%m-%d'),
  months_as_customer: greatest(0, (incident_date - eff_date) // 30 + floor(u('tenure', j) * 180)::INTEGER),
  number_of_witnesses: pick([0, 0, 0, 1, 1, 2, 3], u('wit', j)),
  suspicious_activity: suspicious_activity,
  claim_amount: {
    total: CASE WHEN u_q >= 0.004 AND u_q < 0.005 THEN 0 WHEN u_q >= 0.005 AND u_q < 0.006 THEN -amount_total ELSE amount_total END,
    injury: amount_injury, property: amount_property, vehicle: amount_vehicle
  },
  collision: {
    type: CASE WHEN incident_type NOT LIKE '%Collision' THEN NULL WHEN u('collmiss', j) < 0.05 THEN '${ABSENT}'
               ELSE pick(['Front Collision', 'Rear Collision', 'Side Collision'], u('coll', j)) END,
    number_of_vehicles_involved: CASE WHEN incident_type = 'Multi-vehicle Collision' THEN 2 + floor(pow(u('nveh', j), 2) * 3)::INTEGER ELSE 1 END
  },
  driver: {
    age: CASE WHEN bad_driver THEN 0 WHEN insured_driving THEN date_part('year', age(incident_date::TIMESTAMP, drv_dob::TIMESTAMP))::INTEGER
              ELSE 18 + floor(u('odage', j) * 60)::INTEGER END,
    insured_relationship: pick(['husband', 'wife', 'own-child', 'unmarried', 'other-relative', 'not-in-family'], u('rel', j)),
    license_issue_date: CASE WHEN bad_driver THEN '01-01-1900'
      ELSE dmy((drv_dob + to_years(18))::DATE + floor(u('lic', j) * 1000)::INTEGER) END
  },
  incident: {
    date: CASE WHEN u_q >= 0.006 AND u_q < 0.007 THEN strftime(incident_date, '%Y-%m') || '-32'
               WHEN u_q >= 0.007 AND u_q < 0.008 THEN strftime(incident_date, '%d/%m/%Y')
               ELSE strftime(incident_date, '%Y-%m-%d') END,
    hour: incident_hour,
    type: incident_type,
    severity: severity
  },
  loss_adjustment_expense: CASE WHEN lae_absent THEN NULL ELSE lae END
})::VARCHAR AS line
FROM claims;
`;

// JSON writers print every key; real exports omit absent fields, so strip the ones that are absent by design.
const CLAIM_LINES_CLEAN_SQL = `
UPDATE claim_lines SET line = replace(replace(line, ',"loss_adjustment_expense":null', ''), '"type":"${ABSENT}",', '');
`;

const POLICIES_CSV_SQL = `
SELECT
  cust_id AS CUST_ID, policy_no AS POLICY_NO, policy_type AS POLICYTYPE,
  dmy(issue_date) AS POL_ISSUE_DATE, dmy(eff_date) AS POL_EFF_DATE, dmy(expiry_date) AS POL_EXPIRY_DATE,
  body AS BODY, make AS MAKE, model AS MODEL, printf('%.1f', model_year::DOUBLE) AS MODEL_YEAR,
  chassis_no AS CHASSIS_NO, use_of_vehicle AS USE_OF_VEHICLE, dmy(drv_dob) AS DRV_DOB,
  borough AS BOROUGH, neighborhood AS NEIGHBORHOOD, zip AS ZIP_CODE, 'PERSONAL AUTO' AS PRODUCT,
  printf('%.1f', sum_insured) AS SUM_INSURED, round(premium_raw * getvariable('premium_factor'), 2) AS PREMIUM,
  deductable AS DEDUCTABLE
FROM policies ORDER BY i`;

// A trip of 120 points every 15 s: 116 driving up to the incident (the last 20, five minutes, at the
// approach speed) and 4 standing after it. Parked-car and theft incidents approach at standstill.
const TELEMATICS_SQL = `
WITH trips AS (
  SELECT j, chassis_no, lat AS zlat, lon AS zlon, incident_type, speeding,
    (incident_date + to_hours(incident_hour) + to_minutes(incident_minute) + to_seconds(floor(u('sec', j) * 60)::INTEGER))::TIMESTAMP AS incident_ts,
    zlat + 0.02 * nrm('elat', j) AS elat, zlon + 0.025 * nrm('elon', j) AS elon,
    22 + 20 * u('cruise', j) AS cruise,
    CASE WHEN incident_type IN ('Parked Car', 'Vehicle Theft') THEN 0.0
         WHEN speeding THEN 70 + 22 * u('impact', j) ELSE 12 + 28 * u('impact', j) END AS approach,
    2 * pi() * u('bearing', j) AS bearing, 1.5 * nrm('bend', j) AS bend_km, u('phase', j) * 6.28 AS phase
  FROM claims c JOIN ref_zip z ON z.zip = c.zip
  WHERE u('notel', j) >= 0.05 AND j >= getvariable('j_lo') AND j < getvariable('j_hi')
), points AS (
  SELECT t.*, k,
    CASE
      WHEN k > 115 THEN 0.0
      WHEN k >= 96 THEN greatest(0, approach + 2.5 * nrm('vjit', j * 120 + k))
      WHEN k % 23 BETWEEN 10 AND 12 THEN greatest(0, 3 * u('stop', j * 120 + k))
      ELSE greatest(0, cruise * (1 - exp(-k / 5.0)) * (0.8 + 0.2 * sin(k / 4.0 + phase)) + 2 * nrm('vjit', j * 120 + k))
    END AS speed
  FROM trips t, range(120) r(k)
), located AS (
  SELECT *,
    coalesce(sum(speed / 240.0 * 1.609) OVER (PARTITION BY j ORDER BY k ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0) AS rem_km,
    sum(speed / 240.0 * 1.609) OVER (PARTITION BY j) AS trip_km
  FROM points
), placed AS (
  SELECT *,
    rem_km * 0.85 AS along,
    bend_km * sin(pi() * rem_km / greatest(trip_km, 0.01)) AS side_km
  FROM located
)
SELECT
  CASE WHEN u('chjunk', j) < 0.03 THEN chassis_no || '   ' WHEN u('chjunk', j) < 0.04 THEN lower(chassis_no) || '#' ELSE chassis_no END AS chassis_no,
  round(elat + (along * cos(bearing) - side_km * sin(bearing)) / 111.0 + 0.00003 * nrm('gps', j * 120 + k), 6) AS latitude,
  round(elon + (along * sin(bearing) + side_km * cos(bearing)) / 84.2 + 0.00003 * nrm('gpsx', j * 120 + k), 6) AS longitude,
  strftime(incident_ts + to_seconds((k - 115) * 15), '%Y-%m-%d %H:%M:%S') AS event_timestamp,
  round(speed, 1) AS speed
FROM placed ORDER BY j, k`;

// A damage photo mostly shows the reported severity; sometimes the damage is a class away from it.
const IMAGES_SQL = `
CREATE OR REPLACE TABLE images AS
SELECT j, claim_no, chassis_no, claim_no || '_1.svg' AS image_name, 700000 + j AS image_id,
  least(3, greatest(0, severity_level + CASE WHEN u('agree', j) < 0.86 THEN 0 WHEN u('updown', j) < 0.5 THEN -1 ELSE 1 END)) AS true_level
FROM claims
WHERE u('noimg', j) >= 0.06 AND NOT (u_q < 0.002);
`;

const DAMAGE_SCORES_SQL = `
SELECT image_name,
  round([0.02, 0.27, 0.52, 0.82][true_level + 1] + [0.21, 0.21, 0.26, 0.17][true_level + 1] * u('score', j), 4) AS severity
FROM images WHERE u('noscore', j) >= 0.03 ORDER BY j`;

const ACCOUNTS_SQL = `
CREATE OR REPLACE TABLE accounts AS
WITH base AS (SELECT a, u('ctry', a) AS uc FROM range(getvariable('n_accounts')) t(a))
SELECT a,
  '001' || upper(substr(md5(getvariable('seed')::VARCHAR || ':acct:' || a::VARCHAR), 1, 15)) AS id,
  pick(${list(COMPANY_WORDS)}, u('cw1', a)) || ' ' || pick(${list(COMPANY_SUFFIXES)}, u('cw2', a)) || ' ' || CAST(a + 1 AS VARCHAR) AS name,
  lower(pick(${list(COMPANY_WORDS)}, u('cw1', a))) || CAST(a + 1 AS VARCHAR) || '.example.com' AS domain,
  CASE WHEN u('noctry', a) < 0.05 THEN NULL WHEN u('noctry', a) < 0.07 THEN '' ELSE c.billing_country END AS billing_country,
  pick(['Transportation', 'Insurance', 'Retail', 'Manufacturing', 'Financial Services'], u('ind', a)) AS industry
FROM base b ASOF JOIN ref_country c ON b.uc >= c.cw;

CREATE OR REPLACE TABLE users AS
WITH base AS (
  SELECT x.a, x.id AS account_id, x.domain, n FROM accounts x, range(8) r(n)
  WHERE n < 2 + floor(u('nusers', x.a) * 7)
)
SELECT row_number() OVER (ORDER BY a, n) - 1 AS ui, account_id, domain,
  pick(${list(FIRST_NAMES)}, u('fn', a * 10 + n)) AS first_name,
  pick(${list(LAST_NAMES)}, u('ln', a * 10 + n)) AS last_name,
  u('active', a * 10 + n) >= 0.1 AS is_active,
  TIMESTAMP '2019-01-01' + to_days(floor(u('ucreated', a * 10 + n) * 1800)::INTEGER) AS created_date
FROM base;
ALTER TABLE users ADD COLUMN email VARCHAR;
UPDATE users SET email = lower(first_name || '.' || last_name || CAST(ui AS VARCHAR) || '@' || domain);
-- A few people sit in two accounts under the same address: the match has to resolve the duplicate.
UPDATE users SET email = (SELECT email FROM users v WHERE v.ui = users.ui - 7) WHERE u('dupemail', ui) < 0.01 AND ui >= 7;
`;

const LEADS_SQL = `
CREATE OR REPLACE TABLE leads AS
WITH base AS (
  SELECT l, u('matched', l) < 0.75 AS matched, floor(u('whichuser', l) * (SELECT count(*) FROM users))::BIGINT AS ui
  FROM range(getvariable('n_leads')) t(l)
)
SELECT l, 1000000 + l AS id, b.matched,
  CASE
    WHEN NOT b.matched THEN lower(pick(${list(FIRST_NAMES)}, u('lfn', l))) || CAST(l AS VARCHAR) || pick(['@gmail.com', '@outlook.com', '@yahoo.com'], u('lmail', l))
    WHEN u('case', l) < 0.12 THEN upper(usr.email)
    WHEN u('case', l) < 0.2 THEN '  ' || upper(substr(usr.email, 1, 1)) || substr(usr.email, 2) || ' '
    ELSE usr.email
  END AS email,
  coalesce(usr.first_name, pick(${list(FIRST_NAMES)}, u('lfn', l))) AS first_name,
  coalesce(usr.last_name, pick(${list(LAST_NAMES)}, u('lln', l))) AS last_name,
  0.08 + 0.4 * u('propensity', l) AS open_p,
  TIMESTAMP '2023-01-01' + to_days(floor(u('lcreated', l) * 540)::INTEGER) AS created_at
FROM base b LEFT JOIN users usr ON b.matched AND usr.ui = b.ui;

CREATE OR REPLACE TABLE campaigns AS
SELECT c, 5000 + c AS id,
  strftime(DATE '2024-07-01' + (c * 730 // getvariable('n_campaigns'))::INTEGER, '%Y-%m') || ' ' || pick(${list(CAMPAIGN_THEMES)}, u('theme', c)) AS name,
  (TIMESTAMP '2024-07-01 09:00:00' + to_days((c * 730 // getvariable('n_campaigns'))::INTEGER) + to_hours(floor(u('sendhour', c) * 6)::INTEGER)) AS send_ts,
  0.6 + 0.8 * u('attract', c) AS attract,
  0.1 + 0.35 * u('clicky', c) AS click_p,
  CASE WHEN u('runs', c) < 0.3 THEN 2 ELSE 1 END AS runs
FROM range(getvariable('n_campaigns')) t(c);

CREATE OR REPLACE TABLE sends AS
SELECT row_number() OVER (ORDER BY c.c, r.run, l.l) AS sid, l.l, l.id AS lead_id, c.id AS campaign_id,
  c.id * 10 + r.run AS campaign_run_id, 90000 + c.id * 10 + r.run AS email_id, c.name || ' - email ' || CAST(r.run + 1 AS VARCHAR) AS email_name,
  c.send_ts + to_days(r.run * 7) + to_seconds(floor(u('sendsec', l.l * 1000 + c.c) * 1800)::INTEGER) AS send_ts,
  u('open', (l.l * 1000 + c.c) * 2 + r.run) < least(0.95, l.open_p * c.attract) AS opened,
  c.click_p, c.c, r.run
FROM leads l, campaigns c, range(2) r(run)
WHERE r.run < c.runs AND u('audience', (l.l * 1000 + c.c) * 2 + r.run) < 0.55 / c.runs;
`;

const ACTIVITY_SQL = {
  send: `
SELECT sid AS id, lead_id, send_ts AS activity_date, 6 AS activity_type_id, campaign_id, campaign_run_id,
  email_name AS primary_attribute_value, email_id AS primary_attribute_value_id, 700 + c AS email_template_id,
  1 AS step_id, 0 AS choice_number, TIMESTAMP '2026-07-01 02:00:00' AS _fivetran_synced
FROM sends ORDER BY sid`,
  open: `
SELECT row_number() OVER (ORDER BY s.sid, n) AS id, s.lead_id,
  s.send_ts + to_minutes(floor(60 * 72 * pow(u('otime', s.sid * 4 + n), 3))::INTEGER + n * 180) AS activity_date,
  10 AS activity_type_id, s.campaign_id, s.campaign_run_id, s.email_name AS primary_attribute_value,
  s.email_id AS primary_attribute_value_id,
  pick(['Desktop', 'Mobile', 'Mobile', 'Tablet'], u('device', s.sid)) AS device,
  pick(['Desktop', 'Mobile', 'Mobile', 'Tablet'], u('device', s.sid)) <> 'Desktop' AS is_mobile_device,
  pick(['Windows', 'macOS', 'iOS', 'Android'], u('platform', s.sid)) AS platform,
  TIMESTAMP '2026-07-01 02:00:00' AS _fivetran_synced
FROM sends s, range(3) r(n)
WHERE s.opened AND (n = 0 OR n = 1 AND u('reopen', s.sid) < 0.35 OR n = 2 AND u('reopen', s.sid) < 0.1)
ORDER BY id`,
  // Clicks come after an open; a few come with no open recorded (images blocked), as email tools see it.
  click: `
SELECT row_number() OVER (ORDER BY s.sid, n) AS id, s.lead_id,
  s.send_ts + to_minutes(5 + floor(60 * 72 * pow(u('ctime', s.sid * 4 + n), 3))::INTEGER + n * 240) AS activity_date,
  11 AS activity_type_id, s.campaign_id, s.campaign_run_id, s.email_name AS primary_attribute_value,
  s.email_id AS primary_attribute_value_id,
  'https://www.goldlens.example/c/' || CAST(s.campaign_id AS VARCHAR) || '/' || CAST(n AS VARCHAR) AS link,
  s.campaign_id * 10 + n AS link_id,
  pick(['Desktop', 'Mobile', 'Mobile', 'Tablet'], u('device', s.sid)) AS device,
  pick(['Desktop', 'Mobile', 'Mobile', 'Tablet'], u('device', s.sid)) <> 'Desktop' AS is_mobile_device,
  pick(['Windows', 'macOS', 'iOS', 'Android'], u('platform', s.sid)) AS platform,
  TIMESTAMP '2026-07-01 02:00:00' AS _fivetran_synced
FROM sends s, range(4) r(n)
WHERE (s.opened AND u('click', s.sid) < s.click_p OR NOT s.opened AND u('click', s.sid) < 0.01)
  AND (n = 0 OR n = 1 AND u('reclick', s.sid) < 0.4 OR n = 2 AND u('reclick', s.sid) < 0.15 OR n = 3 AND u('reclick', s.sid) < 0.05)
ORDER BY id`,
  lead: `
SELECT id, email, first_name, last_name, CASE WHEN matched THEN NULL ELSE 'Self-employed' END AS company,
  created_at, created_at + to_days(30) AS updated_at, TIMESTAMP '2026-07-01 02:00:00' AS _fivetran_synced
FROM leads ORDER BY l`,
  campaign: `
SELECT id, name, 'Program ' || CAST(id AS VARCHAR) AS program_name, 'Email Send' AS type, send_ts - to_days(14) AS created_at,
  send_ts AS updated_at, true AS is_active, TIMESTAMP '2026-07-01 02:00:00' AS _fivetran_synced
FROM campaigns ORDER BY c`,
  account: `
SELECT id, name, billing_country, industry, 'Customer' AS type, false AS is_deleted, TIMESTAMP '2026-07-01 02:00:00' AS _fivetran_synced
FROM accounts ORDER BY a`,
  user: `
SELECT '005' || upper(substr(md5(getvariable('seed')::VARCHAR || ':user:' || ui::VARCHAR), 1, 15)) AS id,
  email, account_id, first_name, last_name, first_name || ' ' || last_name AS name, email AS username, is_active,
  created_date, created_date + to_days(90) AS last_modified_date, false AS _fivetran_deleted,
  TIMESTAMP '2026-07-01 02:00:00' AS _fivetran_synced
FROM users ORDER BY ui`,
  contact: `
SELECT '003' || upper(substr(md5(getvariable('seed')::VARCHAR || ':contact:' || ui::VARCHAR), 1, 15)) AS id,
  account_id, email, first_name, last_name, false AS is_deleted, TIMESTAMP '2026-07-01 02:00:00' AS _fivetran_synced
FROM users ORDER BY ui`,
} as const;

async function count(con: DuckDBConnection, sql: string): Promise<number> {
  const r = await con.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM (${sql})`);
  return Number(r.getRowObjectsJson()[0]!.n);
}

async function copyTo(con: DuckDBConnection, sql: string, file: string, format: "parquet" | "csv"): Promise<void> {
  const options = format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
  await con.run(`COPY (${sql}) TO ${sqlString(file)} (${options})`);
}

/** Writes the raw files of DESIGN.md under `outDir`; the same seed always gives the same bytes. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { scale: scaleName, seed, outDir } = options;
  const scale = SCALES[scaleName];
  const emit = options.onProgress ?? (() => {});
  const started = performance.now();
  const files: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>, rows?: (t: T) => number): Promise<T> => {
    emit({ kind: "start", step: name });
    const t0 = performance.now();
    const value = await fn();
    emit({ kind: "end", step: name, rows: rows?.(value), ms: performance.now() - t0 });
    return value;
  };

  await rm(outDir, { recursive: true, force: true });
  for (const dir of ["claims", "policies", "telematics", "accidents/images", "marketo", "salesforce", ".tmp"]) {
    await mkdir(path.join(outDir, dir), { recursive: true });
  }
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: options.memoryLimit ?? "4GB",
    temp_directory: path.join(outDir, ".tmp"),
    preserve_insertion_order: "true",
  });
  const con = await instance.connect();
  try {
    await con.run(`SET VARIABLE seed = ${Number(seed)}`);
    for (const [k, v] of Object.entries({
      n_policies: scale.policies,
      n_claims: scale.claims,
      n_leads: scale.leads,
      n_accounts: scale.accounts,
      n_campaigns: scale.campaigns,
    })) {
      await con.run(`SET VARIABLE ${k} = ${v}::BIGINT`);
    }
    await con.run(MACROS);
    await con.run(referenceTables());

    await step("policies", async () => {
      await con.run(POLICIES_SQL);
      await con.run(PREMIUM_SQL);
      return scale.policies;
    }, (n) => n);

    await step("claims", async () => {
      await con.run(CLAIMS_SQL);
      // Price the book: premiums are scaled so that usable claims cost TARGET_LOSS_RATIO of the premium earned up to the cut-off.
      const r = await con.runAndReadAll(`
        SELECT (SELECT sum(amount_total + CASE WHEN lae_absent THEN 0 ELSE lae END) FROM claims WHERE u_q >= 0.008)
             / (SELECT sum(premium_raw * earned_days / (expiry_date - eff_date)) FROM policies) / ${TARGET_LOSS_RATIO} AS factor`);
      const factor = Number(r.getRowObjectsJson()[0]!.factor);
      await con.run(`SET VARIABLE premium_factor = ${factor}`);
      await con.run(CLAIM_LINES_SQL);
      await con.run(CLAIM_LINES_CLEAN_SQL);
      return scale.claims;
    }, (n) => n);

    await step("write policies.csv", async () => {
      const file = path.join(outDir, "policies/policies.csv");
      await copyTo(con, POLICIES_CSV_SQL, file, "csv");
      files["policies/policies.csv"] = scale.policies;
    });

    await step("write claims.jsonl", async () => {
      const file = path.join(outDir, "claims/claims.jsonl");
      const out = createWriteStream(file);
      const result = await con.stream(`SELECT line FROM claim_lines ORDER BY j`);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const lines = chunk.getColumns()[0]!;
        if (!out.write(lines.join("\n") + "\n")) await once(out, "drain");
      }
      out.end();
      await once(out, "finish");
      files["claims/claims.jsonl"] = scale.claims;
    });

    const claimsWithTelematics = scale.claims;
    const parts = Math.ceil(claimsWithTelematics / scale.telematicsPartClaims);
    await step("write telematics", async () => {
      let points = 0;
      emit({ kind: "tick", step: "write telematics", done: 0, total: parts });
      for (let p = 0; p < parts; p++) {
        await con.run(`SET VARIABLE j_lo = ${p * scale.telematicsPartClaims}::BIGINT`);
        await con.run(`SET VARIABLE j_hi = ${(p + 1) * scale.telematicsPartClaims}::BIGINT`);
        const name = `telematics/part-${String(p).padStart(5, "0")}.parquet`;
        await copyTo(con, TELEMATICS_SQL, path.join(outDir, name), "parquet");
        const r = await con.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM read_parquet(${sqlString(path.join(outDir, name))})`);
        const n = Number(r.getRowObjectsJson()[0]!.n);
        files[name] = n;
        points += n;
        emit({ kind: "tick", step: "write telematics", done: p + 1, total: parts });
      }
      return points;
    }, (n) => n);

    await step("write damage images", async () => {
      await con.run(IMAGES_SQL);
      await copyTo(con, `SELECT image_name, image_id, claim_no, chassis_no FROM images ORDER BY j`, path.join(outDir, "accidents/image_metadata.csv"), "csv");
      await copyTo(con, DAMAGE_SCORES_SQL, path.join(outDir, "accidents/damage_scores.csv"), "csv");
      files["accidents/image_metadata.csv"] = await count(con, "SELECT * FROM images");
      files["accidents/damage_scores.csv"] = await count(con, DAMAGE_SCORES_SQL);
      const illustrative = path.join(outDir, "accidents/images/_illustrative");
      await mkdir(illustrative, { recursive: true });
      const base = SEVERITY_LEVELS.map((s, level) => path.join(illustrative, `level-${level}.svg`));
      await Promise.all(SEVERITY_LEVELS.map((s, level) => writeFile(base[level]!, damageImageSvg(s))));
      // One file per claim as a scoring job expects, each a symbolic link to the illustration of its damage
      // level (hard links would hit the file system's limit of links per file at insurer scale).
      const result = await con.stream(`SELECT image_name, true_level FROM images ORDER BY j`);
      let done = 0;
      const total = files["accidents/image_metadata.csv"];
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const [names, levels] = chunk.getColumns() as [string[], number[]];
        await Promise.all(names.map((n, idx) => symlink(`_illustrative/level-${levels[idx]!}.svg`, path.join(outDir, "accidents/images", n))));
        done += names.length;
        emit({ kind: "tick", step: "write damage images", done, total });
      }
      return total;
    }, (n) => n);

    await step("email activity", async () => {
      await con.run(ACCOUNTS_SQL);
      await con.run(LEADS_SQL);
      const outputs: Array<[keyof typeof ACTIVITY_SQL, string]> = [
        ["account", "salesforce/account.parquet"],
        ["user", "salesforce/user.parquet"],
        ["contact", "salesforce/contact.parquet"],
        ["lead", "marketo/lead.parquet"],
        ["campaign", "marketo/campaign.parquet"],
        ["send", "marketo/activity_send_email.parquet"],
        ["open", "marketo/activity_open_email.parquet"],
        ["click", "marketo/activity_click_email.parquet"],
      ];
      let activities = 0;
      for (const [key, name] of outputs) {
        await copyTo(con, ACTIVITY_SQL[key], path.join(outDir, name), "parquet");
        files[name] = await count(con, ACTIVITY_SQL[key]);
        if (name.includes("activity_")) activities += files[name];
      }
      return activities;
    }, (n) => n);

    const manifest = { generator: "goldlens-demo", version: GENERATOR_VERSION, scale: scaleName, seed, files };
    await writeFile(path.join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  } finally {
    con.closeSync();
    instance.closeSync();
    await rm(path.join(outDir, ".tmp"), { recursive: true, force: true });
  }
  return { files, ms: performance.now() - started };
}
