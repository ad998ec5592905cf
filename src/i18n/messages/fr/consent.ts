// French messages of the consent banner and panel, the cookie policy and the cookie registry.

export const consent = {
  'cookies.title': 'Politique de cookies',
  'cookies.secure': 'Secure (en HTTPS)',
  'cookies.choicesHeading': 'Vos choix',
  'cookie.session':
    'Vous garder connecté d’une page à l’autre une fois identifié, sur le site public comme dans l’espace d’administration.',
  'cookie.csrf':
    'Protéger les formulaires et les appels de données faits depuis le site (public et administration) contre leur envoi par un autre site à votre insu.',
  'cookie.consent':
    'Mémoriser vos choix en matière de cookies et de services tiers, pour ne pas vous les redemander à chaque page.',
  'cookie.session.function': 'Authentification (site public et administration)',
  'cookie.language.function': 'Choix de la langue (site public et administration)',
  'cookie.csrf.function':
    'Protection des formulaires et appels de données (site public et administration)',
  'cookie.consent.function':
    'Choix relatifs aux cookies (bandeau et panneau de gestion, sur toutes les pages)',
  'consent.banner.title': 'À propos des cookies sur {portal}',
  'consent.banner.text':
    'Ce portail peut afficher des contenus de services tiers ({services}). Ils restent bloqués tant que vous ne les acceptez pas, car ils peuvent déposer des cookies ou connaître votre visite. Votre choix est conservé 6 mois ; vous pouvez le changer à tout moment avec le lien « Gestion des cookies » en bas de chaque page.',
  'consent.banner.policy': 'Politique de cookies',
  'consent.acceptAll': 'Tout accepter',
  'consent.refuseAll': 'Tout refuser',
  'consent.customize': 'Personnaliser',
  'consent.acceptAllTitle': 'Autoriser tous les services tiers',
  'consent.refuseAllTitle': 'Refuser tous les services tiers',
  'consent.customizeTitle': 'Choisir service par service',
  'consent.panel.title': 'Panneau de gestion des cookies',
  'consent.panel.all': 'Préférences pour tous les services.',
  'consent.panel.close': 'Fermer',
  'consent.accept': 'Accepter',
  'consent.refuse': 'Refuser',
  'consent.necessary.title': 'Cookies obligatoires',
  'consent.necessary.text':
    'Ce site utilise des cookies nécessaires à son fonctionnement (connexion, langue, sécurité des formulaires, mémorisation de vos choix). Ils sont exemptés de consentement et ne peuvent pas être désactivés.',
  'consent.statistics.title': 'Mesure d’audience anonyme du portail',
  'consent.statistics.text':
    'Le portail compte ses visites lui-même, sans cookie ni script, sans conserver votre adresse IP, et n’en garde que des statistiques anonymes : cette mesure est exemptée de consentement. Vous pouvez vous y opposer.',
  'consent.statistics.optOut': 'Je m’oppose à la mesure d’audience anonyme',
  'consent.purpose.statistics.title': 'Mesure d’audience par un service tiers',
  'consent.purpose.statistics.text':
    'Outils de mesure d’audience fournis par d’autres sociétés. Ils ne sont chargés qu’avec votre accord.',
  'consent.purpose.third-party.title': 'Contenus de services tiers',
  'consent.purpose.third-party.text':
    'Vidéos, fonds de carte et autres contenus hébergés par d’autres sites, qui peuvent déposer des cookies ou apprendre votre visite. Ils ne sont chargés qu’avec votre accord.',
  'consent.details': 'Voir plus de détails',
  'consent.service.label': '{name} ({provider})',
  'consent.service.cookies': 'Cookies déposés : {names}.',
  'consent.service.noCookies': 'Aucun cookie déclaré par ce service.',
  'consent.service.privacy': 'Politique de confidentialité de {provider}',
  'consent.confirm': 'Confirmer mes choix',
  'consent.page.intro':
    'Choisissez ici, service par service, ce que le portail peut charger. Sans réponse de votre part, un service reste bloqué. Vous pouvez revenir sur vos choix à tout moment.',
  'consent.page.none':
    'Aucun service tiers n’est configuré sur ce portail : il n’y a aucun consentement à donner.',
  'consent.page.current': 'Vos choix actuels datent du {date}.',
  'consent.saved': 'Vos choix ont été enregistrés.',
  'consent.placeholder.title': 'Contenu bloqué : {name}',
  'consent.placeholder.text':
    'Ce contenu est fourni par {provider} ({purpose}). Il reste bloqué tant que vous ne l’autorisez pas, car ce service peut déposer des cookies ou connaître votre visite.',
  'consent.placeholder.allow': 'Autoriser {name}',
  'consent.placeholder.manage': 'Gérer mes choix',
  'consent.embeds.heading': 'À voir aussi',
  'cookies.intro':
    'Un cookie est un petit fichier qu’un site dépose dans votre navigateur pour s’en souvenir d’une page à l’autre. Cette page liste tous les cookies que {portal} peut déposer, et tous les services tiers qu’il peut charger. Elle est produite à partir du registre des cookies du code du portail : elle ne peut pas le contredire.',
  'cookies.kinds.heading': 'Les types de cookies',
  'cookies.kinds.necessary':
    'Les cookies nécessaires sont indispensables au service que vous demandez (rester connecté, garder votre langue, sécuriser les formulaires, mémoriser vos choix). Ils sont exemptés de consentement.',
  'cookies.kinds.statistics':
    'Les cookies statistiques mesurent l’audience du site. Une mesure anonyme, réservée à l’éditeur du site, est exemptée de consentement ; toute autre mesure attend votre accord.',
  'cookies.kinds.firstParty':
    'Les cookies internes (ou « first party ») sont déposés par le portail lui-même, sur son propre domaine.',
  'cookies.kinds.thirdParty':
    'Les cookies tiers sont déposés par un autre site (un hébergeur de vidéos, un fournisseur de cartes…) dont le portail affiche un contenu. Ils ne sont jamais déposés sans votre consentement : le contenu reste bloqué tant que vous ne l’avez pas autorisé.',
  'cookies.category.necessary': 'Cookies nécessaires',
  'cookies.category.statistics': 'Cookies statistiques',
  'cookies.category.third-party': 'Cookies et services tiers',
  'cookies.category.necessary.text': 'Exemptés de consentement ; déposés par le portail lui-même.',
  'cookies.category.statistics.text':
    'Soumis à votre consentement, sauf la mesure anonyme du portail lui-même.',
  'cookies.category.third-party.text': 'Soumis à votre consentement, service par service.',
  'cookies.category.empty': 'Aucun cookie de cette catégorie n’est déposé.',
  'cookies.col.provider': 'Nom du fournisseur de service',
  'cookies.col.function': 'Fonction et emplacement',
  'cookies.col.names': 'Nom du ou des cookies',
  'cookies.col.purpose': 'Finalités',
  'cookies.col.lifetime': 'Durée de conservation',
  'cookies.attributesNote': 'Attributs : {attributes}.',
  'cookies.noCookie':
    'Aucun cookie déclaré ; le service apprend votre visite en chargeant son contenu.',
  'cookies.sessionLifetime': 'Fin de la navigation',
  'cookies.location.script': 'Script chargé sur toutes les pages',
  'cookies.location.iframe': 'Contenu intégré à la page d’accueil',
  'cookies.location.tiles': 'Fond de carte de l’onglet « Carte » des jeux de données',
  'cookies.choicesText':
    'Vous pouvez accepter ou refuser chaque service tiers, et changer d’avis à tout moment, depuis le panneau de gestion des cookies (lien « Gestion des cookies » en bas de chaque page). Retirer votre accord est aussi simple que le donner.',
  'cookies.audience.function':
    'Comptage sur le serveur, à chaque page et appel d’API (sans script)',
  'cookies.audience.purpose':
    'Statistiques d’audience anonymes pour la seule équipe du portail : pages et jeux de données consultés, appels d’API, téléchargements, recherches, erreurs. Votre adresse IP, l’identité complète de votre navigateur et les pages d’où vous venez ne sont jamais conservées.',
  'cookies.audience.noCookie':
    'Aucun cookie. Si vous vous y opposez, votre choix est gardé dans cookies_preferences.',
  'cookies.audience.keptFor':
    'Compteurs anonymes gardés {count} mois|Compteurs anonymes gardés {count} mois',
  'cookies.audience.optOut': 'M’opposer à cette mesure',
  'cookies.audience.optOutText':
    'Vous pouvez vous opposer à la mesure d’audience anonyme du portail dans le panneau de gestion des cookies ; les signaux « Do Not Track » et « Global Privacy Control » de votre navigateur valent aussi opposition.',
  'cookies.choicesLink': 'Ouvrir le panneau de gestion des cookies',
  'cookie.weeks': '{count} semaine|{count} semaines',
  'cookie.language': 'Mémoriser la langue que vous avez choisie pour le site.',
  'cookie.days': '{count} jour|{count} jours',
  'cookie.months': '{count} mois|{count} mois',
} as const;
