/** A URL-safe name: `Mănăștur` → `manastur`, `Între Lacuri` → `intre-lacuri`. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
