// English messages of a dataset's "Attachments" tab in the back office, and of their list on the
// public page (the keys of the French file, type-checked).

import type { attachments as fr } from '../fr/attachments.ts';

export const attachments: Record<keyof typeof fr, string> = {
  'att.tab': 'Attachments',
  'att.title': 'Attachments: {title}',
  'att.intro':
    'Files published with the data (documentation, notes, an archive). The API serves them to the visitors who may read the dataset.',
  'att.list': 'The dataset’s attachments',
  'att.caption': 'Attachments',
  'att.none': 'This dataset has no attachment.',
  'att.col.title': 'Title',
  'att.col.file': 'File',
  'att.col.type': 'Type',
  'att.col.size': 'Size',
  'att.col.added': 'Added',
  'att.col.actions': 'Actions',
  'att.missing': 'file missing',
  'att.replace': 'Replace',
  'att.replaceLabel': 'Replace {title}',
  'att.delete': 'Delete…',
  'att.deleteLabel': 'Delete {title}',
  'att.add': 'Add an attachment',
  'att.field.file': 'File',
  'att.field.file.hint':
    'Any kind of file, at most {max}. Its name is kept: letters or digits, no leading dot. After an error, choose the file again.',
  'att.field.title': 'Title (optional)',
  'att.field.title.hint': 'Empty: the file’s name. At most 200 characters.',
  'att.field.newTitle': 'New title (optional)',
  'att.field.newTitle.hint': 'Empty: the title stays “{title}”.',
  'att.submit.add': 'Add',
  'att.submit.replace': 'Replace the file',
  'att.replace.title': 'Replace the attachment “{title}”',
  'att.replace.intro':
    'The new file takes the place of {file}. The attachment keeps its id ({id}): links to it keep working.',
  'att.delete.title': 'Delete the attachment “{title}”',
  'att.delete.intro':
    'The file {file} will be deleted and will no longer appear in the API or on the dataset’s page. Links to it will stop working.',
  'att.delete.check': 'I confirm the deletion of this attachment',
  'att.delete.submit': 'Delete the attachment',
  'att.cancel': 'Cancel',
  'att.notice.added': 'Attachment added: it is online.',
  'att.notice.replaced': 'Attachment replaced: the new file is online.',
  'att.notice.deleted': 'Attachment deleted.',
  'att.problem.summary': 'The form has errors: correct the fields marked.',
  'att.problem.fileMissing': 'Choose a file that is not empty.',
  'att.problem.tooLarge': 'The file is larger than the maximum size ({max}).',
  'att.problem.name':
    'This file name cannot be used: rename the file with letters or digits, no leading dot or control character, at most 200 bytes.',
  'att.problem.nameTaken':
    'An attachment already has this name ({id}): replace it, or rename the file.',
  'att.problem.titleLong': 'A title has at most 200 characters.',
  'att.problem.unconfirmed': 'Tick the box to confirm the deletion.',
  'bo.action.dataset.attachment_add': 'Attachment added',
  'bo.action.dataset.attachment_replace': 'Attachment replaced',
  'bo.action.dataset.attachment_delete': 'Attachment deleted',
  'information.attachments': 'Attachments',
  'information.attachmentLink': '{title} ({type})',
};
