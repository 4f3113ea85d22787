// Renders Slipway's icons from the SVG drawings below with Debian's Chromium, so the PNGs in
// build/ and resources/ are reproducible: `npx tsx build/render-icons.js`.
//  - build/icon.png (1024): electron-builder makes the .icns and .ico from it
//  - build/icons/NxN.png: Linux desktop icon sizes
//  - resources/icon.png (512): the window icon
//  - resources/tray/tray-{idle,working-0..3,error}[Template][@2x].png: tray icons, coloured
//    for Linux and Windows, black template images for macOS (the system tints them)
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The app icon: a ship's hull with three node containers on a launch ramp. */
const appIcon = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2f7bf0"/><stop offset="1" stop-color="#0b3d91"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="480" height="480" rx="108" fill="url(#sky)"/>
  <path d="M64 424 L448 312" stroke="#cfe0ff" stroke-width="22" stroke-linecap="round"/>
  <g transform="rotate(-16.3 256 330)">
    <path d="M120 300 H392 L356 370 H156 Z" fill="#ffffff"/>
    <rect x="160" y="236" width="56" height="56" rx="8" fill="#7fb0ff"/>
    <rect x="228" y="236" width="56" height="56" rx="8" fill="#ffffff"/>
    <rect x="296" y="236" width="56" height="56" rx="8" fill="#7fb0ff"/>
  </g>
</svg>`;

/** The tray glyph on a 16-unit grid; `shift` moves the hull along the ramp. */
function trayGlyph({ color, shift = 0, badge }) {
  const dx = shift * 1.1;
  const dy = -shift * 0.32;
  const badgeSvg =
    badge === undefined
      ? ''
      : badge.template
        ? `<circle cx="12.2" cy="4" r="3.8" fill="#000"/><path d="M12.2 1.9 V4.6" stroke="#fff" stroke-width="1.3" stroke-linecap="round"/><circle cx="12.2" cy="6.2" r="0.7" fill="#fff"/>`
        : `<circle cx="12.2" cy="4" r="3.8" fill="#e5484d" stroke="#fff" stroke-width="0.8"/><path d="M12.2 1.9 V4.6" stroke="#fff" stroke-width="1.3" stroke-linecap="round"/><circle cx="12.2" cy="6.2" r="0.7" fill="#fff"/>`;
  return `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">
  <path d="M1 14.6 L15 10.6" stroke="${color}" stroke-width="1.4" stroke-linecap="round"/>
  <g transform="translate(${dx} ${dy}) rotate(-16 7 11)">
    <path d="M1.6 9.2 H10.4 L9.2 11.6 H2.8 Z" fill="${color}"/>
    <rect x="3" y="6.6" width="2" height="2" fill="${color}"/>
    <rect x="5.6" y="6.6" width="2" height="2" fill="${color}"/>
  </g>
  ${badgeSvg}
</svg>`;
}

const COLOUR = '#2f7bf0';
const trayDrawings = [
  ['tray-idle', { shift: 0 }],
  ['tray-working-0', { shift: -1 }],
  ['tray-working-1', { shift: 0 }],
  ['tray-working-2', { shift: 1 }],
  ['tray-working-3', { shift: 2 }],
  ['tray-error', { shift: 0, badge: {} }],
];

async function render(page, svg, size, path) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${String(size)}" height="${String(size)}" `)}</body></html>`,
  );
  await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

async function main() {
  const browser = await launchChromium({ width: 1024, height: 1024 });
  const page = await browser.context.newPage();
  await mkdir(join(root, 'build', 'icons'), { recursive: true });
  await mkdir(join(root, 'resources', 'tray'), { recursive: true });
  await render(page, appIcon, 1024, join(root, 'build', 'icon.png'));
  await render(page, appIcon, 512, join(root, 'resources', 'icon.png'));
  for (const size of [16, 32, 48, 64, 128, 256, 512]) {
    await render(page, appIcon, size, join(root, 'build', 'icons', `${String(size)}x${String(size)}.png`));
  }
  for (const [name, options] of trayDrawings) {
    const coloured = trayGlyph({ color: COLOUR, shift: options.shift, badge: options.badge });
    const template = trayGlyph({
      color: '#000',
      shift: options.shift,
      badge: options.badge ? { template: true } : undefined,
    });
    for (const [suffix, scale] of [
      ['', 16],
      ['@2x', 32],
    ]) {
      await render(page, coloured, scale, join(root, 'resources', 'tray', `${name}${suffix}.png`));
      await render(page, template, scale, join(root, 'resources', 'tray', `${name}Template${suffix}.png`));
    }
  }
  await browser.close();
  process.stdout.write('rendered build/icon.png, build/icons/, resources/icon.png and resources/tray/\n');
}

await main();
