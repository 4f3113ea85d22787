// `slipway import --from kind FILE [-o FILE]`: turn a kind config into a Slipway spec, so kind
// users can move over; whatever kind can say that a spec cannot is reported.
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { Document } from 'yaml';
import { importKindConfig } from '../../export/index.js';
import type { CliContext } from '../context.js';
import { reportIssues, summarise } from '../export-report.js';
import { outputOption, type OutputFlags } from '../options.js';
import { readInputFile } from '../read-input.js';

interface ImportFlags extends OutputFlags {
  from: 'kind';
  out?: string;
}

export function registerImport(program: Command, context: CliContext): void {
  program
    .command('import')
    .description('import a kind config as a Slipway cluster spec')
    .argument('<file>', 'kind config YAML ("-" for standard input)')
    .addOption(new Option('--from <format>', 'what the file is').choices(['kind']).makeOptionMandatory())
    .option('-o, --out <file>', 'write the spec to FILE instead of printing it')
    .addOption(outputOption())
    .action(async (file: string, flags: ImportFlags) => {
      const imported = importKindConfig(await readInputFile(file, 'FILE'), file);
      if (flags.output === 'json') {
        context.stdout(`${JSON.stringify({ spec: imported.specInput, issues: imported.issues }, null, 2)}\n`);
        return;
      }
      const document = new Document(imported.specInput);
      document.commentBefore = ` Imported from kind config ${file} by slipway import --from kind`;
      const text = document.toString({ lineWidth: 0 });
      if (flags.out === undefined) context.stdout(text);
      else {
        await writeFile(flags.out, text);
        context.stdout(`wrote ${flags.out}\n`);
      }
      reportIssues(context.stderr, summarise(`import of ${file}`, 1, imported.issues), imported.issues);
    });
}
