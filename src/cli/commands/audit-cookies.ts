// `datagora audit-cookies URL [--user EMAIL] [--json] [--out FILE] [--dataset ID]
// [--chromium PATH]`: audits a running portal's cookies in Chromium (docs/consent.md) and prints
// the report. Exit code 0 when the audit passes, 1 with violations, 2 for bad usage.

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { portalRoot } from '../../audit/pages.ts';
import { formatReport } from '../../audit/report.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../usage.ts';

export async function auditCookiesCommand(args: string[], context: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      dataset: { type: 'string' },
      chromium: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('audit-cookies takes exactly one portal URL');
  let root: URL;
  try {
    root = portalRoot(positionals[0] as string);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.user !== undefined && !values.user.includes('@')) {
    throw new UsageError(`--user takes the account's email address, not "${values.user}"`);
  }
  const credentials =
    values.user === undefined
      ? null
      : { email: values.user, password: await context.password(`Password for ${values.user}: `) };
  // Loaded here: the other commands need no browser driver.
  const { runAudit } = await import('../../audit/run-audit.ts');
  const report = await runAudit({
    portalUrl: root.href,
    credentials,
    datasetId: values.dataset,
    chromiumPath: values.chromium,
    log: (line) => context.stderr.write(`${line}\n`),
  });
  const text = values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report);
  if (values.out !== undefined) {
    writeFileSync(values.out, text);
    const count = report.violations.length;
    context.stdout.write(
      `${report.verdict === 'pass' ? 'PASS' : `FAIL (${count} violation(s))`}: report written to ${values.out}\n`,
    );
  } else {
    context.stdout.write(text);
  }
  return report.verdict === 'pass' ? 0 : 1;
}
