/**
 * The run palette (src/webview/palette.ts): ten colours from d3-scale-chromatic's Tableau10,
 * readable on VS Code's light, dark and high-contrast backgrounds, kept apart for colour-blind eyes
 * where ten colours can be (simulated with Machado et al. 2009).
 */
import { strict as assert } from 'node:assert';
import { schemeTableau10 } from 'd3-scale-chromatic';
import {
  CATEGORICAL,
  contrastRatio,
  deltaE,
  parseHex,
  readableOn,
  runDash,
  samePaletteEntry,
  seriesColors,
  type RGB,
} from '../../../src/webview/palette';

const BACKGROUNDS: Record<string, RGB> = {
  light: [255, 255, 255],
  dark: [30, 30, 30],
  darkModern: [31, 31, 31],
  highContrast: [0, 0, 0],
};

/** Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB. */
const CVD: Record<string, number[][]> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const enc = (c: number) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const simulate = (rgb: RGB, m: number[][]): RGB => {
  const l = rgb.map(lin);
  return m.map((row) => Math.round(enc(Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2]))))) as RGB;
};

/** The palette on each background, as the panel draws it. */
const THEMED = Object.fromEntries(Object.entries(BACKGROUNDS).map(([name, bg]) => [name, seriesColors(bg)]));
const hue = (rgb: RGB) => {
  const [r, g, b] = rgb.map((v) => v / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};

describe('run palette', () => {
  it('ten colours, all different: Tableau10, green a little darker, pink last', () => {
    assert.equal(CATEGORICAL.length, 10);
    assert.equal(new Set(CATEGORICAL).size, 10);
    assert.deepEqual(
      [...CATEGORICAL].filter((_, i) => i !== 4),
      [0, 1, 2, 3, 5, 6, 8, 9, 7].map((i) => schemeTableau10[i]),
    );
    assert.ok(deltaE(parseHex(CATEGORICAL[4]), parseHex(schemeTableau10[4])) < 10);
    assert.equal(CATEGORICAL[9], schemeTableau10[7], 'pink last');
  });

  for (const [name, bg] of Object.entries(BACKGROUNDS)) {
    it(`on the ${name} background: every colour at least 3:1 (WCAG 1.4.11), its hue kept, every pair ≥ 19 ΔE apart`, () => {
      const colors = THEMED[name];
      colors.forEach((c, i) => {
        assert.ok(contrastRatio(parseHex(c), bg) >= 3, `${c} on ${bg}: ${contrastRatio(parseHex(c), bg)}`);
        const turn = Math.abs(hue(parseHex(c)) - hue(parseHex(CATEGORICAL[i])));
        assert.ok(Math.min(turn, 360 - turn) < 12, `${CATEGORICAL[i]} → ${c} changed hue by ${turn}°`);
      });
      for (let i = 0; i < 10; i++)
        for (let j = i + 1; j < 10; j++) {
          const d = deltaE(parseHex(colors[i]), parseHex(colors[j]));
          assert.ok(d >= 19, `${colors[i]} / ${colors[j]}: ${d.toFixed(1)}`);
        }
    });
  }

  it('dark and high-contrast backgrounds draw Tableau10 as published (but the green)', () => {
    assert.deepEqual(THEMED.dark, [...CATEGORICAL]);
    assert.deepEqual(THEMED.highContrast, [...CATEGORICAL]);
  });

  for (const [name, m] of Object.entries(CVD)) {
    it(`${name}: the first four colours stay clearly apart on every background`, () => {
      for (const colors of Object.values(THEMED)) {
        const seen = colors.map((c) => simulate(parseHex(c), m));
        for (let i = 0; i < 4; i++)
          for (let j = i + 1; j < 4; j++) {
            const d = deltaE(seen[i], seen[j]);
            assert.ok(d >= 12, `${colors[i]} / ${colors[j]}: ${d.toFixed(1)}`);
          }
      }
    });
  }

  it('deuteranopia: red and green differ in lightness (Tableau10 as published: 0.9 ΔE apart)', () => {
    const published = deltaE(
      simulate(parseHex(schemeTableau10[2]), CVD.deuteranopia),
      simulate(parseHex(schemeTableau10[4]), CVD.deuteranopia),
    );
    assert.ok(published < 2, String(published));
    for (const colors of Object.values(THEMED)) {
      const d = deltaE(simulate(parseHex(colors[2]), CVD.deuteranopia), simulate(parseHex(colors[4]), CVD.deuteranopia));
      assert.ok(d >= 8, `${colors[2]} / ${colors[4]}: ${d.toFixed(1)}`);
    }
  });

  it('a theme change keeps each run on its palette entry', () => {
    THEMED.light.forEach((c, i) => assert.equal(samePaletteEntry(c, THEMED.dark), THEMED.dark[i]));
    THEMED.dark.forEach((c, i) => assert.equal(samePaletteEntry(c, THEMED.light), THEMED.light[i]));
    assert.equal(samePaletteEntry('currentColor', THEMED.light), 'currentColor');
  });

  it('a background the palette does not suit gets each colour moved to 3:1', () => {
    const grey: RGB = [128, 128, 128];
    for (const c of seriesColors(grey)) assert.ok(contrastRatio(parseHex(c), grey) >= 3 - 1e-9, c);
    assert.equal(readableOn('#4e79a7', [255, 255, 255]), '#4e79a7', 'a colour that reads is left alone');
  });

  it('dashes from the eleventh run on: twelve restarts never share a look', () => {
    for (let i = 0; i < 10; i++) assert.equal(runDash(i), undefined);
    assert.ok(runDash(10) && runDash(11));
    assert.notDeepEqual(runDash(10), runDash(20));
  });
});
