// `slipway image load NAME IMAGE...`: copy host images into every node's containerd.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { stepPrinter } from '../step-printer.js';

/** Register the `image` verb group. */
export function registerImage(program: Command, context: CliContext): void {
  const image = program.command('image').description('move images between the host and clusters');
  image
    .command('load')
    .description('copy host images (docker save) into every node of a cluster')
    .argument('<name>', 'cluster name')
    .argument('<images...>', 'host image references')
    .action(async (name: string, images: string[]) => {
      await (
        await context.engine()
      ).loadImages(name, images, { signal: context.signal, onProgress: stepPrinter(context) });
      context.stdout(`loaded ${images.join(', ')} into cluster "${name}"\n`);
    });
}
