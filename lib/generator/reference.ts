// Reference lists the demo data is drawn from. Weights are relative, not percentages.

export const SCALES = {
  demo: { policies: 20_000, claims: 5_000, leads: 2_000, accounts: 300, campaigns: 60, telematicsPartClaims: 250_000 },
  insurer: { policies: 1_000_000, claims: 250_000, leads: 205_000, accounts: 6_000, campaigns: 60, telematicsPartClaims: 25_000 },
} as const;

export type ScaleName = keyof typeof SCALES;
export type Scale = (typeof SCALES)[ScaleName];

/** make, model, body, new value in USD, share of the insured fleet */
export const VEHICLES: ReadonlyArray<readonly [string, string, string, number, number]> = [
  ["TOYOTA", "CAMRY", "SEDAN", 28_000, 7],
  ["TOYOTA", "COROLLA", "SEDAN", 22_000, 7],
  ["TOYOTA", "RAV4", "SUV", 31_000, 8],
  ["HONDA", "CIVIC", "SEDAN", 24_000, 7],
  ["HONDA", "ACCORD", "SEDAN", 29_000, 5],
  ["HONDA", "CR-V", "SUV", 32_000, 6],
  ["NISSAN", "ALTIMA", "SEDAN", 26_000, 5],
  ["NISSAN", "ROGUE", "SUV", 29_000, 5],
  ["FORD", "F-150", "PICKUP", 42_000, 4],
  ["FORD", "ESCAPE", "SUV", 29_000, 4],
  ["FORD", "EXPLORER", "SUV", 38_000, 3],
  ["CHEVROLET", "MALIBU", "SEDAN", 25_000, 3],
  ["CHEVROLET", "EQUINOX", "SUV", 28_000, 4],
  ["HYUNDAI", "ELANTRA", "SEDAN", 21_000, 4],
  ["HYUNDAI", "TUCSON", "SUV", 28_000, 3],
  ["JEEP", "GRAND CHEROKEE", "SUV", 40_000, 4],
  ["JEEP", "WRANGLER", "SUV", 36_000, 2],
  ["SUBARU", "OUTBACK", "WAGON", 30_000, 3],
  ["KIA", "SPORTAGE", "SUV", 27_000, 3],
  ["VOLKSWAGEN", "JETTA", "SEDAN", 23_000, 2],
  ["BMW", "3 SERIES", "SEDAN", 45_000, 2],
  ["BMW", "X5", "SUV", 65_000, 1],
  ["MERCEDES-BENZ", "C-CLASS", "SEDAN", 47_000, 2],
  ["MERCEDES-BENZ", "GLE", "SUV", 62_000, 1],
  ["LEXUS", "RX", "SUV", 50_000, 1],
  ["TESLA", "MODEL 3", "SEDAN", 42_000, 2],
  ["TESLA", "MODEL Y", "SUV", 47_000, 2],
  ["HONDA", "ODYSSEY", "VAN", 38_000, 1],
];

/** Billing countries as sales teams type them, variants included; share of accounts. */
export const ACCOUNT_COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ["United States", 30],
  ["USA", 6],
  ["United Kingdom", 9],
  ["UK", 2],
  ["Germany", 7],
  ["France", 5],
  ["Canada", 6],
  ["Australia", 4],
  ["Netherlands", 3],
  ["Spain", 3],
  ["Italy", 3],
  ["Ireland", 2],
  ["Sweden", 2],
  ["Switzerland", 2],
  ["Brazil", 3],
  ["Mexico", 2],
  ["India", 3],
  ["Japan", 2],
  ["Singapore", 1],
  ["South Africa", 1],
  ["Poland", 1],
  ["Belgium", 1],
  ["Denmark", 1],
  ["Norway", 1],
  ["New Zealand", 1],
  ["Russia", 1],
  ["Fiji", 1],
];

export const FIRST_NAMES = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
  "Priya", "Wei", "Fatima", "Lukas", "Sofia", "Mateo", "Aisha", "Hiroshi", "Ingrid", "Olga",
] as const;

export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson",
  "Patel", "Chen", "Muller", "Rossi", "Kowalski", "Tanaka", "Novak", "Silva", "Okafor", "Larsen",
] as const;

export const COMPANY_WORDS = [
  "Atlas", "Beacon", "Cedar", "Delta", "Evergreen", "Falcon", "Granite", "Harbor", "Summit", "Juniper",
  "Keystone", "Lumen", "Meridian", "Northwind", "Orion", "Pioneer", "Quarry", "Redwood", "Sterling", "Trident",
] as const;

export const COMPANY_SUFFIXES = ["Logistics", "Holdings", "Fleet Services", "Motors", "Group", "Partners", "Transport", "Rentals"] as const;

export const CAMPAIGN_THEMES = [
  "Renewal reminder", "Safe driver reward", "Fleet cover webinar", "Claims app launch", "Winter driving tips",
  "Multi-policy discount", "Broker newsletter", "Telematics pilot invite", "Quarterly market update", "Referral programme",
] as const;
