import { spawn } from "node:child_process";
import { access, constants } from "node:fs/promises";

const debianChromium = "/usr/bin/chromium";

export const chromiumMissingMessage =
  "Chromium not found: install it with `sudo apt-get install -y chromium` or set CHROMIUM_PATH";

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function aptInstallChromium(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", "apt-get update && apt-get install -y chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`apt-get install chromium failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

// Playwright cannot download browsers here, so tests drive Debian's Chromium.
export async function ensureChromium(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && (await isExecutable(configured))) return configured;
  if (await isExecutable(debianChromium)) return debianChromium;

  if (process.getuid?.() === 0) {
    await aptInstallChromium();
    if (await isExecutable(debianChromium)) return debianChromium;
  }
  throw new Error(chromiumMissingMessage);
}
