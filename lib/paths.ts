import path from "node:path";

/** Where the embedded engine keeps its files: raw inputs, gold builds, and the pointer to the live build. */
export function dataPaths(dataDir: string = process.env.DATA_DIR ?? "data") {
  const root = path.resolve(/*turbopackIgnore: true*/ dataDir);
  const warehouse = path.join(root, "warehouse");
  return {
    root,
    raw: path.join(root, "raw"),
    warehouse,
    /** Names the gold build the app serves; replaced atomically when a new build is complete. */
    current: path.join(warehouse, "CURRENT.json"),
  };
}
