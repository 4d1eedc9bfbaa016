/**
 * Text on the accent colour when a host sets `--todo-assistant-accent` without
 * `--todo-assistant-accent-foreground`: white or near-black, whichever contrasts more (WCAG relative luminance).
 * A site that brands the assistant with one colour gets readable buttons in both themes (the dark theme's
 * default dark text on a dark brand colour read at ~3:1).
 */
const LIGHT = '#ffffff';
const DARK = '#0b1020';

function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** For a computed `rgb()`/`rgba()` colour; null for anything else (left to the theme's default). */
export function readableOn(computed: string): string | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(computed);
  if (!m) return null;
  const l = luminance(Number(m[1]), Number(m[2]), Number(m[3]));
  const darkText = luminance(0x0b, 0x10, 0x20);
  return 1.05 / (l + 0.05) >= (l + 0.05) / (darkText + 0.05) ? LIGHT : DARK;
}
