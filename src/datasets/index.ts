// The back office's dataset management: the list with states, a dataset's overview and history,
// the lifecycle actions, and the activity log they write.

export { ActivityLog } from './activity-log.ts';
export { DatasetsService } from './datasets-service.ts';
export type {
  AttachmentRemover,
  DatasetList,
  DatasetListQuery,
  DatasetOverview,
  DatasetRow,
} from './datasets-service.ts';
export { STATE_FILTERS, isStateFilter } from './dataset-state.ts';
export type { Publication, StateFilter } from './dataset-state.ts';
export { SchemaService } from './schema-service.ts';
export type { SchemaSave, SchemaSaved, SchemaServiceOptions } from './schema-service.ts';
export { ATTACHMENT_ACTIONS, DatasetAttachments } from './dataset-attachments.ts';
export type { ListedAttachment, ReceivedFile } from './dataset-attachments.ts';
export { ACCESS_ACTIONS, DatasetAccess } from './dataset-access.ts';
export type { AccessOverview, DatasetEditor, Person } from './dataset-access.ts';
