// The command line's usage text, and the error that prints it (exit code 2).

export const USAGE = `Usage: datagora <command> [options]

Commands:
  serve                         Serve the portal (same as npm start)
  import FILE --id ID           Import a CSV file as a new version of dataset ID
         [--title TEXT]           title of the dataset
         [--separator C]          field separator (default: detected among ; , tab |)
  attach FILE --id ID           Publish FILE with dataset ID, in its attachments
         [--title TEXT]           title of the attachment (default: the file name)
  datasets                      List the datasets with their record counts
  backup FILE                   Write a consistent copy of the store to FILE, while the portal runs
  help                          Show this help

Settings come from the environment (PORT, HOST, DATAGORA_HOME, DATAGORA_BASE_URL, DATABASE_URL,
DATAGORA_TRUST_PROXY...) or the JSON file named by DATAGORA_CONFIG; see the README.

Exit codes: 0 success, 1 failure, 2 usage or configuration error.`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
