import type { ReactNode } from "react";
import type { ClaimDetailResponse } from "@/lib/api/claimsSchema";
import { NO_DATA, formatBorough, formatCount, formatCurrency, formatDate, formatHour, formatPolicyType } from "@/lib/format";
import { Panel } from "./Panel";

type Row = [label: string, value: ReactNode];

function Fields({ rows }: { rows: Row[] }) {
  return (
    <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-1.5 text-xs leading-5">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="min-w-0 break-words text-foreground">{value ?? <span className="text-subtle">{NO_DATA}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

const text = (value: string | null | undefined) => (value === null || value === undefined || value === "" ? null : value);
const count = (value: number | null) => (value === null ? null : formatCount(value));
const money = (value: number | null) => (value === null ? null : <span className="tabular-nums">{formatCurrency(value)}</span>);
const mono = (value: string | null) => (value === null ? null : <span className="font-mono">{value}</span>);

export function ClaimDetails({ detail }: { detail: ClaimDetailResponse }) {
  const { claim } = detail;
  return (
    <Panel id="claim-details" title="Claim" state="loaded">
      <Fields
        rows={[
          ["Claim number", mono(claim.claimNo)],
          ["Claim date", formatDate(claim.claimDate)],
          ["Incident", `${formatDate(claim.incidentDate)}${claim.incidentHour === null ? "" : `, ${formatHour(claim.incidentHour)}`}`],
          ["Type", text(claim.incidentType)],
          ["Collision", text(claim.collisionType)],
          ["Vehicles involved", count(claim.vehiclesInvolved)],
          ["Witnesses", count(claim.witnesses)],
          ["Suspicious activity", claim.suspicious ? <span className="font-medium text-danger">Flagged</span> : "Not flagged"],
          ["Customer for", claim.monthsAsCustomer === null ? null : `${formatCount(claim.monthsAsCustomer)} months`],
        ]}
      />
      <h3 className="mb-1.5 mt-4 text-xs font-semibold uppercase tracking-[0.08em] text-muted">Amounts</h3>
      <dl className="flex flex-col divide-y divide-border rounded-md border border-border text-xs">
        {(
          [
            ["Injury", claim.amounts.injury],
            ["Property", claim.amounts.property],
            ["Vehicle", claim.amounts.vehicle],
            ["Total claimed", claim.amounts.total],
            ["Loss adjustment expense", claim.amounts.lae],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className={`flex items-baseline justify-between gap-3 px-2.5 py-1.5 ${label === "Total claimed" ? "bg-surface-muted/60 font-semibold" : ""}`}>
            <dt className={label === "Total claimed" ? "text-foreground" : "text-muted"}>{label}</dt>
            <dd className="tabular-nums text-foreground">{formatCurrency(value)}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}

export function PolicyDetails({ detail }: { detail: ClaimDetailResponse }) {
  const { policy, claim } = detail;
  const renewal = policy.renewalNo !== null ? ` (renewal ${policy.renewalNo})` : "";
  return (
    <Panel id="policy-details" title="Policy" state="loaded">
      <Fields
        rows={[
          ["Policy number", mono(`${policy.policyNo}${renewal}`)],
          ["As claimed", claim.policyNoRaw && claim.policyNoRaw !== policy.policyNo ? mono(claim.policyNoRaw) : null],
          ["Customer", mono(policy.custId)],
          ["Type", policy.policyType ? `${formatPolicyType(policy.policyType)}${policy.product ? ` · ${policy.product.toLowerCase()}` : ""}` : text(policy.product)],
          ["Term", `${formatDate(policy.effDate)} – ${formatDate(policy.expiryDate)} (expiry day excluded)`],
          ["Sum insured", money(policy.sumInsured)],
          ["Premium", money(policy.premium)],
          ["Deductible", money(policy.deductible)],
          ["Address", [policy.neighborhood, policy.borough ? formatBorough(policy.borough) : null, policy.zipCode].filter(Boolean).join(", ") || null],
        ].filter(([label, value]) => label !== "As claimed" || value !== null) as Row[]}
      />
    </Panel>
  );
}

export function VehicleDetails({ detail }: { detail: ClaimDetailResponse }) {
  const { vehicle } = detail;
  return (
    <Panel id="vehicle-details" title="Vehicle" state="loaded">
      <Fields
        rows={[
          ["Vehicle", [vehicle.make, vehicle.model].filter(Boolean).join(" ") || null],
          ["Model year", vehicle.modelYear === null ? null : String(vehicle.modelYear)],
          ["Body", text(vehicle.body)],
          ["Use", text(vehicle.use)],
          ["Chassis number", mono(vehicle.chassisNo)],
        ]}
      />
    </Panel>
  );
}

export function DriverDetails({ detail }: { detail: ClaimDetailResponse }) {
  const { driver, claim } = detail;
  return (
    <Panel id="driver-details" title="Driver" state="loaded">
      {claim.driverDataIssue ? (
        <p role="note" data-testid="driver-data-issue" className="mb-3 flex items-start gap-2 rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-xs leading-5 text-foreground">
          <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true" className="mt-0.5 shrink-0 text-amber-600 dark:text-amber-400">
            <path d="M8 1.8 15 14H1z" strokeLinejoin="round" />
            <path d="M8 6.5v3.2M8 11.8v.1" strokeLinecap="round" />
          </svg>
          <span>
            <strong className="font-semibold">Driver data issue:</strong> {claim.driverDataIssue}. The claim counts in every figure; these fields are blank rather than guessed.
          </span>
        </p>
      ) : null}
      <Fields
        rows={[
          ["Age", driver.age === null ? null : String(driver.age)],
          ["Date of birth", driver.dateOfBirth ? formatDate(driver.dateOfBirth) : null],
          ["Relationship", text(driver.relationship)],
          ["Licence issued", driver.licenseIssueDate ? formatDate(driver.licenseIssueDate) : null],
        ]}
      />
    </Panel>
  );
}
