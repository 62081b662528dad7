import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Every page here renders per request (session, role, warehouse), so a prefetched link is a server render
// nobody asked for: after hydration the header and home cards alone cost six, and on a small machine they
// held up a dashboard's own API call by over a second. Each <Link> must state its prefetch explicitly.
const root = fileURLToPath(new URL("..", import.meta.url));
const scanned = ["components", "app"];

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/** Each `<Link ...>` opening tag (up to the first `>` outside a `{...}` expression) and the line it starts on. */
function linkOpeningTags(source: string): { line: number; tag: string }[] {
  const tags: { line: number; tag: string }[] = [];
  for (const match of source.matchAll(/<Link(?=[\s>])/g)) {
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < source.length; end++) {
      const char = source[end];
      if (char === "{") depth++;
      else if (char === "}") depth--;
      else if (char === ">" && depth === 0) break;
    }
    tags.push({ line: source.slice(0, match.index).split("\n").length, tag: source.slice(match.index, end + 1) });
  }
  return tags;
}

describe("next/link prefetching", () => {
  it("finds each opening tag, across lines and past arrows inside expressions", () => {
    const source = 'const a = <LinkIcon />;\n<Link\n  href={f((x) => x)}\n  prefetch={false}\n>\n  Go\n</Link>\n<Link href="/">Home</Link>';
    expect(linkOpeningTags(source)).toEqual([
      { line: 2, tag: "<Link\n  href={f((x) => x)}\n  prefetch={false}\n>" },
      { line: 8, tag: '<Link href="/">' },
    ]);
  });

  it("every <Link> in components/ and app/ sets prefetch", () => {
    const files = scanned.flatMap((dir) => tsxFiles(path.join(root, dir)));
    const linkCount = files.reduce((count, file) => count + linkOpeningTags(fs.readFileSync(file, "utf8")).length, 0);
    expect(linkCount).toBeGreaterThan(10);
    const missing = files.flatMap((file) =>
      linkOpeningTags(fs.readFileSync(file, "utf8"))
        .filter(({ tag }) => !/\sprefetch=/.test(tag))
        .map(({ line }) => `${path.relative(root, file)}:${line}`),
    );
    expect(missing, "<Link> without an explicit prefetch (prefetch={false} unless prefetching that page is cheap)").toEqual([]);
  });
});
