// Placeholder for the "data as of" line of the current gold build; the page already wraps it in Suspense.
export function DataStatus() {
  return null;
}
