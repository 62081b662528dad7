import { defineConfig, devices } from "@playwright/test";

const port = 3107;
const baseURL = `http://127.0.0.1:${port}`;

// No browser download is possible here: Playwright drives the distribution's Chromium.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/artifacts/test-output",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // Two cores run the server and two browsers: states are waited for, with room for a loaded machine.
  expect: { timeout: 20_000 },
  timeout: 90_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs each demo role in once; tests pick a role with test.use({ storageState: storageStateFor(role) }).
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { launchOptions } },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions,
      },
    },
  ],
  webServer: {
    // Generates demo data, runs the pipeline, migrates and builds before serving, hence the long timeout.
    command: "npm start",
    env: { PORT: String(port), DATA_DIR: "./data" },
    url: baseURL,
    timeout: 15 * 60 * 1000,
    // A leftover server would be testing an older build.
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
