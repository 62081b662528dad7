// The fixed values of the Loss Summary's incident filters, apart from the schemas so that the pages can
// use them without loading the validation library.

export const SEVERITIES = ["Trivial Damage", "Minor Damage", "Major Damage", "Total Loss"] as const;
export const INCIDENT_TYPES = ["Single Vehicle Collision", "Multi-vehicle Collision", "Vehicle Theft", "Parked Car"] as const;
