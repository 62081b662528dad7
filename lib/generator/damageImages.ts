// The demo data has no real damage photos, so each claim gets a drawing of a car whose
// damage matches the claim's severity. The caption says plainly that it is a drawing, so
// nobody looking at a case page mistakes it for evidence.

export const SEVERITY_LEVELS = ["Trivial Damage", "Minor Damage", "Major Damage", "Total Loss"] as const;
export type Severity = (typeof SEVERITY_LEVELS)[number];

const WIDTH = 640;
const HEIGHT = 400;
const CAPTION_TOP = 350;
const GROUND_Y = 324;
const REAR_WHEEL = { x: 190, y: 288 };
const FRONT_WHEEL = { x: 450, y: 288 };
const WHEEL_RADIUS = 36;

const COLORS = {
  paintStroke: "#4f5a63",
  glassStroke: "#56626c",
  interior: "#3a434b",
  tyre: "#25292d",
  scratch: "#7f1d1d",
  scrape: "#c2560f",
  crease: "#3f464d",
  crack: "#2f363c",
  shatter: "#f4f7f9",
  smoke: "#6b7176",
} as const;

type Attrs = Record<string, string | number>;
type Point = readonly [number, number];

// One decimal is far below what shows at display size, and rounding keeps the output
// identical across runs no matter how the floating point arithmetic lands.
function num(value: number): string {
  return String(Number(value.toFixed(1)));
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function attrs(values: Attrs): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${typeof value === "number" ? num(value) : escapeXml(value)}"`)
    .join("");
}

function el(tag: string, values: Attrs, children?: string): string {
  return children === undefined ? `<${tag}${attrs(values)}/>` : `<${tag}${attrs(values)}>${children}</${tag}>`;
}

function polyline(points: readonly Point[], close = false): string {
  const d = points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${num(x)} ${num(y)}`).join(" ");
  return close ? `${d} Z` : d;
}

// The marks are generated from a fixed seed per severity: they look irregular like real
// cracks while every render of a severity stays byte-identical.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CarShape {
  body: string;
  rearWindow: string;
  frontWindow: string;
  headlight: string | null;
  taillight: string | null;
  doorSeams: string;
}

const INTACT: CarShape = {
  body:
    "M84 274 L82 238 Q82 214 108 210 L206 203 L244 156 Q252 147 268 146 L372 146 Q388 147 398 155 " +
    "L448 201 L528 210 Q556 215 560 238 L562 268 Q562 282 548 282 L492 282 A42 42 0 0 0 408 282 " +
    "L232 282 A42 42 0 0 0 148 282 L96 282 Q84 282 84 274 Z",
  rearWindow: "M216 201 L249 161 Q255 155 266 155 L312 155 L312 201 Z",
  frontWindow: "M324 201 L324 155 L366 155 Q380 156 390 163 L428 201 Z",
  headlight: "M530 215 Q551 218 557 232 L538 232 Q531 226 530 215 Z",
  taillight: "M83 222 L83 238 L96 238 Q97 224 106 213 Q88 215 83 222 Z",
  doorSeams: "M318 204 L318 280 M212 206 Q222 242 234 272 M436 206 Q441 242 432 278",
};

const FRONT_CRUMPLED: CarShape = {
  ...INTACT,
  body:
    "M84 274 L82 238 Q82 214 108 210 L206 203 L244 156 Q252 147 268 146 L372 146 Q388 147 398 155 " +
    "L446 200 L466 195 L486 181 L502 192 L514 195 L524 206 L529 222 L522 236 L530 250 " +
    "L525 264 L530 276 L518 282 L492 282 A42 42 0 0 0 408 282 " +
    "L232 282 A42 42 0 0 0 148 282 L96 282 Q84 282 84 274 Z",
  headlight: null,
  doorSeams: "M318 204 L318 280 M212 206 Q222 242 234 272 M436 206 L442 226 L434 244 L440 262 L432 278",
};

const CRUSHED: CarShape = {
  body:
    "M116 276 L106 262 L114 250 L100 238 L112 226 L104 216 L122 209 L206 204 L246 164 " +
    "L272 157 L298 176 L322 168 L348 183 L374 165 L398 170 L444 205 L462 199 L474 182 " +
    "L488 195 L498 180 L512 204 L504 218 L516 232 L503 246 L514 259 L502 274 L492 282 " +
    "A42 42 0 0 0 408 282 L232 282 A42 42 0 0 0 148 282 L124 282 Z",
  rearWindow: "M216 202 L250 167 L272 162 L297 182 L312 177 L312 202 Z",
  frontWindow: "M324 202 L324 176 L348 190 L374 172 L394 176 L430 204 Z",
  headlight: null,
  taillight: null,
  doorSeams:
    "M318 186 L322 214 L314 240 L320 280 M212 206 L226 236 L218 252 L234 272 " +
    "M436 208 L446 230 L432 250 L440 278",
};

function defs(shape: CarShape): string {
  return el(
    "defs",
    {},
    el(
      "linearGradient",
      { id: "sky", x1: 0, y1: 0, x2: 0, y2: 1 },
      el("stop", { offset: 0, "stop-color": "#f6f8fa" }) + el("stop", { offset: 1, "stop-color": "#e4e9ed" }),
    ) +
      el(
        "linearGradient",
        { id: "paint", x1: 0, y1: 0, x2: 0, y2: 1 },
        el("stop", { offset: 0, "stop-color": "#dde2e7" }) +
          el("stop", { offset: 0.45, "stop-color": "#c3cbd2" }) +
          el("stop", { offset: 1, "stop-color": "#9ba6b0" }),
      ) +
      el(
        "linearGradient",
        { id: "glass", x1: 0, y1: 0, x2: 1, y2: 1 },
        el("stop", { offset: 0, "stop-color": "#e4edf3" }) + el("stop", { offset: 1, "stop-color": "#a9bac7" }),
      ) +
      el(
        "radialGradient",
        { id: "rim", cx: 0.4, cy: 0.35, r: 0.7 },
        el("stop", { offset: 0, "stop-color": "#eef1f3" }) + el("stop", { offset: 1, "stop-color": "#8e98a1" }),
      ) +
      el(
        "radialGradient",
        { id: "dent" },
        el("stop", { offset: 0, "stop-color": "#2f363c", "stop-opacity": 0.55 }) +
          el("stop", { offset: 0.6, "stop-color": "#4f5a63", "stop-opacity": 0.25 }) +
          el("stop", { offset: 1, "stop-color": "#4f5a63", "stop-opacity": 0 }),
      ) +
      el(
        "radialGradient",
        { id: "scorch" },
        el("stop", { offset: 0, "stop-color": "#1d1f21", "stop-opacity": 0.8 }) +
          el("stop", { offset: 1, "stop-color": "#3a3431", "stop-opacity": 0 }),
      ) +
      el("filter", { id: "soften", x: -0.5, y: -0.5, width: 2, height: 2 }, el("feGaussianBlur", { stdDeviation: 3 })) +
      el("clipPath", { id: "body-clip" }, el("path", { d: shape.body })) +
      el("clipPath", { id: "rear-glass-clip" }, el("path", { d: shape.rearWindow })) +
      el("clipPath", { id: "front-glass-clip" }, el("path", { d: shape.frontWindow })),
  );
}

function scene(): string {
  return (
    el("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: "url(#sky)" }) +
    el("rect", { x: 0, y: 300, width: WIDTH, height: CAPTION_TOP - 300, fill: "#d8dde2" }) +
    el("line", { x1: 0, y1: 300, x2: WIDTH, y2: 300, stroke: "#c3c9cf", "stroke-width": 1.5 })
  );
}

function shadow(): string {
  return el("ellipse", { cx: 322, cy: GROUND_Y + 2, rx: 258, ry: 9, fill: "#000", opacity: 0.16 });
}

function wheel(cx: number, cy: number, flat = false): string {
  const rx = flat ? WHEEL_RADIUS + 4 : WHEEL_RADIUS;
  const ry = flat ? WHEEL_RADIUS - 6 : WHEEL_RADIUS;
  const centerY = flat ? cy + 6 : cy;
  const holes = [0, 1, 2, 3, 4]
    .map((i) => {
      const angle = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
      return el("circle", {
        cx: cx + Math.cos(angle) * 13,
        cy: centerY + Math.sin(angle) * 13,
        r: 4.5,
        fill: "#5d666e",
      });
    })
    .join("");
  return el(
    "g",
    {},
    el("ellipse", { cx, cy: centerY, rx, ry, fill: COLORS.tyre }) +
      el("circle", { cx, cy: centerY, r: 22, fill: "url(#rim)", stroke: "#6c757d", "stroke-width": 1.5 }) +
      holes +
      el("circle", { cx, cy: centerY, r: 5, fill: "#4a525a" }),
  );
}

function outlined(d: string, fill: string, stroke: string, width: number): string {
  return el("path", { d, fill, stroke, "stroke-width": width, "stroke-linejoin": "round" });
}

function car(shape: CarShape): string {
  const lights =
    (shape.headlight
      ? el("path", { d: shape.headlight, fill: "#f7f5ea", stroke: COLORS.paintStroke, "stroke-width": 1.5 }) +
        el("rect", { x: 547, y: 236, width: 11, height: 6, rx: 2, fill: "#e8a33d" })
      : "") +
    (shape.taillight
      ? el("path", { d: shape.taillight, fill: "#b3262b", stroke: COLORS.paintStroke, "stroke-width": 1.5 })
      : "");
  return (
    el("path", { d: shape.body, fill: "url(#paint)" }) +
    // The darker lower band reads as bumpers and sills without separate shapes, and the
    // clip keeps it following the body outline once the body is crushed.
    el(
      "g",
      { "clip-path": "url(#body-clip)" },
      el("rect", { x: 60, y: 262, width: 520, height: 30, fill: "#7b858e" }) +
        el("path", { d: "M92 231 L552 236", stroke: "#eef1f4", "stroke-width": 2, fill: "none", opacity: 0.8 }),
    ) +
    outlined(shape.body, "none", COLORS.paintStroke, 2.5) +
    outlined(shape.rearWindow, "url(#glass)", COLORS.glassStroke, 2) +
    outlined(shape.frontWindow, "url(#glass)", COLORS.glassStroke, 2) +
    el("path", { d: shape.doorSeams, fill: "none", stroke: COLORS.paintStroke, "stroke-width": 1.5, opacity: 0.8 }) +
    el("rect", { x: 282, y: 214, width: 22, height: 5, rx: 2.5, fill: "#6c757d" }) +
    el("rect", { x: 390, y: 214, width: 22, height: 5, rx: 2.5, fill: "#6c757d" }) +
    outlined("M430 188 L446 184 L452 198 L436 201 Z", "#8a949d", COLORS.paintStroke, 1.5) +
    lights
  );
}

function mark(kind: string, tag: string, values: Attrs, children?: string): string {
  return el(tag, { "data-damage": kind, ...values }, children);
}

function shard(kind: string, d: string, fill: string): string {
  return mark(kind, "path", { d, fill, stroke: COLORS.crease, "stroke-width": 0.6 });
}

function scratch(d: string, color: string = COLORS.scratch, width = 2.2): string {
  return mark("scratch", "path", { d, fill: "none", stroke: color, "stroke-width": width, "stroke-linecap": "round" });
}

function crease(d: string, width = 2): string {
  return mark("crease", "path", {
    d,
    fill: "none",
    stroke: COLORS.crease,
    "stroke-width": width,
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
  });
}

// A shadowed hollow alone reads as a smudge; the lit lower rim is what makes it a dent.
function dent(cx: number, cy: number, rx: number, ry: number): string {
  return mark(
    "dent",
    "g",
    {},
    el("ellipse", { cx, cy, rx, ry, fill: "url(#dent)" }) +
      el("path", {
        d:
          `M${num(cx - rx * 0.8)} ${num(cy + ry * 0.35)} ` +
          `Q${num(cx)} ${num(cy + ry * 1.05)} ${num(cx + rx * 0.8)} ${num(cy + ry * 0.35)}`,
        fill: "none",
        stroke: "#f4f6f8",
        "stroke-width": 2,
        "stroke-linecap": "round",
        opacity: 0.85,
      }),
  );
}

// Accordion folds: alternating lit and shadowed strips between zigzag fold lines, the way
// a crushed panel catches the light.
function folds(
  rng: () => number,
  xs: readonly number[],
  yTop: number,
  yBottom: number,
  rows: number,
  amplitude: number,
): string[] {
  const rowHeight = (yBottom - yTop) / rows;
  const lines = xs.map((x) => {
    const depth = amplitude * (0.5 + rng());
    return Array.from({ length: rows + 1 }, (_, j): Point => {
      const side = j % 2 === 0 ? -1 : 1;
      const y = j === 0 || j === rows ? yTop + rowHeight * j : yTop + rowHeight * (j + (rng() - 0.5) * 0.7);
      return [x + side * depth * (0.6 + rng() * 0.6), y];
    });
  });
  const strips: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const outline = [...lines[i], ...[...lines[i + 1]].reverse()];
    const lit = i % 2 === 0;
    strips.push(
      mark("crumple", "path", {
        d: polyline(outline, true),
        fill: lit ? "#f4f6f8" : "#3f464d",
        opacity: (lit ? 0.25 : 0.16) + rng() * 0.15,
        stroke: COLORS.crease,
        "stroke-width": 1,
        "stroke-opacity": 0.7,
        "stroke-linejoin": "round",
      }),
    );
  }
  return strips;
}

// Parallel scuffs where the paint was dragged along something, down to the primer.
function abrasion(x: number, y: number, length: number, count: number, slope = -0.08): string {
  return Array.from({ length: count }, (_, i) => {
    const x0 = x + (i % 2) * 4;
    const y0 = y + i * 4;
    const len = length - (i % 3) * 6;
    return scratch(`M${num(x0)} ${num(y0)} L${num(x0 + len)} ${num(y0 + len * slope)}`, COLORS.scrape, 1.8);
  }).join("");
}

// Investigators see the image at half size, so the small marks get a ring that points the
// eye at them; the ring is not damage and is deliberately left uncounted.
function highlight(cx: number, cy: number, rx: number, ry: number): string {
  return el("ellipse", {
    "data-annotation": "damage-area",
    cx,
    cy,
    rx,
    ry,
    fill: "none",
    stroke: COLORS.scrape,
    "stroke-width": 2,
    "stroke-dasharray": "6 5",
    opacity: 0.9,
  });
}

function crackWeb(
  rng: () => number,
  center: Point,
  rays: number,
  reach: number,
  color: string,
  width: number,
): string[] {
  const [cx, cy] = center;
  const tips: Point[][] = [];
  const marks: string[] = [];
  for (let i = 0; i < rays; i++) {
    const angle = ((i + rng() * 0.6) / rays) * 2 * Math.PI;
    const length = reach * (0.55 + rng() * 0.45);
    const points: Point[] = [[cx, cy]];
    for (let step = 1; step <= 3; step++) {
      const r = (length * step) / 3;
      const wobble = (rng() - 0.5) * 0.25;
      points.push([cx + Math.cos(angle + wobble) * r, cy + Math.sin(angle + wobble) * r]);
    }
    tips.push(points);
    marks.push(
      mark("crack", "path", {
        d: polyline(points),
        fill: "none",
        stroke: color,
        "stroke-width": width,
        "stroke-linecap": "round",
      }),
    );
  }
  for (let i = 0; i < rays; i++) {
    const a = tips[i][1];
    const b = tips[(i + 1) % rays][1];
    marks.push(
      mark("crack", "path", { d: polyline([a, b]), fill: "none", stroke: color, "stroke-width": width * 0.8 }),
    );
  }
  return marks;
}

function trivialDamage(): string {
  return (
    scratch("M246 240 Q262 236 282 238") +
    scratch("M252 250 Q268 247 290 248", COLORS.scratch, 1.8) +
    highlight(268, 244, 36, 18)
  );
}

function minorDamage(): string {
  return (
    dent(378, 246, 32, 17) +
    crease("M358 240 Q378 232 398 242", 1.8) +
    crease("M364 254 Q380 258 394 251", 1.6) +
    scratch("M340 236 Q364 230 392 236") +
    scratch("M346 264 L384 258 L410 262") +
    scratch("M402 232 Q416 236 428 232", COLORS.scrape, 2) +
    highlight(380, 248, 56, 30)
  );
}

function majorDamage(): string {
  const rng = seededRandom(0x5eed03);
  const glass = crackWeb(rng, [396, 180], 8, 50, COLORS.crack, 1.6).join("");
  const crumple = folds(rng, [446, 458, 474, 485, 501, 515, 532], 180, 284, 4, 4).join("");
  return (
    el("g", { "clip-path": "url(#body-clip)" }, crumple) +
    el("g", { "clip-path": "url(#front-glass-clip)" }, glass) +
    // Empty headlight housing with what is left of the lens.
    mark("broken-light", "path", {
      d: "M511 207 L520 208 L527 213 L526 222 L528 229 L516 227 L513 219 Z",
      fill: "#4a525a",
      stroke: COLORS.crease,
      "stroke-width": 1.5,
    }) +
    mark("broken-light", "path", { d: "M513 209 L520 210 L516 216 Z", fill: "#e6e9e2", opacity: 0.9 }) +
    mark("broken-light", "path", { d: "M519 222 L526 225 L522 227 L517 226 Z", fill: "#e6e9e2", opacity: 0.9 }) +
    shard("broken-light", "M540 320 L547 315 L550 321 Z", "#e8a33d") +
    shard("broken-light", "M556 322 L562 318 L566 323 Z", "#f7f5ea") +
    shard("broken-light", "M528 324 L533 320 L536 325 Z", "#f7f5ea") +
    // Bumper cover torn loose at one end and hanging down to the road.
    mark("detached-bumper", "path", {
      d: "M508 268 L528 262 Q546 280 570 306 L562 316 Q538 296 508 280 Z",
      fill: "#737d86",
      stroke: COLORS.paintStroke,
      "stroke-width": 1.8,
      "stroke-linejoin": "round",
    }) +
    dent(390, 242, 40, 22) +
    crease("M360 234 Q390 222 420 236", 1.8) +
    crease("M440 212 Q430 236 442 262", 2) +
    scratch("M330 228 L372 222 L420 230") +
    scratch("M336 262 Q380 254 426 262") +
    abrasion(448, 246, 34, 3)
  );
}

interface DamageLayers {
  // Drawn before the body, so wheels and what hangs under the car stay behind the panels.
  underBody: string;
  onBody: string;
  // Pieces that have left the car and so do not tilt with it.
  loose: string;
}

function totalLossDamage(): DamageLayers {
  const rng = seededRandom(0x5eed04);
  const shatter = (center: Point, reach: number) => crackWeb(rng, center, 10, reach, COLORS.shatter, 1.4).join("");
  const crumpleFront = folds(rng, [440, 453, 469, 481, 497, 508, 524], 170, 284, 5, 5).join("");
  const crumpleRear = folds(rng, [96, 109, 125, 137, 153, 166], 200, 284, 4, 4).join("");
  const crumpleRoof = folds(rng, [256, 276, 296, 316, 336, 356, 376, 396], 150, 176, 2, 5).join("");
  const glassHole = (d: string) => mark("glass-hole", "path", { d, fill: COLORS.interior, opacity: 0.9 });
  const rearHole = glassHole("M268 168 L292 186 L300 201 L248 201 L258 182 Z");
  const frontHole = glassHole("M344 192 L372 178 L392 188 L402 201 L336 201 Z");
  const debris: string[] = [];
  for (let i = 0; i < 12; i++) {
    const x = 430 + rng() * 150;
    const y = GROUND_Y - 2 + rng() * 14;
    const s = 2.5 + rng() * 3;
    const outline: Point[] = [[x, y], [x + s, y - s * 0.6], [x + s * 1.4, y + s * 0.5]];
    debris.push(shard("debris", polyline(outline, true), i % 3 === 0 ? "#6f7982" : "#e4edf3"));
  }
  const smokePuffs: Array<[number, number, number, number]> = [
    [486, 204, 12, 0.6],
    [476, 188, 16, 0.55],
    [490, 168, 20, 0.5],
    [472, 144, 24, 0.45],
    [494, 118, 28, 0.4],
    [470, 90, 32, 0.35],
    [500, 66, 34, 0.3],
    [452, 58, 26, 0.25],
  ];
  const smoke = smokePuffs
    .map(([cx, cy, r, opacity]) => mark("smoke", "circle", { cx, cy, r, fill: COLORS.smoke, opacity }))
    .join("");
  const detachedWheel = mark(
    "detached-wheel",
    "g",
    { transform: "rotate(-12 592 292)" },
    el("ellipse", { cx: 592, cy: 292, rx: 24, ry: 33, fill: COLORS.tyre }) +
      el("ellipse", { cx: 596, cy: 292, rx: 14, ry: 20, fill: "url(#rim)", stroke: "#6c757d", "stroke-width": 1.2 }) +
      el("ellipse", { cx: 597, cy: 292, rx: 3.5, ry: 5, fill: "#4a525a" }),
  );
  const hub = { x: FRONT_WHEEL.x, y: FRONT_WHEEL.y + 2 };
  const exposedHub = mark(
    "exposed-hub",
    "g",
    {},
    el("circle", { cx: hub.x, cy: hub.y, r: 18, fill: "#70777e", stroke: COLORS.crease, "stroke-width": 2 }) +
      el("circle", { cx: hub.x, cy: hub.y, r: 7, fill: COLORS.crease }) +
      el("rect", { x: hub.x - 30, y: hub.y - 8, width: 24, height: 6, fill: "#4a525a" }),
  );
  return {
    underBody:
      mark("fluid-leak", "ellipse", { cx: 420, cy: 318, rx: 70, ry: 6, fill: "#2a2624", opacity: 0.45 }) +
      exposedHub +
      mark("flat-tyre", "g", {}, wheel(REAR_WHEEL.x, REAR_WHEEL.y, true)),
    onBody:
      el("g", { "clip-path": "url(#body-clip)" }, crumpleFront + crumpleRear + crumpleRoof) +
      el("g", { "clip-path": "url(#rear-glass-clip)" }, rearHole + shatter([262, 186], 44)) +
      el("g", { "clip-path": "url(#front-glass-clip)" }, frontHole + shatter([378, 192], 50)) +
      mark("scorch", "ellipse", { cx: 482, cy: 214, rx: 34, ry: 22, fill: "url(#scorch)" }) +
      mark("scorch", "ellipse", { cx: 500, cy: 248, rx: 20, ry: 18, fill: "url(#scorch)" }) +
      dent(272, 240, 42, 26) +
      dent(384, 240, 46, 28) +
      crease("M236 222 Q272 208 306 226", 2.2) +
      crease("M340 220 Q384 204 428 224", 2.2) +
      crease("M318 190 L326 214 L312 240", 2.4) +
      scratch("M230 226 L300 218 L360 230 L430 222") +
      scratch("M236 262 L320 254 L400 264 L440 256") +
      abrasion(250, 244, 40, 3) +
      abrasion(400, 250, 34, 3),
    loose: detachedWheel + debris.join("") + el("g", { filter: "url(#soften)" }, smoke),
  };
}

function damage(severity: Severity): DamageLayers {
  const intactWheels = wheel(REAR_WHEEL.x, REAR_WHEEL.y) + wheel(FRONT_WHEEL.x, FRONT_WHEEL.y);
  switch (severity) {
    case "Trivial Damage":
      return { underBody: intactWheels, onBody: trivialDamage(), loose: "" };
    case "Minor Damage":
      return { underBody: intactWheels, onBody: minorDamage(), loose: "" };
    case "Major Damage":
      return { underBody: intactWheels, onBody: majorDamage(), loose: "" };
    case "Total Loss":
      return totalLossDamage();
  }
}

function shapeFor(severity: Severity): CarShape {
  if (severity === "Total Loss") return CRUSHED;
  if (severity === "Major Damage") return FRONT_CRUMPLED;
  return INTACT;
}

function captionFor(severity: Severity): string {
  return `ILLUSTRATIVE IMAGE - ${severity} - not a real photo`;
}

function caption(severity: Severity): string {
  return (
    el("rect", { x: 0, y: CAPTION_TOP, width: WIDTH, height: HEIGHT - CAPTION_TOP, fill: "#1f2933" }) +
    el("rect", { x: 0, y: CAPTION_TOP, width: WIDTH, height: 3, fill: "#e8a33d" }) +
    el(
      "text",
      {
        x: WIDTH / 2,
        y: CAPTION_TOP + 33,
        "text-anchor": "middle",
        "font-family": "system-ui, sans-serif",
        "font-size": 18,
        "font-weight": 700,
        fill: "#ffffff",
      },
      escapeXml(captionFor(severity)),
    )
  );
}

// Several of these images can end up inlined in one HTML page, where ids are global: with
// shared ids every image would pick up the first image's clip paths and gradients.
function scopeIds(svg: string, scope: string): string {
  return svg.replace(/ id="/g, ` id="${scope}-`).replace(/url\(#/g, `url(#${scope}-`);
}

export function damageImageSvg(severity: Severity): string {
  if (!SEVERITY_LEVELS.includes(severity)) {
    throw new Error(`Unknown damage severity: ${String(severity)}`);
  }
  const scope = `damage-${severity.toLowerCase().replace(/ /g, "-")}`;
  const shape = shapeFor(severity);
  const layers = damage(severity);
  const vehicle = layers.underBody + car(shape) + layers.onBody;
  // A car that lost a front wheel rests nose-down on the bare hub.
  const placed = severity === "Total Loss" ? el("g", { transform: "rotate(3 190 300)" }, vehicle) : vehicle;
  const content =
    el("title", { id: "title" }, escapeXml(`${severity} (illustrative drawing)`)) +
    el("desc", { id: "desc" }, escapeXml(`Side view drawing of a car: ${severity}. Not a photograph.`)) +
    defs(shape) +
    scene() +
    shadow() +
    placed +
    layers.loose +
    caption(severity);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" ` +
    `viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${scope}-title ${scope}-desc">` +
    scopeIds(content, scope) +
    "</svg>"
  );
}
