import { connection } from "next/server";
import { getWarehouse } from "@/lib/warehouse";
import { getGoldStatus } from "@/lib/queries/getGoldStatus";
import { WarehouseError } from "@/lib/warehouse/types";
import { logger } from "@/lib/logger";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const numberFormat = new Intl.NumberFormat("en-US");

/** "Data as of" of the live gold build, read at request time. */
export async function DataStatus() {
  await connection();
  try {
    const [status] = await getGoldStatus.run(getWarehouse(), {});
    if (!status) throw new WarehouseError("gold build_info is empty", "query_failed");
    return (
      <section
        aria-label="Data status"
        data-state="loaded"
        className="shrink-0 rounded-lg border border-border bg-surface px-4 py-3 text-sm text-muted"
      >
        <p>
          Claims as of <strong className="font-semibold text-foreground">{status.claims_as_of ? dateFormat.format(new Date(status.claims_as_of)) : "—"}</strong>
        </p>
        <p className="mt-1 text-xs">
          {numberFormat.format(status.claims)} claims · {numberFormat.format(status.policies)} policies · gold built{" "}
          {dateTimeFormat.format(new Date(`${status.built_at.replace(" ", "T")}Z`))} UTC
        </p>
      </section>
    );
  } catch (err) {
    const noBuild = err instanceof WarehouseError && err.code === "no_gold_build";
    if (!noBuild) logger.error({ err }, "data status unavailable");
    return (
      <section aria-label="Data status" data-state="error" className="shrink-0 rounded-lg border border-border bg-surface px-4 py-3 text-sm text-muted">
        {noBuild ? "No gold build yet: run npm run pipeline." : "Data status is unavailable right now."}
      </section>
    );
  }
}
