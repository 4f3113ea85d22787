// electron-builder.yml is checked against electron-builder's own JSON schema (shipped in
// app-builder-lib as scheme.json), and against what the app needs at run time: the entry,
// the icons and every tray image for each platform.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allTrayIconFiles } from '../../../main/app/tray-icon.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  appId: string;
  files: string[];
  extraMetadata: { main: string };
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  electronFuses?: Record<string, boolean>;
};

describe('electron-builder.yml', () => {
  it('is valid against electron-builder scheme.json', () => {
    const schemaPath = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('flips the Electron fuses that would let a local user run the app as Node or inspect it', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('rejects a broken config, so the schema check can fail', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8')) as object,
    );
    expect(validate({ ...config, linux: { target: 42 } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('builds the app id, targets and entry the app expects', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(config.appId).toBe('dev.slipway.app');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.extraMetadata.main).toBe(manifest.main);
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/app/**', 'renderer/dist/**', 'resources/**', 'addons/**']),
    );
  });

  it('ships every icon it names and every tray image, with @2x variants', () => {
    expect(existsSync(join(root, config.mac.icon))).toBe(true);
    expect(existsSync(join(root, config.win.icon))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(existsSync(join(root, config.linux.icon, `${String(size)}x${String(size)}.png`))).toBe(true);
    expect(existsSync(join(root, 'resources', 'icon.png'))).toBe(true);
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      for (const file of allTrayIconFiles(platform)) {
        expect(existsSync(join(root, 'resources', 'tray', file)), file).toBe(true);
        expect(existsSync(join(root, 'resources', 'tray', file.replace('.png', '@2x.png'))), file).toBe(true);
      }
    }
  });
});
