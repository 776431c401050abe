// WCAG contrast between two #rrggbb colours (1 to 21): the Sites page warns when white text on a
// site's bubble colour would be hard to read.

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Normal-size text needs 4.5:1 (WCAG AA); the bubble's label is normal-size. */
export const MIN_TEXT_CONTRAST = 4.5;
