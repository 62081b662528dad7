// Runs after npm install: copies maplibre's worker where the browser can load it, writes the maps' GeoJSON and
// generates the Prisma client.
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { buildGeo } from "./build-geo";
import { runPrisma, repoRoot } from "./prisma";

const require = createRequire(import.meta.url);

// Bundled, maplibre cannot find its worker ("Worker failed to load"); the map points setWorkerUrl at this copy.
const worker = path.join(path.dirname(require.resolve("maplibre-gl/package.json")), "dist/maplibre-gl-worker.mjs");
await mkdir(path.join(repoRoot, "public"), { recursive: true });
await copyFile(worker, path.join(repoRoot, "public/maplibre-gl-worker.mjs"));
console.log("postinstall: copied maplibre-gl-worker.mjs to public/");

await buildGeo();
console.log("postinstall: wrote the map GeoJSON to public/geo/");

const code = await runPrisma(["generate"], { cwd: repoRoot });
if (code !== 0) {
  console.error("postinstall: prisma generate failed");
  process.exit(code);
}
