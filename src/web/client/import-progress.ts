// The back office's import progress: while an import runs, polls the dataset's `jobs.json`
// every second and updates the rows and state shown; once no import runs, reloads the page
// (its issues and error then show). Without this script, the page's reload link does the same.

interface JobProgress {
  id: number;
  state: string;
  rowsRead: number;
}

const link = document.querySelector<HTMLAnchorElement>('[data-import-poll]');
const numbers = new Intl.NumberFormat(document.documentElement.lang === 'fr' ? 'fr-FR' : 'en-GB');

async function poll(url: string): Promise<void> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) return;
  const { jobs } = (await response.json()) as { jobs: JobProgress[] };
  let active = false;
  for (const job of jobs) {
    const row = document.querySelector(`[data-job="${job.id}"]`);
    const rows = row?.querySelector('[data-job-rows]');
    if (rows) rows.textContent = numbers.format(job.rowsRead);
    if (job.state === 'queued' || job.state === 'running') active = true;
  }
  // Every import has ended: the page, reloaded, shows their outcome, issues and errors.
  if (!active) window.location.reload();
  else setTimeout(() => void poll(url).catch(() => undefined), 1000);
}

const url = link?.dataset['importPoll'];
if (url) setTimeout(() => void poll(url).catch(() => undefined), 1000);
