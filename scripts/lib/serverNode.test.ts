import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { serverNodeFlags } from "./serverNode";

describe("serverNodeFlags", () => {
  it("gives the server a 32 MB young generation semi-space by default", () => {
    expect(serverNodeFlags({})).toEqual(["--max-semi-space-size=32"]);
  });

  it("takes NODE_SERVER_FLAGS instead, split on spaces, and nothing when it is empty", () => {
    expect(serverNodeFlags({ NODE_SERVER_FLAGS: " --max-semi-space-size=16  --max-old-space-size=4096 " })).toEqual([
      "--max-semi-space-size=16",
      "--max-old-space-size=4096",
    ]);
    expect(serverNodeFlags({ NODE_SERVER_FLAGS: "" })).toEqual([]);
  });

  it("are flags this Node accepts, so the server starts with them", () => {
    // An unknown flag makes node exit with "bad option" before running anything.
    const run = spawnSync(process.execPath, [...serverNodeFlags({}), "-e", "process.stdout.write('started')"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("started");
  });
});
