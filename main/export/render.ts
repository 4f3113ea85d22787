// Serialises exported documents: one file per document (for `-o DIR`) and one printable
// stream (YAML documents separated by ---, every document under a comment header).
import { stringify } from 'yaml';
import { renderShellCommands, renderShellScript } from './shell-quote.js';
import type { ApiObject, ExportDocument } from './types.js';

const YAML_OPTIONS = { lineWidth: 0 } as const;

/** YAML text of several objects as one multi-document stream. */
export function renderYamlObjects(objects: readonly ApiObject[]): string {
  return objects.map((object) => stringify(object, YAML_OPTIONS)).join('---\n');
}

/** The content of a document as written to its file. */
export function renderDocument(document: ExportDocument): string {
  switch (document.format) {
    case 'yaml':
      return `# ${document.title}\n${renderYamlObjects(document.objects)}`;
    case 'json':
      return `${JSON.stringify(document.body, null, 2)}\n`;
    case 'shell':
      return renderShellScript(document.title, document.commands);
  }
}

/** File name → content for every document. */
export function renderFiles(documents: readonly ExportDocument[]): Record<string, string> {
  return Object.fromEntries(documents.map((document) => [document.file, renderDocument(document)]));
}

/** All documents as one printable stream, each under a `# ===== file: title` header. */
export function renderStream(documents: readonly ExportDocument[]): string {
  return documents
    .map((document, index) => {
      const separator = index > 0 && document.format === 'yaml' ? '---\n' : '';
      const header = `# ===== ${document.file}: ${document.title}\n`;
      return `${separator}${header}${streamBody(document)}`;
    })
    .join('\n');
}

function streamBody(document: ExportDocument): string {
  switch (document.format) {
    case 'yaml':
      return renderYamlObjects(document.objects);
    case 'json':
      return `${JSON.stringify(document.body, null, 2)}\n`;
    case 'shell':
      return renderShellCommands(document.commands);
  }
}
