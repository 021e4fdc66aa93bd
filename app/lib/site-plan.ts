/** Where an area's picture of the grounds is served, and the metres it spans under the plan. */
export function planBackground(editionSlug: string, areaId: number, image: { width: number; height: number; width_m: number; updated_at: string } | undefined | null) {
  if (!image) return null;
  return {
    href: `/editions/${editionSlug}/site-plan/${areaId}?v=${encodeURIComponent(image.updated_at)}`,
    width: image.width_m,
    height: (image.width_m * image.height) / image.width,
  };
}
