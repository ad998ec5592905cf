// Texts administrators write around the portal's generated pages.

export { PortalTextsService } from './portal-texts-service.ts';
export type { LocalizedTexts } from './portal-texts-service.ts';
