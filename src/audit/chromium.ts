// Debian's Chromium, as the audit and the browser tests launch it: no browser is ever
// downloaded (the machines have no internet; docs/consent.md).

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Quiet flags: Chromium's own background traffic would blur the requests the audit lists. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
