import { describe, expect, it } from "vitest";
import { pickParams, pruneOptionalFilters, rewriteNamedParams } from "./params";

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

describe("pruneOptionalFilters", () => {
  const sql = `WHERE (CAST(:a AS STRING) IS NULL OR x = CAST(:a AS STRING))
    AND (CAST(:hour AS BIGINT) IS NULL OR h = CAST(:hour AS BIGINT))
    AND (CAST(:s AS STRING) IS NULL
         OR CAST(:s AS STRING) = 'd' AND f(y, '(') OR CAST(:s AS STRING) = 'u' AND NOT g(y))`;

  it("turns a filter whose parameter is null into TRUE and keeps only the condition of a set one", () => {
    expect(pruneOptionalFilters(sql, { a: null, hour: 7, s: null })).toBe(`WHERE TRUE
    AND (h = CAST(:hour AS BIGINT))
    AND TRUE`);
  });

  it("keeps a compound condition whole, parentheses in strings included", () => {
    expect(pruneOptionalFilters(sql, { a: "A", hour: null, s: "d" })).toBe(`WHERE (x = CAST(:a AS STRING))
    AND TRUE
    AND (CAST(:s AS STRING) = 'd' AND f(y, '(') OR CAST(:s AS STRING) = 'u' AND NOT g(y))`);
  });

  it("leaves SQL without the idiom, and filters of parameters it was not given, as they are", () => {
    expect(pruneOptionalFilters("SELECT 1 WHERE a IS NULL OR b", {})).toBe("SELECT 1 WHERE a IS NULL OR b");
    expect(pruneOptionalFilters("(CAST(:z AS STRING) IS NULL OR z = 1)", {})).toBe("(CAST(:z AS STRING) IS NULL OR z = 1)");
  });
});
