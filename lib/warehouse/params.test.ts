import { describe, expect, it } from "vitest";
import { pickParams, rewriteNamedParams } from "./params";

describe("named parameters", () => {
  it("rewrites :name placeholders and lists each name once", () => {
    const r = rewriteNamedParams("SELECT * FROM t WHERE a = :from AND b <= :to AND c = :from", "$");
    expect(r.sql).toBe("SELECT * FROM t WHERE a = $from AND b <= $to AND c = $from");
    expect(r.names).toEqual(["from", "to"]);
  });

  it("leaves casts, string literals, quoted identifiers and comments alone", () => {
    const sql = `SELECT x::DATE, ':notparam', "col:name", \`a:b\` -- :comment\nFROM t WHERE y = :real AND z = 'it''s :quoted'`;
    const r = rewriteNamedParams(sql, "$");
    expect(r.names).toEqual(["real"]);
    expect(r.sql).toBe(sql.replace(":real", "$real"));
  });

  it("refuses a statement whose parameter has no value", () => {
    expect(() => pickParams(["from", "to"], { from: "2024-01-01" }, "q")).toThrow(/:to/);
    expect(pickParams(["from"], { from: "2024-01-01", unused: 1 }, "q")).toEqual({ from: "2024-01-01" });
  });
});
