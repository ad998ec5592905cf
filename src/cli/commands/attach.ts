// `datagora attach FILE --id DATASET [--title TEXT]`: publishes a file with a dataset (its
// documentation, an archive…), listed in the dataset's `attachments`.

import { parseArgs } from 'node:util';

import { attachmentsDir, openStorage } from '../../app.ts';
import { AttachmentFiles, CatalogService } from '../../catalog/index.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../usage.ts';

export async function attachCommand(args: string[], context: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { id: { type: 'string' }, title: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('attach takes exactly one FILE');
  if (!values.id) throw new UsageError('attach needs --id DATASET');
  const config = context.config();
  const engine = await openStorage(config);
  try {
    const files = new AttachmentFiles(
      engine.metadata,
      new CatalogService(engine.metadata),
      attachmentsDir(config),
    );
    const attachment = await files.add(values.id, positionals[0] as string, values.title);
    context.stdout.write(
      `Attached ${attachment.fileName} to ${values.id} as ${attachment.id} (${attachment.mimetype}).\n`,
    );
    return 0;
  } finally {
    await engine.close();
  }
}
