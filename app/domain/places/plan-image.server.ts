/**
 * The background picture of an area's site plan: a PNG or JPEG of the grounds, drawn under
 * the pitches. What an organiser uploads is never stored as it came: the bytes must start
 * like a PNG or a JPEG, sharp (libvips) decodes them with a pixel limit, and only the
 * re-encoded pixels are kept (no metadata, no embedded profile or comment, no second file
 * hidden behind the image). An SVG or HTML page renamed .png fails the first check; a file
 * that only looks like one fails the decoding.
 */
import type { DB } from '../../../db/connection';
import { recordAudit } from '../audit/audit.server';
import { NotFoundError, ValidationError } from '../errors';
import { PLAN_IMAGE_MAX_BYTES } from './places.schema';

/** Larger pictures are scaled down to this width: enough for a plan on a wide screen. */
const MAX_WIDTH_PX = 4000;
/** Refuses decompression bombs: a small file that claims a gigantic canvas. */
const MAX_INPUT_PIXELS = 50_000_000;
const MAX_MB = PLAN_IMAGE_MAX_BYTES / 1024 / 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isPng = (b: Buffer) => b.length > 8 && b.subarray(0, 8).equals(PNG_SIGNATURE);
const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

export interface PlanImage {
  mime: 'image/png' | 'image/jpeg';
  image: Buffer;
  width: number;
  height: number;
}

const refuse = (key: string, values: Record<string, string | number> = {}) => new ValidationError(key, { picture: key }, values);

/** Decodes and re-encodes an uploaded picture; throws a ValidationError (field `picture`) for anything else. */
export async function reencodePlanImage(bytes: Buffer): Promise<PlanImage> {
  if (bytes.length === 0) throw refuse('places:errors.pictureMissing');
  if (bytes.length > PLAN_IMAGE_MAX_BYTES) throw refuse('places:errors.pictureTooBig', { max: MAX_MB });
  const png = isPng(bytes);
  if (!png && !isJpeg(bytes)) throw refuse('places:errors.pictureType');
  // libvips is loaded on the first upload, not at start: it is 13 MB of the server's memory (ADR 105).
  const { default: sharp } = await import('sharp');
  try {
    const input = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await input.metadata();
    if (meta.format !== (png ? 'png' : 'jpeg')) throw refuse('places:errors.pictureType');
    // rotate(): apply the camera's orientation, then forget it with the rest of the metadata
    const pipeline = input.rotate().resize({ width: MAX_WIDTH_PX, withoutEnlargement: true });
    const { data, info } = await (png ? pipeline.png({ compressionLevel: 9 }) : pipeline.jpeg({ quality: 85, mozjpeg: true })).toBuffer({ resolveWithObject: true });
    return { mime: png ? 'image/png' : 'image/jpeg', image: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw refuse('places:errors.pictureUnreadable');
  }
}

async function area(db: DB, editionId: number, areaId: number) {
  const row = await db.selectFrom('stages').select('id').where('id', '=', areaId).where('edition_id', '=', editionId).where('kind', '=', 'area').executeTakeFirst();
  if (!row) throw new NotFoundError('places:errors.area');
  return row;
}

/**
 * Stores (or replaces) the picture of an area, with how many metres its width shows so it
 * lies under the pitches at the right scale.
 */
export async function savePlanImage(db: DB, actorId: number, editionId: number, areaId: number, picture: PlanImage, widthMetres: number): Promise<void> {
  await area(db, editionId, areaId);
  await db.transaction().execute(async (trx) => {
    const row = { edition_id: editionId, mime: picture.mime, image: picture.image, width: picture.width, height: picture.height, width_m: widthMetres, updated_at: new Date().toISOString() };
    await trx
      .insertInto('site_plan_images')
      .values({ stage_id: areaId, ...row })
      .onConflict((oc) => oc.column('stage_id').doUpdateSet(row))
      .execute();
    await recordAudit(trx, { actorId, action: 'site_plan_image.saved', subjectType: 'stage', subjectId: areaId, details: { editionId, mime: picture.mime, width: picture.width, height: picture.height, widthMetres } });
  });
}

export async function removePlanImage(db: DB, actorId: number, editionId: number, areaId: number): Promise<void> {
  await area(db, editionId, areaId);
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('site_plan_images').where('stage_id', '=', areaId).executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) await recordAudit(trx, { actorId, action: 'site_plan_image.removed', subjectType: 'stage', subjectId: areaId, details: { editionId } });
  });
}

/** The facts of the pictures of an edition's areas (not the bytes), keyed by area. */
export async function planImagesOf(db: DB, editionId: number): Promise<Map<number, { width: number; height: number; width_m: number; updated_at: string }>> {
  const rows = await db.selectFrom('site_plan_images').select(['stage_id', 'width', 'height', 'width_m', 'updated_at']).where('edition_id', '=', editionId).execute();
  return new Map(rows.map((r) => [r.stage_id, r]));
}

/** The stored bytes of one area's picture (for the image route), or undefined. */
export async function planImageBytes(db: DB, areaId: number) {
  return db
    .selectFrom('site_plan_images')
    .innerJoin('editions', 'editions.id', 'site_plan_images.edition_id')
    .select(['site_plan_images.mime', 'site_plan_images.image', 'site_plan_images.updated_at', 'site_plan_images.edition_id', 'editions.slug', 'editions.status'])
    .where('site_plan_images.stage_id', '=', areaId)
    .executeTakeFirst();
}
