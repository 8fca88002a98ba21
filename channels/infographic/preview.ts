/** The infographic's draft preview: each template's image with its title, for the gallery of the approval page and the dashboard. */
import { templateTitle } from './render/labels.js';

export interface GalleryImage {
  src: string;
  label: string;
}

/** The PNG drafts among `keys` (`…/infographic/<template>.png`), each addressed by `src(key)`. */
export function infographicGallery(keys: readonly string[], src: (key: string) => string): GalleryImage[] {
  return keys.filter((k) => k.endsWith('.png')).map((k) => ({ src: src(k), label: templateTitle(k.slice(k.lastIndexOf('/') + 1, -'.png'.length)) }));
}
