// Attachments: files published beside a dataset's records (documentation, archives), as ODS
// lists them in the dataset object and serves them under …/attachments/{id}.

export interface Attachment {
  /** ODS's id: the file name in lowercase, other characters as `_` (`cities1000_zip`). */
  id: string;
  title: string;
  mimetype: string;
  /** The file's name in the dataset's attachments folder (ODS shows it as `odsfile://<name>`). */
  fileName: string;
  /** ISO 8601 UTC. */
  createdAt: string;
}

export interface AttachmentInput {
  datasetId: string;
  id: string;
  title: string;
  mimetype: string;
  fileName: string;
}

/** The id ODS gives the attachment of a file: `Cities 1000.zip` → `cities_1000_zip`. */
export function attachmentIdOf(fileName: string): string {
  return fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
