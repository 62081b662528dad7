import "server-only";
import pino from "pino";
import { env } from "./env";

// Structured logs on stdout. Claim personal data never goes here: log claim numbers and query names only.
export const logger = pino({ level: env().LOG_LEVEL, base: { service: "goldlens" } });
