// A dataset's attachments as the back office manages them: list, add, replace and delete, for
// those who may edit the dataset, each written to the activity log. Files arrive already on
// disk (streamed by the surface to `incomingPath`); a refused one is removed.

import { rm } from 'node:fs/promises';

import type { Viewer } from '../core/access.ts';
import type { Attachment } from '../core/attachment.ts';
import { ATTACHMENT_TITLE_MAX, attachmentIdOf, attachmentNameProblem } from '../core/attachment.ts';
import { PortalError } from '../core/errors.ts';
import type { AttachmentFiles } from '../catalog/index.ts';
import type { MetadataStore } from '../storage/engine.ts';
import type { ActivityLog } from './activity-log.ts';
import { editableDataset } from './editable-dataset.ts';

/** A file received for a dataset, where it waits. */
export interface ReceivedFile {
  path: string;
  /** The name it came with (no folders). */
  fileName: string;
  size: number;
}

export interface ListedAttachment {
  attachment: Attachment;
  /** Bytes, or null when its file is missing. */
  size: number | null;
}

/** The actions this service writes to the activity log. */
export const ATTACHMENT_ACTIONS = [
  'dataset.attachment_add',
  'dataset.attachment_replace',
  'dataset.attachment_delete',
] as const;

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if ([...trimmed].length > ATTACHMENT_TITLE_MAX) {
    throw new PortalError('DG_ERR_ATTACHMENT_INVALID', {
      detail: `a title has at most ${ATTACHMENT_TITLE_MAX} characters`,
    });
  }
  return trimmed;
}

function checkName(fileName: string): void {
  const reason = attachmentNameProblem(fileName);
  if (reason !== null) {
    throw new PortalError('DG_ERR_ATTACHMENT_INVALID', { detail: `${fileName}: ${reason}` });
  }
}

export class DatasetAttachments {
  constructor(
    private readonly metadata: MetadataStore,
    private readonly files: AttachmentFiles,
    private readonly activity: ActivityLog,
  ) {}

  /** Where a file for the dataset is to be written before `add` or `replace`. */
  incomingPath(datasetId: string): string {
    return this.files.incomingPath(datasetId);
  }

  async list(viewer: Viewer, datasetId: string): Promise<ListedAttachment[]> {
    const dataset = await editableDataset(this.metadata, viewer, datasetId);
    return Promise.all(
      dataset.attachments.map(async (attachment) => ({
        attachment,
        size: await this.files.sizeOf(datasetId, attachment),
      })),
    );
  }

  /** One attachment of a dataset the viewer may edit (DG_ERR_ATTACHMENT_NOT_FOUND). */
  async find(viewer: Viewer, datasetId: string, attachmentId: string): Promise<Attachment> {
    const dataset = await editableDataset(this.metadata, viewer, datasetId);
    const attachment = dataset.attachments.find((a) => a.id === attachmentId);
    if (!attachment) {
      throw new PortalError('DG_ERR_ATTACHMENT_NOT_FOUND', { attachment_id: attachmentId });
    }
    return attachment;
  }

  /** Adds the file as a new attachment; its title is the file's name when left empty. */
  async add(
    viewer: Viewer,
    datasetId: string,
    file: ReceivedFile,
    title: string,
  ): Promise<Attachment> {
    return this.removingOnRefusal(file, async () => {
      const dataset = await editableDataset(this.metadata, viewer, datasetId);
      const shown = checkTitle(title) || file.fileName;
      checkName(file.fileName);
      const id = attachmentIdOf(file.fileName);
      const taken = dataset.attachments.find((a) => a.id === id || a.fileName === file.fileName);
      if (taken) this.nameTaken(datasetId, file.fileName, taken);
      const saved = await this.files.put(datasetId, file, { id, title: shown });
      await this.activity.record(viewer, 'dataset.attachment_add', datasetId, {
        attachment: { before: null, after: id },
        file: { before: null, after: file.fileName },
        title: { before: null, after: shown },
      });
      return saved;
    });
  }

  /**
   * Gives the attachment a new file; it keeps its id (links to it keep working) and, when
   * `title` is empty, its title.
   */
  async replace(
    viewer: Viewer,
    datasetId: string,
    attachmentId: string,
    file: ReceivedFile,
    title: string,
  ): Promise<Attachment> {
    return this.removingOnRefusal(file, async () => {
      const previous = await this.find(viewer, datasetId, attachmentId);
      const shown = checkTitle(title) || previous.title;
      checkName(file.fileName);
      const dataset = (await this.metadata.getDataset(datasetId))!;
      const taken = dataset.attachments.find(
        (a) => a.id !== attachmentId && a.fileName === file.fileName,
      );
      if (taken) this.nameTaken(datasetId, file.fileName, taken);
      const saved = await this.files.put(datasetId, file, {
        id: attachmentId,
        title: shown,
        previous,
      });
      await this.activity.record(viewer, 'dataset.attachment_replace', datasetId, {
        attachment: { before: attachmentId, after: attachmentId },
        file: { before: previous.fileName, after: file.fileName },
        title: { before: previous.title, after: shown },
      });
      return saved;
    });
  }

  async remove(viewer: Viewer, datasetId: string, attachmentId: string): Promise<Attachment> {
    const attachment = await this.find(viewer, datasetId, attachmentId);
    await this.files.remove(datasetId, attachment);
    await this.activity.record(viewer, 'dataset.attachment_delete', datasetId, {
      attachment: { before: attachment.id, after: null },
      file: { before: attachment.fileName, after: null },
      title: { before: attachment.title, after: null },
    });
    return attachment;
  }

  private nameTaken(datasetId: string, fileName: string, taken: Attachment): never {
    throw new PortalError('DG_ERR_ATTACHMENT_NAME_TAKEN', {
      dataset_id: datasetId,
      file_name: fileName,
      attachment_id: taken.id,
    });
  }

  private async removingOnRefusal<T>(file: ReceivedFile, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await rm(file.path, { force: true });
      throw error;
    }
  }
}
