// robots.txt: crawlers may read the site but not the API, the back office or exports, and
// are pointed at the sitemap.

export function robotsTxt(baseUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /backoffice/',
    'Disallow: /login/',
    'Disallow: /explore/dataset/*/download/',
    '',
    `Sitemap: ${baseUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
