// The command line's usage text, and the error that prints it (exit code 2).

export const USAGE = `Usage: datagora <command> [options]

Commands:
  serve                         Serve the portal (same as npm start)
  import FILE --id ID           Import a file as a new version of dataset ID: CSV, TSV, XLSX,
                                  XLS, JSON, JSON Lines, GeoJSON, zipped shapefile or Parquet
         [--format F]             csv, tsv, xlsx, xls, json, jsonl, geojson, shapefile (or shp),
                                  parquet (default: detected from the file's start and name)
         [--title TEXT]           title of the dataset
         [--separator C]          CSV field separator (default: detected among ; , tab |)
         [--restricted]           restrict the dataset to those granted access (else a new
                                  dataset is public and an existing one keeps its visibility)
         [--processors JSON]      a file with the processors to apply (docs/processors.md)
  attach FILE --id ID           Publish FILE with dataset ID, in its attachments
         [--title TEXT]           title of the attachment (default: the file name)
  datasets                      List the datasets with their record counts
  user create EMAIL             Create an account; password from DATAGORA_PASSWORD or a prompt
         [--admin | --role R]     role: admin, editor or user (default user)
         [--name TEXT]            display name (default: the address's local part)
  user list                     List the accounts
  user password EMAIL           Set a new password (ends the user's sessions)
  user role EMAIL ROLE          Change a role; editors: [--all-datasets | --datasets A,B]
  group create NAME             Create a group of users
  group add NAME EMAIL          Put a user in a group
  group list                    List the groups
  apikey create EMAIL           Print a new API key for the user (shown once)
         [--scope read|write]     what the key may do (default read)
         [--expires DATE]         when it stops working (default never)
         [--label TEXT]           what it is for
  apikey list [EMAIL]           List API keys (never the keys themselves)
  apikey revoke KEY_ID          Revoke a key (ak_…)
  restrict ID [--public]        Restrict dataset ID to those granted access (or make it public)
  grant ID USER_OR_GROUP        Let a user (email) or a group (name) read restricted dataset ID
  revoke ID USER_OR_GROUP       Take that grant back
  service add ID                Declare a third-party service, loaded only with the visitor's consent
         --kind K                 script (every page), iframe (home page) or tiles (map basemap)
         --url URL                the script, the embed, or the tile template ({z}/{x}/{y})
         --name TEXT --provider TEXT --purpose-fr TEXT --purpose-en TEXT
         [--category C]           third-party (default) or statistics
         [--cookie NAME:SECONDS]  a cookie it sets (repeat; NAME:session for session cookies)
         [--attribution TEXT]     credit shown with it; [--privacy-url URL] its privacy policy
  service list                  List the third-party services
  service remove ID             Remove a service (visitors are asked again)
  backup FILE                   Write a consistent copy of the store to FILE, while the portal runs
  migrate --to URL              Copy the whole portal from its SQLite file (DATAGORA_HOME) to an
                                  empty PostgreSQL store; the file is left unchanged
         [--schema NAME]          the PostgreSQL schema (default public)
  audit-cookies URL             Audit a running portal's cookies in Chromium, in the three consent
                                  states, and print the report (exit 1 on any violation)
         [--user EMAIL]           also audit signed in (password from DATAGORA_PASSWORD or a prompt)
         [--json]                 the report as JSON
         [--out FILE]             write the report to FILE, print only the verdict
         [--dataset ID]           the dataset whose tabs are visited (default: the first with a map)
         [--chromium PATH]        the browser (default /usr/bin/chromium)
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
