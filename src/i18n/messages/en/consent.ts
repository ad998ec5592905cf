// English messages of the consent banner and panel, the cookie policy and the cookie registry (the keys of the French file, type-checked).

import type { consent as fr } from '../fr/consent.ts';

export const consent: Record<keyof typeof fr, string> = {
  'cookies.title': 'Cookie policy',
  'cookies.secure': 'Secure (over HTTPS)',
  'cookies.choicesHeading': 'Your choices',
  'cookie.session':
    'Keep you signed in from one page to the next once you have identified yourself, on the public site and in the administration.',
  'cookie.csrf':
    'Protect the forms and data calls made from the site (public and administration) from being sent by another site without your knowledge.',
  'cookie.consent':
    'Remember your choices about cookies and third-party services, so that you are not asked again on every page.',
  'cookie.session.function': 'Authentication (public site and back office)',
  'cookie.language.function': 'Language selection (public site and back office)',
  'cookie.csrf.function': 'Protection of forms and data calls (public site and back office)',
  'cookie.consent.function': 'Cookie choices (banner and management panel, on every page)',
  'consent.banner.title': 'About cookies on {portal}',
  'consent.banner.text':
    'This portal can show content from third-party services ({services}). They stay blocked until you accept them, because they may set cookies or learn of your visit. Your choice is kept for 6 months; you can change it at any time with the “Cookie settings” link at the bottom of every page.',
  'consent.banner.policy': 'Cookie policy',
  'consent.acceptAll': 'Accept all',
  'consent.refuseAll': 'Refuse all',
  'consent.customize': 'Customise',
  'consent.acceptAllTitle': 'Allow every third-party service',
  'consent.refuseAllTitle': 'Refuse every third-party service',
  'consent.customizeTitle': 'Choose service by service',
  'consent.panel.title': 'Cookie management panel',
  'consent.panel.all': 'Preferences for all services.',
  'consent.panel.close': 'Close',
  'consent.accept': 'Accept',
  'consent.refuse': 'Refuse',
  'consent.necessary.title': 'Necessary cookies',
  'consent.necessary.text':
    'This site uses cookies it needs to work (sign-in, language, form security, remembering your choices). They are exempt from consent and cannot be turned off.',
  'consent.statistics.title': 'The portal’s anonymous audience measurement',
  'consent.statistics.text':
    'The portal counts its visits itself, without cookies or scripts, without keeping your IP address, and keeps only anonymous statistics: this measurement is exempt from consent. You may object to it.',
  'consent.statistics.optOut': 'I object to the anonymous audience measurement',
  'consent.purpose.statistics.title': 'Audience measurement by a third party',
  'consent.purpose.statistics.text':
    'Audience measurement tools provided by other companies. They are loaded only with your consent.',
  'consent.purpose.third-party.title': 'Content from third-party services',
  'consent.purpose.third-party.text':
    'Videos, basemaps and other content hosted by other sites, which may set cookies or learn of your visit. They are loaded only with your consent.',
  'consent.details': 'See more details',
  'consent.service.label': '{name} ({provider})',
  'consent.service.cookies': 'Cookies set: {names}.',
  'consent.service.noCookies': 'This service declares no cookie.',
  'consent.service.privacy': 'Privacy policy of {provider}',
  'consent.confirm': 'Confirm my choices',
  'consent.page.intro':
    'Choose here, service by service, what the portal may load. Without an answer from you, a service stays blocked. You can change your choices at any time.',
  'consent.page.none':
    'No third-party service is configured on this portal: there is nothing to consent to.',
  'consent.page.current': 'Your current choices date from {date}.',
  'consent.saved': 'Your choices have been saved.',
  'consent.placeholder.title': 'Blocked content: {name}',
  'consent.placeholder.text':
    'This content is provided by {provider} ({purpose}). It stays blocked until you allow it, because this service may set cookies or learn of your visit.',
  'consent.placeholder.allow': 'Allow {name}',
  'consent.placeholder.manage': 'Manage my choices',
  'consent.embeds.heading': 'See also',
  'cookies.intro':
    "A cookie is a small file a site leaves in your browser to remember you from one page to the next. This page lists every cookie {portal} may set and every third-party service it may load. It is produced from the cookie registry in the portal's code, so it cannot contradict it.",
  'cookies.kinds.heading': 'Kinds of cookies',
  'cookies.kinds.necessary':
    'Necessary cookies are essential to the service you ask for (staying signed in, keeping your language, securing forms, remembering your choices). They are exempt from consent.',
  'cookies.kinds.statistics':
    'Statistics cookies measure the site’s audience. An anonymous measurement kept for the site’s publisher alone is exempt from consent; any other measurement waits for your consent.',
  'cookies.kinds.firstParty':
    'Internal (or “first-party”) cookies are set by the portal itself, on its own domain.',
  'cookies.kinds.thirdParty':
    'Third-party cookies are set by another site (a video host, a map provider…) whose content the portal shows. They are never set without your consent: the content stays blocked until you allow it.',
  'cookies.category.necessary': 'Necessary cookies',
  'cookies.category.statistics': 'Statistics cookies',
  'cookies.category.third-party': 'Third-party cookies and services',
  'cookies.category.necessary.text': 'Exempt from consent; set by the portal itself.',
  'cookies.category.statistics.text':
    'Subject to your consent, except the portal’s own anonymous measurement.',
  'cookies.category.third-party.text': 'Subject to your consent, service by service.',
  'cookies.category.empty': 'No cookie of this category is set.',
  'cookies.col.provider': 'Service provider’s name',
  'cookies.col.function': 'Function and location',
  'cookies.col.names': 'Cookie name(s)',
  'cookies.col.purpose': 'Purposes',
  'cookies.col.lifetime': 'Lifetime',
  'cookies.attributesNote': 'Attributes: {attributes}.',
  'cookies.noCookie':
    'No cookie declared; the service learns of your visit when its content loads.',
  'cookies.sessionLifetime': 'End of the browsing session',
  'cookies.location.script': 'Script loaded on every page',
  'cookies.location.iframe': 'Content embedded in the home page',
  'cookies.location.tiles': 'Basemap of the datasets’ “Map” tab',
  'cookies.choicesText':
    'You can accept or refuse each third-party service, and change your mind at any time, from the cookie management panel (the “Cookie settings” link at the bottom of every page). Withdrawing your consent is as easy as giving it.',
  'cookies.audience.function': 'Counting on the server, on every page and API call (no script)',
  'cookies.audience.purpose':
    'Anonymous audience statistics for the portal’s team alone: pages and datasets viewed, API calls, downloads, searches, errors. Your IP address, your browser’s full identity and the pages you came from are never kept.',
  'cookies.audience.noCookie':
    'No cookie. If you object, your choice is kept in cookies_preferences.',
  'cookies.audience.keptFor':
    'Anonymous counters kept {count} month|Anonymous counters kept {count} months',
  'cookies.audience.optOut': 'Object to this measurement',
  'cookies.audience.optOutText':
    'You may object to the portal’s anonymous audience measurement in the cookie management panel; “Do Not Track” and “Global Privacy Control” signals from your browser are honoured as objections too.',
  'cookies.choicesLink': 'Open the cookie management panel',
  'cookie.weeks': '{count} week|{count} weeks',
  'cookie.language': 'Remember the language you chose for the site.',
  'cookie.days': '{count} day|{count} days',
  'cookie.months': '{count} month|{count} months',
};
