// Attachment files: copied under `<DATAGORA_HOME>/attachments/<dataset_id>/` and recorded in the
// metadata store; served back by id, to those who may read the dataset.

import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

import mime from 'mime-types';

import type { Viewer } from '../core/access.ts';
import type { Attachment } from '../core/attachment.ts';
import { attachmentIdOf } from '../core/attachment.ts';
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
    const id = attachmentIdOf(fileName);
    if (id === '') {
      throw new PortalError('DG_ERR_ATTACHMENT_UNREADABLE', {
        path: source,
        reason: 'its name has no letter or digit',
      });
    }
    const folder = join(this.dir, datasetId);
    await mkdir(folder, { recursive: true });
    await copyFile(source, join(folder, fileName));
    return this.metadata.saveAttachment({
      datasetId,
      id,
      title: title ?? fileName,
      mimetype: mime.lookup(fileName) || 'application/octet-stream',
      fileName,
    });
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
