// Every page template and tab of the site, with a URL that shows it, for the browser suites
// (axe-core, Content-Security-Policy).

export const SITE_PAGES: Record<string, string> = {
  home: '/',
  catalog: '/explore/',
  'catalog-refined': '/explore/?q=arbres&refine.theme=Culture&sort=title',
  'catalog-empty': '/explore/?q=zzzz',
  information: '/explore/dataset/export_alimconfiance/information/',
  table: '/explore/dataset/export_alimconfiance/table/',
  'table-filtered':
    '/explore/dataset/export_alimconfiance/table/?q=pizza&refine.synthese_eval_sanit=Satisfaisant&sort=date_inspection&page=2',
  'table-invalid': '/explore/dataset/export_alimconfiance/table/?q=date_inspection%3E%22x',
  map: '/explore/dataset/export_alimconfiance/map/',
  'map-records': '/explore/dataset/export_alimconfiance/map/?location=13,48.8566,2.3522',
  analyze: '/explore/dataset/export_alimconfiance/analyze/',
  'analyze-columns':
    '/explore/dataset/export_alimconfiance/analyze/?type=column&x=synthese_eval_sanit&series=filtre',
  'analyze-pie': '/explore/dataset/export_alimconfiance/analyze/?type=pie&x=synthese_eval_sanit',
  export: '/explore/dataset/export_alimconfiance/export/?refine.synthese_eval_sanit=Satisfaisant',
  api: '/explore/dataset/export_alimconfiance/api/',
  'api-console':
    '/explore/dataset/export_alimconfiance/api/?endpoint=getCatalogDatasetsByDatasetIdRecords&run=1&p.select=count(*)%20as%20n&p.group_by=synthese_eval_sanit',
  'api-console-file':
    '/explore/dataset/export_alimconfiance/api/?endpoint=getCatalogDatasetsByDatasetIdExportsByFormat&run=1&path.format=csv',
  'legal-notice': '/legal-notice/',
  accessibility: '/accessibility/',
  'personal-data': '/personal-data/',
  cookies: '/cookies/',
  sitemap: '/sitemap/',
  'not-found': '/explore/dataset/nope/',
};
