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

/** Titles longer than this are refused. */
export const ATTACHMENT_TITLE_MAX = 200;

const NAME_MAX_BYTES = 200;

/**
 * Why a file name cannot be an attachment's (its file keeps that name in the dataset's folder),
 * or null when it can.
 */
export function attachmentNameProblem(fileName: string): string | null {
  if (fileName === '') return 'the file has no name';
  if (new TextEncoder().encode(fileName).length > NAME_MAX_BYTES) {
    return `its name is longer than ${NAME_MAX_BYTES} bytes`;
  }
  if (/[\\/]/.test(fileName)) return 'its name holds a folder separator';
  if (/\p{Cc}/u.test(fileName)) return 'its name holds a control character';
  if (fileName.startsWith('.')) return 'its name starts with a dot';
  if (attachmentIdOf(fileName) === '') return 'its name has no letter or digit';
  return null;
}
