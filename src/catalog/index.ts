export { AttachmentFiles } from './attachment-files.ts';
export type { AttachmentFile } from './attachment-files.ts';
export { CatalogService } from './catalog-service.ts';
export { CatalogQueries } from './catalog-query.ts';
export type { CatalogAnswer, CatalogPaging, CatalogRequest } from './catalog-query.ts';
export { CATALOG_FIELDS } from './catalog-schema.ts';
export { datasetFeatures, exploreAttachments, toExploreDataset } from './explore-dataset.ts';
export type { ExploreAttachment, ExploreDataset, ExploreField } from './explore-dataset.ts';
export { dcatCatalog, dcatDataset } from './dcat.ts';
export { dcatProfileCatalog } from './dcat-profiles/index.ts';
export { catalogRss } from './rss.ts';
export {
  CATALOG_FACETS,
  catalogFacets,
  filterCatalog,
  parseCatalogFilters,
} from './catalog-facets.ts';
export { toV1Dataset } from './v1-dataset.ts';
export { fieldsInLanguage, inLanguage } from './translated-dataset.ts';
export { searchDatasets } from './text-search.ts';
export type { V1Dataset } from './v1-dataset.ts';
export { jsonLdToRdfXml, jsonLdToTurtle } from './dcat-turtle.ts';
