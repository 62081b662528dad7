// The areas the maps show and the GeoJSON files scripts/build-geo.ts writes for them under public/geo.

/** Borough names as policy exports spell them, keyed by county FIPS code. */
export const NYC_BOROUGH_FIPS = {
  "36005": "BRONX",
  "36047": "BROOKLYN",
  "36061": "MANHATTAN",
  "36081": "QUEENS",
  "36085": "STATEN ISLAND",
} as const satisfies Record<string, string>;

export type NycBorough = (typeof NYC_BOROUGH_FIPS)[keyof typeof NYC_BOROUGH_FIPS];

export const NYC_BOROUGHS: readonly NycBorough[] = Object.values(NYC_BOROUGH_FIPS).sort();

export type GeoBox = { west: number; south: number; east: number; north: number };

/** The five boroughs, Tottenville to the north Bronx. */
export const NYC_BOUNDS = { west: -74.26, south: 40.49, east: -73.7, north: 40.92 } as const satisfies GeoBox;

/** Land is drawn for every county touching this box, and the NYC map never pans beyond it. */
export const NYC_CONTEXT_BOX = { west: -75.2, south: 40.05, east: -72.7, north: 41.45 } as const satisfies GeoBox;

export const GEO_FILES = {
  nycBoroughs: "/geo/nyc-boroughs.json",
  nycContext: "/geo/nyc-context.json",
  worldCountries: "/geo/world-countries.json",
} as const;
