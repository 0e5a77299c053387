/**
 * Checks the layout spec runs inside the page (page.evaluate): each function is self-contained, since
 * Playwright sends its source to the browser, and returns plain data the spec asserts on.
 */

export interface TextProblem {
  text: string;
  /** Where: the nearest data-testid above the text and the element's tag and classes. */
  where: string;
  detail: string;
}

export interface ClipReport {
  /** Every visible text the check looked at, trimmed; the spec asserts the ones it expects are among them. */
  examined: string[];
  clipped: TextProblem[];
}

/**
 * Finds visible text that is cut off: a text whose box reaches past an ancestor (or itself) that hides overflow,
 * an ellipsis, a line clamp, or text that spills out of its panel or station. Scrolling containers are not
 * clipping (what they hide is reachable), and visually hidden text (for assistive technology) is skipped.
 */
export function findClippedText(rootSelector: string): ClipReport {
  const root = document.querySelector(rootSelector);
  if (!root) throw new Error(`no element matches ${rootSelector}`);
  const SLACK = 1;

  function describe(element: Element): string {
    const owner = element.closest("[data-testid]");
    const classes = typeof element.className === "string" ? element.className.split(/\s+/).filter(Boolean).join(".") : "";
    return `${owner ? `[${owner.getAttribute("data-testid")}] ` : ""}${element.tagName.toLowerCase()}${classes ? `.${classes}` : ""}`;
  }

  function isHiddenForSight(element: Element): boolean {
    // Not rendered, invisible, transparent or inside a closed <details>.
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return true;
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === "none" || style.visibility === "hidden" || Number(style.opacity) === 0) return true;
      // The visually-hidden pattern: a 1 px box that clips its text on purpose.
      const box = node.getBoundingClientRect();
      if ((box.width <= 1 || box.height <= 1) && (style.overflow !== "visible" || style.clipPath !== "none" || style.clip !== "auto")) {
        return true;
      }
    }
    return false;
  }

  const examined: string[] = [];
  const clipped: TextProblem[] = [];
  const elements = [root, ...root.querySelectorAll("*")];
  for (const element of elements) {
    if (element instanceof SVGElement) continue;
    const texts = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "");
    if (texts.length === 0 || element.getClientRects().length === 0 || isHiddenForSight(element)) continue;
    const text = texts
      .map((node) => node.textContent ?? "")
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    examined.push(text);

    // The union of the rectangles the text itself paints.
    const range = document.createRange();
    let left = Infinity;
    let right = -Infinity;
    let top = Infinity;
    let bottom = -Infinity;
    for (const node of texts) {
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 && rect.height === 0) continue;
        left = Math.min(left, rect.left);
        right = Math.max(right, rect.right);
        top = Math.min(top, rect.top);
        bottom = Math.max(bottom, rect.bottom);
      }
    }
    const report = (detail: string) => clipped.push({ text, where: describe(element), detail });

    const own = getComputedStyle(element);
    if (own.textOverflow === "ellipsis" && element.scrollWidth > element.clientWidth) {
      report(`ellipsis: ${element.scrollWidth} > ${element.clientWidth} px`);
      continue;
    }
    if (own.webkitLineClamp !== "none" && element.scrollHeight > element.clientHeight) {
      report(`line clamp: ${element.scrollHeight} > ${element.clientHeight} px`);
      continue;
    }
    for (let node: Element | null = element; node && node !== document.documentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      // What a scrolling box hides is reachable, and beyond it the text's position says nothing.
      if (["auto", "scroll"].includes(style.overflowX) || ["auto", "scroll"].includes(style.overflowY)) break;
      const box = node.getBoundingClientRect();
      const padLeft = box.left + node.clientLeft;
      const padTop = box.top + node.clientTop;
      const clipsX = style.overflowX === "hidden" || style.overflowX === "clip";
      const clipsY = style.overflowY === "hidden" || style.overflowY === "clip";
      if (clipsX && (left < padLeft - SLACK || right > padLeft + node.clientWidth + SLACK)) {
        report(
          `cut left-right by ${describe(node)}: text ${Math.round(left)}–${Math.round(right)}, box ${Math.round(padLeft)}–${Math.round(padLeft + node.clientWidth)}`,
        );
        break;
      }
      if (clipsY && (top < padTop - SLACK || bottom > padTop + node.clientHeight + SLACK)) {
        report(
          `cut top-bottom by ${describe(node)}: text ${Math.round(top)}–${Math.round(bottom)}, box ${Math.round(padTop)}–${Math.round(padTop + node.clientHeight)}`,
        );
        break;
      }
      // Text that spills out of its panel or station reads as broken even where nothing hides it.
      if (node !== element && (node.matches("section, article") || node === root)) {
        if (left < box.left - SLACK || right > box.right + SLACK || top < box.top - SLACK || bottom > box.bottom + SLACK) {
          report(`spills out of ${describe(node)}`);
        }
        break;
      }
    }
  }
  return { examined, clipped };
}

export interface ContrastFinding {
  text: string;
  where: string;
  ratio: number;
  color: string;
  background: string;
}

export interface ContrastReport {
  examined: number;
  /** Every examined text below the minimum, worst first. */
  failures: ContrastFinding[];
  lowest: ContrastFinding | null;
}

/**
 * WCAG contrast of every visible text under the root (HTML and SVG) against what is painted behind it:
 * the background colours and gradient stops of its ancestors, composited in order (a gradient counts at its
 * worst stop), with the text's own alpha and the opacity of its ancestors applied.
 */
export function measureTextContrast({ rootSelector, minimum }: { rootSelector: string; minimum: number }): ContrastReport {
  const root = document.querySelector(rootSelector);
  if (!root) throw new Error(`no element matches ${rootSelector}`);
  type Rgba = [number, number, number, number];

  const probe = document.createElement("canvas").getContext("2d");
  if (!probe) throw new Error("no 2D canvas to read colours with");
  function parse(color: string): Rgba | null {
    if (color === "transparent" || color === "none" || color === "") return null;
    const match = /^rgba?\(([^)]+)\)$/.exec(color.trim());
    if (match) {
      const parts = (match[1] ?? "")
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    }
    // Any other syntax (a keyword, color(srgb …)): let the canvas normalise it.
    probe!.fillStyle = "#000";
    probe!.fillStyle = color;
    const normalised = String(probe!.fillStyle);
    if (normalised.startsWith("#")) {
      const hex = normalised.slice(1);
      return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16), 1];
    }
    return normalised === color ? null : parse(normalised);
  }
  function over(top: Rgba, bottom: Rgba): Rgba {
    const alpha = top[3];
    return [
      top[0] * alpha + bottom[0] * (1 - alpha),
      top[1] * alpha + bottom[1] * (1 - alpha),
      top[2] * alpha + bottom[2] * (1 - alpha),
      1,
    ];
  }
  function luminance([r, g, b]: Rgba): number {
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }
  function contrast(a: Rgba, b: Rgba): number {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  }
  function css([r, g, b, a]: Rgba): string {
    return `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${Math.round(a * 100) / 100})`;
  }
  function describe(element: Element): string {
    const owner = element.closest("[data-testid]");
    const classes = typeof element.className === "string" ? element.className.split(/\s+/).filter(Boolean).join(".") : "";
    return `${owner ? `[${owner.getAttribute("data-testid")}] ` : ""}${element.tagName.toLowerCase()}${classes ? `.${classes}` : ""}`;
  }

  /** The colours that can be behind an element: each layer composited over the ones under it, gradients at every stop. */
  function backgroundsBehind(element: Element): Rgba[] {
    const layers: Element[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) layers.push(node);
    let candidates: Rgba[] = [[255, 255, 255, 1]];
    for (const layer of layers.reverse()) {
      const style = getComputedStyle(layer);
      const color = parse(style.backgroundColor);
      if (color) candidates = candidates.map((under) => over(color, under));
      const stops = style.backgroundImage.includes("gradient")
        ? (style.backgroundImage.match(/rgba?\([^)]+\)/g) ?? []).map(parse).filter((stop): stop is Rgba => stop !== null)
        : [];
      if (stops.length > 0) candidates = candidates.flatMap((under) => [under, ...stops.map((stop) => over(stop, under))]);
      // Only distinct colours matter; gradients on gradients would multiply them for nothing.
      candidates = [...new Map(candidates.map((c) => [c.map(Math.round).join(","), c])).values()].slice(0, 24);
    }
    return candidates;
  }

  let examined = 0;
  const findings: ContrastFinding[] = [];
  for (const element of [root, ...root.querySelectorAll("*")]) {
    const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "");
    if (!hasText || element.getClientRects().length === 0) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;
    if (!element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
    let opacity = 1;
    let hidden = false;
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === "none" || style.visibility === "hidden") hidden = true;
      opacity *= Number(style.opacity);
    }
    // Invisible text is not read, and a disabled control is exempt from the contrast minimum (WCAG 1.4.3).
    if (hidden || opacity === 0 || element.closest(":disabled, [aria-disabled='true']")) continue;
    const style = getComputedStyle(element);
    const ink = parse(element instanceof SVGElement ? style.fill : style.color);
    if (!ink) continue;
    examined += 1;
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
    const faded: Rgba = [ink[0], ink[1], ink[2], ink[3] * opacity];
    const svg = element instanceof SVGElement ? element.closest("svg")?.parentElement : null;
    let worst: ContrastFinding | null = null;
    for (const background of backgroundsBehind(svg ?? element)) {
      const ratio = contrast(over(faded, background), background);
      if (!worst || ratio < worst.ratio) {
        worst = { text, where: describe(element), ratio: Math.round(ratio * 100) / 100, color: css(faded), background: css(background) };
      }
    }
    if (worst) findings.push(worst);
  }
  findings.sort((a, b) => a.ratio - b.ratio);
  return { examined, failures: findings.filter((finding) => finding.ratio < minimum), lowest: findings[0] ?? null };
}
