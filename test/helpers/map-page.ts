// Reading the map tab's state in Chromium: its zoom level from the page URL (the script keeps
// `location=zoom,lat,lon` there) and whether it has drawn the view (no `aria-busy`).

import type { Page } from 'playwright-core';

/** The map's zoom level, from `location` in the page URL; `initial` before the first move. */
export async function mapZoom(page: Page, initial = 6): Promise<number> {
  const location = new URL(page.url()).searchParams.get('location');
  return location ? Number(location.split(',')[0]) : initial;
}

/** Waits until the map is at `zoom` and has drawn what that view shows. */
export async function mapSettled(page: Page, zoom: number, initial = 6): Promise<void> {
  await page.waitForFunction(
    ([expected, first]) => {
      const location = new URL(window.location.href).searchParams.get('location');
      const map = document.getElementById('dataset-map');
      return (
        (location === null ? first : Number(location.split(',')[0])) === expected &&
        map !== null &&
        !map.hasAttribute('aria-busy') &&
        map.querySelector('.leaflet-zoom-anim') === null
      );
    },
    [zoom, initial],
    { timeout: 30_000 },
  );
}
