import { describe, expect, it } from "vitest";
import { parseRoleMap, resolveRole } from "./roleMap";

describe("AUTH_ROLE_MAP", () => {
  const map = parseRoleMap("ana@insurer.com=investigator, *@insurer.com=executive, group:claims-team=investigator, group:growth=marketing, boss@insurer.com=admin");

  it("prefers the exact email, then a group, then the domain", () => {
    expect(resolveRole(map, "Boss@Insurer.com", ["growth"])).toBe("admin");
    expect(resolveRole(map, "ana@insurer.com")).toBe("investigator");
    expect(resolveRole(map, "zoe@insurer.com", ["growth"])).toBe("marketing");
    expect(resolveRole(map, "zoe@insurer.com", [])).toBe("executive");
  });

  it("takes the first listed group when several match", () => {
    expect(resolveRole(map, "max@elsewhere.com", ["growth", "claims-team"])).toBe("investigator");
  });

  it("accepts a claim that carries a role name itself", () => {
    expect(resolveRole(map, "max@elsewhere.com", ["Marketing"])).toBe("marketing");
  });

  it("gives no role to an unknown identity unless there is a default", () => {
    expect(resolveRole(map, "max@elsewhere.com", ["other"])).toBeNull();
    expect(resolveRole(parseRoleMap("", "executive"), "max@elsewhere.com")).toBe("executive");
  });

  it.each([
    ["ana@insurer.com", "is not pattern=role"],
    ["ana@insurer.com=superuser", "role must be one of"],
    ["*@nodot=executive", "invalid domain"],
    ["group:=executive", "empty group"],
    ["not an email=executive", "pattern must be"],
  ])("refuses %s", (text, message) => {
    expect(() => parseRoleMap(text)).toThrow(message);
  });

  it("refuses an unknown default role", () => {
    expect(() => parseRoleMap("", "root")).toThrow("AUTH_DEFAULT_ROLE must be one of");
  });
});
