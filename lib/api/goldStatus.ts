import "server-only";
import { getGoldStatus } from "../queries/getGoldStatus";
import { perBuild } from "./perBuild";

/** The live build's status row (null if build_info is empty), read once per gold build. */
export const liveGoldStatus = perBuild(async (warehouse) => (await getGoldStatus.run(warehouse, {}))[0] ?? null);
