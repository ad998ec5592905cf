// Third-party services for consent tests: a script tag, an embed and a tile basemap, all
// served by `origin` (a local test host, or an address nothing listens on).

import type { ThirdPartyService } from '../../src/core/third-party.ts';

export function testServices(origin: string): ThirdPartyService[] {
  return [
    {
      id: 'audience-tag',
      name: 'Audience Tag',
      provider: 'Tag Company',
      category: 'statistics',
      purpose: { fr: 'Mesurer l’audience', en: 'Measure the audience' },
      kind: 'script',
      url: `${origin}/tag.js`,
      attribution: '',
      cookies: [{ name: 'tp_visitor', maxAgeSeconds: 390 * 86_400 }],
      privacyUrl: `${origin}/privacy`,
    },
    {
      id: 'video-host',
      name: 'Video Host',
      provider: 'Video Company',
      category: 'third-party',
      purpose: { fr: 'Vidéo de présentation', en: 'Introduction video' },
      kind: 'iframe',
      url: `${origin}/embed`,
      attribution: '',
      cookies: [],
      privacyUrl: null,
    },
    {
      id: 'tiles',
      name: 'Tile Maps',
      provider: 'Tile Company',
      category: 'third-party',
      purpose: { fr: 'Fond de carte', en: 'Basemap' },
      kind: 'tiles',
      url: `${origin}/tiles/{z}/{x}/{y}.png`,
      attribution: '© Tile Company',
      cookies: [],
      privacyUrl: null,
    },
  ];
}
