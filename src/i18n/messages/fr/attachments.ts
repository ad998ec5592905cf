// Messages français de l'onglet « Pièces jointes » d'un jeu de données dans le back office, et
// de leur liste sur la page publique.

export const attachments = {
  'att.tab': 'Pièces jointes',
  'att.title': 'Pièces jointes : {title}',
  'att.intro':
    'Des fichiers publiés avec les données (documentation, notice, archive). Ils sont servis par l’API aux visiteurs qui peuvent lire le jeu de données.',
  'att.list': 'Pièces jointes du jeu de données',
  'att.caption': 'Pièces jointes',
  'att.none': 'Ce jeu de données n’a pas de pièce jointe.',
  'att.col.title': 'Titre',
  'att.col.file': 'Fichier',
  'att.col.type': 'Type',
  'att.col.size': 'Taille',
  'att.col.added': 'Ajoutée le',
  'att.col.actions': 'Actions',
  'att.missing': 'fichier absent',
  'att.replace': 'Remplacer',
  'att.replaceLabel': 'Remplacer {title}',
  'att.delete': 'Supprimer…',
  'att.deleteLabel': 'Supprimer {title}',
  'att.add': 'Ajouter une pièce jointe',
  'att.field.file': 'Fichier',
  'att.field.file.hint':
    'Tout type de fichier, {max} au plus. Son nom est gardé : lettres ou chiffres, sans point au début. En cas d’erreur, choisissez le fichier à nouveau.',
  'att.field.title': 'Titre (facultatif)',
  'att.field.title.hint': 'Vide : le nom du fichier. 200 caractères au plus.',
  'att.field.newTitle': 'Nouveau titre (facultatif)',
  'att.field.newTitle.hint': 'Vide : le titre reste « {title} ».',
  'att.submit.add': 'Ajouter',
  'att.submit.replace': 'Remplacer le fichier',
  'att.replace.title': 'Remplacer la pièce jointe « {title} »',
  'att.replace.intro':
    'Le nouveau fichier prend la place de {file}. La pièce jointe garde son identifiant ({id}) : les liens vers elle continuent de fonctionner.',
  'att.delete.title': 'Supprimer la pièce jointe « {title} »',
  'att.delete.intro':
    'Le fichier {file} sera supprimé et n’apparaîtra plus dans l’API ni sur la page du jeu de données. Les liens vers lui cesseront de fonctionner.',
  'att.delete.check': 'Je confirme la suppression de cette pièce jointe',
  'att.delete.submit': 'Supprimer la pièce jointe',
  'att.cancel': 'Annuler',
  'att.notice.added': 'Pièce jointe ajoutée : elle est en ligne.',
  'att.notice.replaced': 'Pièce jointe remplacée : le nouveau fichier est en ligne.',
  'att.notice.deleted': 'Pièce jointe supprimée.',
  'att.problem.summary': 'Le formulaire contient des erreurs : corrigez les champs signalés.',
  'att.problem.fileMissing': 'Choisissez un fichier non vide.',
  'att.problem.tooLarge': 'Le fichier dépasse la taille maximale ({max}).',
  'att.problem.name':
    'Ce nom de fichier ne convient pas : renommez le fichier avec des lettres ou des chiffres, sans point au début ni caractère de contrôle, 200 octets au plus.',
  'att.problem.nameTaken':
    'Une pièce jointe porte déjà ce nom ({id}) : remplacez-la, ou renommez le fichier.',
  'att.problem.titleLong': 'Un titre compte 200 caractères au plus.',
  'att.problem.unconfirmed': 'Cochez la case pour confirmer la suppression.',
  'bo.action.dataset.attachment_add': 'Pièce jointe ajoutée',
  'bo.action.dataset.attachment_replace': 'Pièce jointe remplacée',
  'bo.action.dataset.attachment_delete': 'Pièce jointe supprimée',
  'information.attachments': 'Pièces jointes',
  'information.attachmentLink': '{title} ({type})',
} as const;
