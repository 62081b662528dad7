"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { TimeSeriesChart } from "@/components/charts/TimeSeriesChart";
import { describeClaimsError } from "@/hooks/claimsApi";
import { useClaimTelematics } from "@/hooks/useClaimTelematics";
import type { ClaimDetailResponse } from "@/lib/api/claimsSchema";
import { formatDate, formatTimestamp } from "@/lib/format";
import { journeyMarkerColors } from "./journeyLayers";
import {
  SPEED_LIMIT_MPH,
  SPEED_RAMP,
  formatClock,
  formatClockShort,
  formatSpeed,
  incidentIndex,
  journeyPoints,
  speedCheckWindow,
  speedColor,
} from "./journey";
import { Panel, PanelMessage, buttonClass, type PanelState } from "./Panel";

// maplibre needs a browser (WebGL, workers) and is heavy: loaded on the client, after the rest of the page.
const JourneyMap = dynamic(() => import("./JourneyMap").then((module) => module.JourneyMap), {
  ssr: false,
  loading: () => <div className="h-full min-h-[20rem] w-full animate-pulse rounded-lg bg-surface-muted" aria-hidden="true" />,
});

const REPLAY_STEP_MS = 90;

export function Journey({ claimNo, detail, styleUrl }: { claimNo: string; detail: ClaimDetailResponse; styleUrl?: string }) {
  const telematics = useClaimTelematics(claimNo);
  const points = useMemo(() => journeyPoints(telematics.data), [telematics.data]);
  const { incidentLatitude, incidentLongitude } = detail.telematics;
  const incident = useMemo(() => incidentIndex(points, incidentLatitude, incidentLongitude), [points, incidentLatitude, incidentLongitude]);
  const speedWindow = useMemo(() => speedCheckWindow(points, incident), [points, incident]);

  const [chosen, setChosen] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  // The replay opens on the incident: that is the moment the checks are about.
  const position = Math.min(chosen ?? incident ?? points.length - 1, Math.max(points.length - 1, 0));

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setChosen((current) => {
        const next = (current ?? 0) + 1;
        if (next >= points.length - 1) setPlaying(false);
        return Math.min(next, points.length - 1);
      });
    }, REPLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, points.length]);

  // Pointing at the map or the chart moves the replay there (and stops it).
  const pointAt = useCallback((index: number) => {
    setPlaying(false);
    setChosen(index);
  }, []);

  let state: PanelState;
  if (telematics.isPending) state = "loading";
  else if (telematics.isError) state = "error";
  else state = points.length === 0 ? "empty" : "loaded";

  return (
    <Panel
      id="telematics"
      title="Telematics journey"
      state={state}
      actions={
        state === "loaded" ? (
          <span className="text-xs tabular-nums text-muted">
            {formatDate(points[0]!.ts.slice(0, 10))}, {formatClockShort(points[0]!.time)}–{formatClockShort(points[points.length - 1]!.time)} · {points.length} readings
          </span>
        ) : null
      }
    >
      {state === "loading" ? (
        <div aria-hidden="true" className="grid animate-pulse gap-4 lg:grid-cols-5">
          <div className="h-80 rounded-lg bg-surface-muted lg:col-span-3" />
          <div className="h-80 rounded-lg bg-surface-muted lg:col-span-2" />
        </div>
      ) : state === "error" ? (
        <PanelMessage tone="error" title="The telematics could not be loaded" detail={describeClaimsError(telematics.error)}>
          <button type="button" onClick={() => void telematics.refetch()} className={buttonClass.primary}>
            Retry
          </button>
        </PanelMessage>
      ) : state === "empty" ? (
        <NoTelematics detail={detail} />
      ) : (
        <div className="flex flex-col gap-4">
          {incident === null ? (
            <p role="note" className="rounded-md border border-border bg-surface-muted/60 px-3 py-2 text-xs leading-5 text-muted">
              No readings from this vehicle in the incident hour, so the incident cannot be placed on the trip and the speed check could not be made. The
              readings around that hour are shown.
            </p>
          ) : null}
          <div className="grid gap-4 lg:grid-cols-5">
            <div className="flex min-h-[22rem] flex-col gap-2 lg:col-span-3">
              <div className="min-h-0 flex-1">
                <JourneyMap
                  points={points}
                  incident={incident}
                  activeIndex={position}
                  onActiveIndexChange={pointAt}
                  speedWindow={speedWindow}
                  styleUrl={styleUrl}
                />
              </div>
              <MapLegend incidentIsEnd={incident === points.length - 1} incidentAt={incident === null ? null : points[incident]!} />
            </div>
            <div className="min-w-0 lg:col-span-2">
              <TimeSeriesChart
                title="Speed over time"
                caption={`Speed from the vehicle's telematics. The shaded stretch is the five minutes before the incident that the speed check reads; the dashed line is the ${SPEED_LIMIT_MPH} mph limit.`}
                data={points.map((p) => ({ time: p.time, speed: p.speed }))}
                x="time"
                y="speed"
                label="Speed (mph)"
                color="navy"
                xTickFormatter={formatClockShort}
                threshold={{ value: SPEED_LIMIT_MPH, label: `${SPEED_LIMIT_MPH} mph limit` }}
                band={speedWindow ? { from: speedWindow.from, to: speedWindow.to, label: "Checked window" } : undefined}
                marker={incident !== null ? { at: points[incident]!.time, label: "Incident" } : undefined}
                activeIndex={position}
                onActiveIndexChange={pointAt}
                height={264}
              />
            </div>
          </div>
          <Replay
            points={points}
            position={position}
            incident={incident}
            playing={playing}
            onPosition={pointAt}
            onPlay={() => {
              if (position >= points.length - 1) setChosen(0);
              setPlaying((p) => !p);
            }}
          />
          <SpeedSummary detail={detail} maxWindowSpeed={speedWindow?.maxSpeed ?? null} />
        </div>
      )}
    </Panel>
  );
}

function Replay({
  points,
  position,
  incident,
  playing,
  onPosition,
  onPlay,
}: {
  points: ReturnType<typeof journeyPoints>;
  position: number;
  incident: number | null;
  playing: boolean;
  onPosition: (index: number) => void;
  onPlay: () => void;
}) {
  const sliderId = useId();
  const point = points[position]!;
  const valueText = `${formatClock(point.time)}, ${formatSpeed(point.speed)}${position === incident ? ", incident position" : ""}`;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-border bg-surface-muted/50 px-3 py-2.5 sm:flex-row sm:items-center sm:gap-4">
      <div className="flex items-center gap-2">
        <button type="button" onClick={onPlay} className={buttonClass.secondary} aria-label={playing ? "Pause the replay" : "Replay the trip"}>
          {playing ? (
            <svg width="12" height="12" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
              <path d="M4 3h3v10H4zM9 3h3v10H9z" />
            </svg>
          ) : (
            <svg width="12" height="12" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
              <path d="M4 2.5v11l9-5.5z" />
            </svg>
          )}
          {playing ? "Pause" : "Replay"}
        </button>
        {incident !== null ? (
          <button type="button" onClick={() => onPosition(incident)} className={buttonClass.ghost} disabled={position === incident}>
            Go to incident
          </button>
        ) : null}
      </div>
      <label htmlFor={sliderId} className="sr-only">
        Moment of the trip
      </label>
      <input
        id={sliderId}
        type="range"
        min={0}
        max={points.length - 1}
        step={1}
        value={position}
        aria-valuetext={valueText}
        onChange={(event) => onPosition(Number(event.target.value))}
        className="h-2 min-w-0 flex-1 cursor-pointer accent-[var(--accent-strong)]"
        data-testid="replay-slider"
      />
      <p className="flex shrink-0 items-center gap-2 text-xs tabular-nums text-muted" aria-live="off" data-testid="replay-readout">
        <span className="font-medium text-foreground">{formatClock(point.time)}</span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: speedColor(point.speed) }} />
          <span className={point.speed !== null && point.speed > SPEED_LIMIT_MPH ? "font-semibold text-danger" : ""}>{formatSpeed(point.speed)}</span>
        </span>
        <span className="text-subtle">
          {position + 1}/{points.length}
        </span>
      </p>
    </div>
  );
}

function SpeedSummary({ detail, maxWindowSpeed }: { detail: ClaimDetailResponse; maxWindowSpeed: number | null }) {
  const speed = detail.assessment.speedNearIncident ?? maxWindowSpeed;
  if (speed === null) return null;
  const over = speed > SPEED_LIMIT_MPH;
  return (
    <p className="text-xs leading-5 text-muted">
      Highest speed in the five minutes before the incident:{" "}
      <strong className={`font-semibold tabular-nums ${over ? "text-danger" : "text-foreground"}`}>{formatSpeed(speed)}</strong>
      {over ? `, above the ${SPEED_LIMIT_MPH} mph limit.` : `, within the ${SPEED_LIMIT_MPH} mph limit.`}
    </p>
  );
}

function MapLegend({ incidentIsEnd, incidentAt }: { incidentIsEnd: boolean; incidentAt: { lat: number; lng: number } | null }) {
  const first = SPEED_RAMP[0];
  const last = SPEED_RAMP[SPEED_RAMP.length - 1]!;
  const gradient = `linear-gradient(to right, ${SPEED_RAMP.map((s) => `${s.color} ${((s.speed - first.speed) / (last.speed - first.speed)) * 100}%`).join(", ")})`;
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-[11px] leading-4 text-muted">
      <div className="flex items-center gap-2">
        <span className="font-medium text-foreground">Speed, mph</span>
        <span className="relative inline-flex flex-col">
          <span aria-hidden="true" className="block h-2 w-32 rounded-full ring-1 ring-black/10" style={{ background: gradient }} />
          <span aria-hidden="true" className="relative mt-0.5 block h-4 w-32 tabular-nums text-subtle">
            <span className="absolute left-0">0</span>
            <span className="absolute -translate-x-1/2" style={{ left: `${(SPEED_LIMIT_MPH / last.speed) * 100}%` }}>
              {SPEED_LIMIT_MPH}
            </span>
            <span className="absolute left-full -translate-x-1/2 whitespace-nowrap">{last.speed}+</span>
          </span>
          <span className="sr-only">
            Path colour by speed: blue when slow, through green and amber, to red at {SPEED_LIMIT_MPH} mph and above.
          </span>
        </span>
      </div>
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <LegendDot color={journeyMarkerColors.start} label="Start" />
        {incidentIsEnd ? null : <LegendDot color={journeyMarkerColors.end} label="End" />}
        {incidentAt ? (
          <LegendDot
            color={journeyMarkerColors.incident}
            label={`${incidentIsEnd ? "Incident, end of trip" : "Incident"} (${incidentAt.lat.toFixed(5)}, ${incidentAt.lng.toFixed(5)})`}
          />
        ) : null}
        <li className="flex items-center gap-1">
          <MarkerSwatch fill="#ffffff" stroke={journeyMarkerColors.cursor} />
          Replay position
        </li>
      </ul>
    </div>
  );
}

function LegendDot({ color, label }: { color: string; label: string }) {
  return (
    <li className="flex items-center gap-1">
      <MarkerSwatch fill={color} stroke="#ffffff" />
      {label}
    </li>
  );
}

/** A map marker as drawn on the map, with a hairline so its white or black ring shows on either page scheme. */
function MarkerSwatch({ fill, stroke }: { fill: string; stroke: string }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" className="shrink-0">
      <circle cx="7" cy="7" r="6.25" fill="none" stroke="var(--border-strong)" strokeWidth="1" />
      <circle cx="7" cy="7" r="4.5" fill={fill} stroke={stroke} strokeWidth="2" />
    </svg>
  );
}

function NoTelematics({ detail }: { detail: ClaimDetailResponse }) {
  const { windowStart, windowEnd } = detail.telematics;
  return (
    <div className="flex flex-col items-start gap-2 rounded-lg border border-dashed border-border-strong bg-surface-muted/40 px-5 py-6" data-testid="no-telematics">
      <p className="text-sm font-semibold text-foreground">No telematics from this vehicle around the incident</p>
      <p className="max-w-2xl text-xs leading-5 text-muted">
        {detail.vehicle.chassisNo === null
          ? "The policy has no chassis number, so no telematics can be linked to this claim."
          : windowStart && windowEnd
            ? `The vehicle (chassis ${detail.vehicle.chassisNo}) sent no readings between ${formatTimestamp(windowStart).replace(" UTC", "")} and ${formatTimestamp(windowEnd).replace(" UTC", "")}.`
            : `The claim has no incident hour, so there is no window to look for readings from chassis ${detail.vehicle.chassisNo}.`}{" "}
        The speed check could not be made; it shows as unknown, not as failed.
      </p>
    </div>
  );
}
