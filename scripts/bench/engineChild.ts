// The parent's side of the engine replay (engine.ts runs in the child): the child is started with the
// react-server condition so the app's builders load outside Next, which is why the parent imports types only.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../prisma";
import type { EngineCase, EngineMessage, EngineOutput, EngineReply, EngineRequest, EngineSpec } from "./engine";

export interface EngineChild {
  measure(request: EngineRequest): Promise<EngineCase>;
  /** Writes the slowest statements' profiles, closes the child and returns where they went. */
  finish(): Promise<EngineOutput["profiles"]>;
}

/**
 * The engine replay in a child process that stays up while the parent times an API's requests, so each
 * request is replayed on DuckDB the moment after the server answered it.
 */
export async function spawnEngine(spec: EngineSpec, workDir: string): Promise<EngineChild> {
  const specFile = path.join(workDir, "engine-spec.json");
  writeFileSync(specFile, JSON.stringify(spec));
  // react-server resolves "server-only" to its empty module, as Next does for server code.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "engine.ts"), specFile], {
    cwd: repoRoot,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let waiting: { resolve: (reply: EngineReply) => void; reject: (err: Error) => void } | null = null;
  const failed = (err: Error) => {
    waiting?.reject(err);
    waiting = null;
  };
  child.on("message", (reply: EngineReply) => {
    const w = waiting;
    waiting = null;
    if (reply.kind === "error") w?.reject(new Error(`engine measurement failed: ${reply.message}`));
    else w?.resolve(reply);
  });
  child.once("error", failed);
  child.once("exit", (code) => failed(new Error(`engine measurement exited with code ${code}`)));
  const next = () => new Promise<EngineReply>((resolve, reject) => (waiting = { resolve, reject }));
  const ask = (message: EngineMessage) => {
    const reply = next();
    child.send(message);
    return reply;
  };
  await next(); // ready
  return {
    async measure(request) {
      const reply = await ask({ kind: "measure", request });
      if (reply.kind !== "case") throw new Error(`engine measurement answered ${reply.kind} to a request`);
      return reply.case;
    },
    async finish() {
      const reply = await ask({ kind: "finish" });
      if (reply.kind !== "profiles") throw new Error(`engine measurement answered ${reply.kind} to finish`);
      return reply.profiles;
    },
  };
}
