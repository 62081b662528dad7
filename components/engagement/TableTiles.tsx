"use client";

import { memo, useCallback } from "react";
import type { EngagementAccountsResponse, EngagementResponse } from "@/lib/api/engagementSchema";
import { formatCount } from "@/lib/format";
import { countryLabel } from "./FiltersBar";
import { MetricTable } from "./MetricTable";
import { TableSkeleton, Tile, type TileState } from "./Tile";
import { csvFileName, tileFrame, type EngagementView } from "./view";

/** Accounts drawn before "Show all": the most sent-to, which is what the table is read for. */
export const ACCOUNT_ROWS_SHOWN = 50;

type CountryRow = EngagementResponse["byCountry"][number];
type AccountRow = EngagementAccountsResponse["rows"][number];

const countryName = (row: CountryRow) => row.country;
const accountName = (row: AccountRow) => row.accountName;

export const CountryTableTile = memo(function CountryTableTile({ view, campaignName }: { view: EngagementView; campaignName: string | null }) {
  const frame = tileFrame(view, "countries", (data) => data.byCountry.length === 0);
  const { data, country, toggleCountry } = view;
  const select = useCallback((row: CountryRow) => toggleCountry(row.country), [toggleCountry]);
  return (
    <Tile
      {...frame}
      title="Countries"
      className="lg:col-span-2"
      skeleton={<TableSkeleton rows={10} />}
      csv={
        data
          ? {
              fileName: csvFileName("countries", data),
              rows: () =>
                data.byCountry.map((r) => ({
                  country: r.country,
                  isoA3: r.isoA3,
                  sends: r.sends,
                  opens: r.opens,
                  uniqueOpens: r.uniqueOpens,
                  clicks: r.clicks,
                  uniqueClicks: r.uniqueClicks,
                  openRate: r.openRate,
                  clickRatio: r.clickRatio,
                  periodFrom: data.period.from,
                  periodTo: data.period.to,
                  campaignId: data.filters.campaignId,
                })),
            }
          : null
      }
    >
      <p className="mb-3 text-xs leading-5 text-muted">
        Every country with sends in the period{campaignName ? ` for campaign ${campaignName}` : ""}, whichever country is selected. Click a row to filter
        the page; click it again to clear.
      </p>
      {data ? (
        <MetricTable
          caption="Email engagement by country"
          rows={data.byCountry}
          rowKey={countryName}
          nameHeader="Country"
          name={countryName}
          renderName={(row) => countryLabel(row.country)}
          onSelect={select}
          isSelected={(row) => row.country === country}
          selectLabel={(row, selected) => `${countryLabel(row.country)}: ${selected ? "clear the country filter" : "filter the page by this country"}`}
        />
      ) : null}
    </Tile>
  );
});

export type AccountsView = {
  data: EngagementAccountsResponse | undefined;
  updating: boolean;
  errorMessage: string | null;
  retry: () => void;
};

/** `country`: the selected country as the data spells it; null for none. */
export const AccountsTile = memo(function AccountsTile({ country, accounts, campaignName }: { country: string | null; accounts: AccountsView; campaignName: string | null }) {
  const data = country ? accounts.data : undefined;
  let state: TileState;
  if (!country) state = "empty";
  else if (!data) state = accounts.errorMessage !== null ? "error" : "loading";
  else state = data.rows.length === 0 ? "empty" : "loaded";
  const title = country ? `Accounts in ${countryLabel(country)}` : "Accounts";
  return (
    <Tile
      id="accounts"
      title={title}
      state={state}
      updating={country !== null && accounts.updating}
      errorMessage={accounts.errorMessage}
      onRetry={accounts.retry}
      onClearFilters={null}
      skeleton={<TableSkeleton rows={8} />}
      className="lg:col-span-2"
      emptyTitle={country ? `No account in ${countryLabel(country)} has sends in this view.` : "Select a country to see its accounts."}
      emptyDetail={country ? "Widen the period or choose another campaign." : "Click a country on the map, in the Countries table, or choose one in the filters."}
      csv={
        data
          ? {
              fileName: csvFileName("accounts", data),
              rows: () =>
                data.rows.map((r) => ({
                  accountId: r.accountId,
                  accountName: r.accountName,
                  country: r.country,
                  sends: r.sends,
                  opens: r.opens,
                  uniqueOpens: r.uniqueOpens,
                  clicks: r.clicks,
                  uniqueClicks: r.uniqueClicks,
                  openRate: r.openRate,
                  clickRatio: r.clickRatio,
                  periodFrom: data.period.from,
                  periodTo: data.period.to,
                  campaignId: data.filters.campaignId,
                })),
            }
          : null
      }
    >
      {data ? (
        <>
          <p className="mb-3 text-xs leading-5 text-muted">
            Engagement per account in {countryLabel(data.filters.country ?? country ?? "")}
            {campaignName ? ` for campaign ${campaignName}` : ""}, {formatCount(data.rows.length)} {data.rows.length === 1 ? "account" : "accounts"}, most
            sends first.
          </p>
          {data.truncated ? (
            <p role="note" data-truncated className="mb-3 rounded-md border border-border bg-accent-soft px-3 py-2 text-xs leading-5 text-foreground">
              More accounts matched than shown: these are the {formatCount(data.rows.length)} with the most sends, and the CSV holds the same rows. Narrow the
              period or choose a campaign to see the rest.
            </p>
          ) : null}
          <MetricTable
            caption={`Email engagement by account in ${countryLabel(country ?? "")}`}
            rows={data.rows}
            rowKey={(row) => row.accountId ?? "no-account"}
            nameHeader="Account"
            name={accountName}
            renderName={(row) =>
              row.accountId === null ? (
                <span className="font-normal italic text-muted" title="Leads whose email matched no Salesforce user">
                  Leads without a matching account
                </span>
              ) : (
                row.accountName
              )
            }
            maxHeightClass="max-h-[30rem]"
            initialRows={ACCOUNT_ROWS_SHOWN}
          />
        </>
      ) : null}
    </Tile>
  );
});
