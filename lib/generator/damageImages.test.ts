import { describe, it, expect } from "vitest";
import { SEVERITY_LEVELS, damageImageSvg, type Severity } from "./damageImages";

const TAG = /<(\/?)([A-Za-z][\w:-]*)(?:\s[^<>]*?)?(\/?)>/g;

// Not a full XML parser: enough to catch an unclosed or mismatched element, which is the
// mistake string building makes.
function unbalancedTags(svg: string): string[] {
  const open: string[] = [];
  const problems: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(TAG)) {
    if (selfClosing) continue;
    if (!closing) {
      open.push(name);
      continue;
    }
    const top = open.pop();
    if (top !== name) problems.push(`</${name}> closes <${top ?? "nothing"}>`);
  }
  return [...problems, ...open.map((name) => `<${name}> never closed`)];
}

function damageMarks(svg: string): string[] {
  return [...svg.matchAll(/data-damage="([^"]+)"/g)].map((match) => match[1]);
}

describe("damageImageSvg", () => {
  it.each(SEVERITY_LEVELS)("%s is a well-formed standalone SVG document", (severity) => {
    const svg = damageImageSvg(severity);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(unbalancedTags(svg)).toEqual([]);
    const opening = svg.slice(0, svg.indexOf(">") + 1);
    expect(opening).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(opening).toContain('width="640"');
    expect(opening).toContain('height="400"');
    expect(opening).toContain('viewBox="0 0 640 400"');
    expect(opening).toContain('role="img"');
    expect(svg).toMatch(new RegExp(`<title[^>]*>[^<]*${severity}[^<]*</title>`));
  });

  it.each(SEVERITY_LEVELS)("%s carries the illustrative caption", (severity) => {
    const svg = damageImageSvg(severity);
    expect(svg).toMatch(new RegExp(`<text[^>]*>ILLUSTRATIVE IMAGE - ${severity} - not a real photo</text>`));
  });

  it("draws strictly more damage marks at each higher severity", () => {
    const counts = SEVERITY_LEVELS.map((severity) => damageMarks(damageImageSvg(severity)).length);
    expect(counts[0]).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < counts.length; i++) {
      expect(counts[i]).toBeGreaterThan(counts[i - 1]);
    }
  });

  it("draws the damage each severity describes", () => {
    const kinds = (severity: Severity) => new Set(damageMarks(damageImageSvg(severity)));
    expect([...kinds("Trivial Damage")]).toEqual(["scratch"]);
    expect(kinds("Minor Damage")).toEqual(new Set(["dent", "crease", "scratch"]));
    for (const kind of ["crumple", "crack", "broken-light", "detached-bumper", "dent"]) {
      expect(kinds("Major Damage")).toContain(kind);
    }
    for (const kind of ["crumple", "crack", "glass-hole", "detached-wheel", "exposed-hub", "smoke"]) {
      expect(kinds("Total Loss")).toContain(kind);
    }
  });

  it("returns the same bytes for the same severity", () => {
    for (const severity of SEVERITY_LEVELS) {
      expect(damageImageSvg(severity)).toBe(damageImageSvg(severity));
    }
    expect(new Set(SEVERITY_LEVELS.map(damageImageSvg)).size).toBe(SEVERITY_LEVELS.length);
  });

  it.each(SEVERITY_LEVELS)("%s is self-contained", (severity) => {
    const svg = damageImageSvg(severity);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/href=/i);
    expect(svg).not.toMatch(/<(image|foreignObject|style)\b/i);
    expect(svg).not.toMatch(/\son[a-z]+=/i);
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', "")).not.toMatch(/https?:|\/\//);
    expect([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1])).toEqual(["system-ui, sans-serif"]);

    const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const references = [...svg.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference.startsWith("#")).toBe(true);
      expect(ids).toContain(reference.slice(1));
    }
  });

  it("keeps ids distinct between severities so several images can share one page", () => {
    const idsOf = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    const all = SEVERITY_LEVELS.flatMap((severity) => idsOf(damageImageSvg(severity)));
    expect(new Set(all).size).toBe(all.length);
  });

  it("rejects a severity outside the known levels", () => {
    expect(() => damageImageSvg("Cosmetic" as Severity)).toThrow(/Cosmetic/);
  });
});
