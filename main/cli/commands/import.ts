// What `slipway import` does (registered in ./import-command.ts, loaded when the verb runs).
import { stat } from 'node:fs/promises';
import { Document } from 'yaml';
import { writeFileAtomically } from '../../fs/write-file-atomically.js';
import { withOutputPath } from '../../export/files/output-path-error.js';
import { countBySeverity, importKindConfig } from '../../export/index.js';
import type { CliContext } from '../context.js';
import { reportIssues, summarise } from '../export-report.js';
import type { OutputFlags } from '../options.js';
import { readInputFile } from '../read-input.js';

export interface ImportFlags extends OutputFlags {
  from: 'kind';
  out?: string;
}

/** Convert the kind config and print or write the spec, with what could not carry over. */
export async function runImport(context: CliContext, file: string, flags: ImportFlags): Promise<void> {
  const imported = importKindConfig(await readInputFile(file, 'FILE', { signal: context.signal }), file);
  const document = new Document(imported.specInput);
  document.commentBefore = ` Imported from kind config ${file} by slipway import --from kind`;
  const text = document.toString({ lineWidth: 0 });
  // -o is honoured with --output json too: the spec goes to FILE, the JSON to stdout.
  if (flags.out !== undefined)
    await withOutputPath('-o', flags.out, async () => {
      const out = flags.out ?? '';
      await writeFileAtomically(out, text, await modeToKeep(out));
    });
  if (flags.output === 'json') {
    const { specInput: spec, issues } = imported;
    const json = {
      spec,
      issues,
      summary: countBySeverity(issues),
      ...(flags.out !== undefined && { wrote: flags.out }),
    };
    context.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  context.stdout(flags.out === undefined ? text : `wrote ${flags.out}\n`);
  reportIssues(context.stderr, summarise(`import of ${file}`, 1, imported.issues), imported.issues);
}

/** A file being replaced keeps its permissions (a private 0600 spec stays private); new ones get 0644. */
async function modeToKeep(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return 0o644;
  }
}
