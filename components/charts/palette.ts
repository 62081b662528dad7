// Chart colours, each with a light and a dark variant picked for contrast on the page surfaces of that
// scheme. Severity colours are fixed by the business and read the same in both.

export type ChartSwatch = { light: string; dark: string };

export const chartPalette = {
  gold: { light: "#b88a1e", dark: "#d9b45f" },
  navy: { light: "#2f4b6e", dark: "#8fb0d6" },
  teal: { light: "#1f7a72", dark: "#4fc1b5" },
  plum: { light: "#7a3e6e", dark: "#d08fc2" },
  slate: { light: "#8a9099", dark: "#6b727b" },
  ink: { light: "#1b1c1e", dark: "#e9e7e2" },
  totalLoss: { light: "#E92828", dark: "#E92828" },
  majorDamage: { light: "#FB8D3D", dark: "#FB8D3D" },
  minorDamage: { light: "#FFF380", dark: "#FFF380" },
  trivialDamage: { light: "#17BF51", dark: "#17BF51" },
} as const satisfies Record<string, ChartSwatch>;

export type ChartColor = keyof typeof chartPalette;

/** A CSS colour that follows the page's colour scheme (the root sets `color-scheme: light dark`). */
export function chartColor(name: ChartColor): string {
  const swatch: ChartSwatch = chartPalette[name];
  return swatch.light === swatch.dark ? swatch.light : `light-dark(${swatch.light}, ${swatch.dark})`;
}

/** Axis, grid and label colours, from the page's theme variables. */
export const chartChrome = {
  axis: "var(--subtle)",
  tick: "var(--muted)",
  grid: "var(--border)",
  cursor: "var(--surface-muted)",
  surface: "var(--surface)",
} as const;
