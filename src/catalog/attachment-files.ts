// Attachment files: copied under `<DATAGORA_HOME>/attachments/<dataset_id>/` and recorded in the
// metadata store; served back by id, to those who may read the dataset.

import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

import mime from 'mime-types';

import type { Viewer } from '../core/access.ts';
import type { Attachment } from '../core/attachment.ts';
import { attachmentIdOf, attachmentNameProblem } from '../core/attachment.ts';
import type { Dataset } from '../core/dataset.ts';
import { isValidDatasetId } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { MetadataStore } from '../storage/engine.ts';
import type { CatalogService } from './catalog-service.ts';

export interface AttachmentFile {
  /** The dataset the file belongs to. */
  dataset: Dataset;
  attachment: Attachment;
  path: string;
  size: number;
}

export class AttachmentFiles {
  constructor(
    private readonly metadata: MetadataStore,
    private readonly catalog: CatalogService,
    /** The folder holding one sub-folder per dataset. */
    private readonly dir: string,
  ) {}

  /** Copies the file beside the dataset and lists it; a file of the same name is replaced. */
  async add(datasetId: string, source: string, title?: string): Promise<Attachment> {
    const dataset = await this.metadata.getDataset(datasetId);
    if (!dataset) throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: datasetId });
    const file = await stat(source).catch(() => null);
    if (!file?.isFile()) {
      throw new PortalError('DG_ERR_ATTACHMENT_UNREADABLE', {
        path: source,
        reason: 'not a readable file',
      });
    }
    const fileName = basename(source);
    const reason = attachmentNameProblem(fileName);
    if (reason !== null)
      throw new PortalError('DG_ERR_ATTACHMENT_UNREADABLE', { path: source, reason });
    const folder = join(this.dir, datasetId);
    await mkdir(folder, { recursive: true });
    await copyFile(source, join(folder, fileName));
    return this.metadata.saveAttachment({
      datasetId,
      id: attachmentIdOf(fileName),
      title: title ?? fileName,
      mimetype: mimeTypeOf(fileName),
      fileName,
    });
  }

  /**
   * Where a file sent for the dataset waits until `put` takes it: a hidden name in the dataset's
   * folder (no attachment's name starts with a dot), removed with the folder.
   */
  incomingPath(datasetId: string): string {
    if (!isValidDatasetId(datasetId)) {
      throw new PortalError('DG_ERR_INVALID_DATASET_ID', { dataset_id: datasetId });
    }
    return join(this.dir, datasetId, `.incoming-${randomBytes(16).toString('hex')}`);
  }

  /**
   * Moves a received file in under its name (`attachmentNameProblem` already asked) and lists
   * it: as attachment `id`, new or replaced. The file of `previous` (what `id` was) goes when
   * its name differs. Which names and ids are free is the caller's to decide.
   */
  async put(
    datasetId: string,
    file: { path: string; fileName: string },
    target: { id: string; title: string; previous?: Attachment },
  ): Promise<Attachment> {
    const folder = join(this.dir, datasetId);
    await mkdir(folder, { recursive: true });
    await rename(file.path, join(folder, file.fileName));
    const saved = await this.metadata.saveAttachment({
      datasetId,
      id: target.id,
      title: target.title,
      mimetype: mimeTypeOf(file.fileName),
      fileName: file.fileName,
    });
    const previous = target.previous?.fileName;
    if (previous !== undefined && previous !== file.fileName) {
      await rm(join(folder, previous), { force: true });
    }
    return saved;
  }

  /** Unlists an attachment and removes its file. */
  async remove(datasetId: string, attachment: Attachment): Promise<void> {
    await this.metadata.deleteAttachment(datasetId, attachment.id);
    await rm(join(this.dir, datasetId, attachment.fileName), { force: true });
  }

  /** The size in bytes of an attachment's file, or null when it is missing. */
  async sizeOf(datasetId: string, attachment: Attachment): Promise<number | null> {
    const file = await stat(join(this.dir, datasetId, attachment.fileName)).catch(() => null);
    return file?.isFile() ? file.size : null;
  }

  /** Removes the files of a dataset (once it is deleted); nothing when it had none. */
  async removeAll(datasetId: string): Promise<void> {
    if (!isValidDatasetId(datasetId)) return;
    await rm(join(this.dir, datasetId), { recursive: true, force: true });
  }

  /** The dataset's attachments, if the viewer may read it. */
  async list(
    datasetId: string,
    viewer: Viewer,
  ): Promise<{ dataset: Dataset; attachments: Attachment[] }> {
    const dataset = await this.catalog.getDataset(datasetId, viewer);
    return { dataset, attachments: dataset.attachments };
  }

  /** An attachment of a dataset the viewer may read, and where its file is. */
  async find(datasetId: string, attachmentId: string, viewer: Viewer): Promise<AttachmentFile> {
    const dataset = await this.catalog.getDataset(datasetId, viewer);
    const attachment = dataset.attachments.find((a) => a.id === attachmentId);
    const path = attachment ? join(this.dir, dataset.id, attachment.fileName) : '';
    const file = attachment ? await stat(path).catch(() => null) : null;
    if (!attachment || !file?.isFile()) {
      throw new PortalError('DG_ERR_ATTACHMENT_NOT_FOUND', { attachment_id: attachmentId });
    }
    return { dataset, attachment, path, size: file.size };
  }
}

function mimeTypeOf(fileName: string): string {
  return mime.lookup(fileName) || 'application/octet-stream';
}
