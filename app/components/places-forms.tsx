/** The fields of the office forms that set up an edition's places (venues, stages, stand types, pitches). */
import { Form, Link } from '@remix-run/react';
import { STAND_EQUIPMENT, VENUE_ACCESS } from '~/domain/places/places.schema';
import { formatDay } from '~/lib/time';
import { Field } from './forms';
import { Localized, useI18n } from './i18n';
import { inLanguage, LocalizedFields, type SchemaForm } from './schema-forms';
import { ChoiceGroup, Select } from './registration';
import { OfficeEditionNav } from './schedule';

/** The head of every set-up page of an edition: the office navigation, the edition, the title, the way back. */
export function SetupPageHeader({ edition, title }: { edition: { slug: string; title: string }; title: string }) {
  const { t } = useI18n();
  return (
    <>
      <OfficeEditionNav slug={edition.slug} />
      <p className="eyebrow">
        <Localized value={edition.title} />
      </p>
      <h1>{title}</h1>
      <p>
        <Link to={`/office/editions/${edition.slug}`}>{t('places:backToDashboard')}</Link>
      </p>
    </>
  );
}

export { FormAlert } from './registration';

export function VenueFields({ setup }: { setup: SchemaForm }) {
  const { t, locale } = useI18n();
  return (
    <>
      <LocalizedFields setup={setup} prefix="name" label={inLanguage(t, locale, t('places:venue.name'))} germanRequired maxLength={120} more={t('places:otherLanguages', { field: t('places:venue.name') })} />
      <Field name="address" type="text" label={t('places:venue.address')} defaultValue={setup.value('address')} error={setup.error('address')} required maxLength={200} autoComplete="off" />
      <div className="field-row">
        <Field name="lat" type="text" inputMode="decimal" label={t('places:venue.lat')} hint={t('places:venue.coordinatesHint')} defaultValue={setup.value('lat')} error={setup.error('lat')} />
        <Field name="lng" type="text" inputMode="decimal" label={t('places:venue.lng')} defaultValue={setup.value('lng')} error={setup.error('lng')} />
      </div>
      <ChoiceGroup
        name="accessibility"
        type="checkbox"
        legend={t('places:venue.accessibility')}
        options={VENUE_ACCESS.map((flag) => ({ value: flag, label: t(`places:access.${flag}`) }))}
        selected={setup.values('accessibility')}
        error={setup.error('accessibility')}
      />
      <LocalizedFields setup={setup} prefix="accessibility_note" label={inLanguage(t, locale, t('places:venue.accessibilityNote'))} multiline germanRequired={false} maxLength={500} more={t('places:otherLanguages', { field: t('places:venue.accessibilityNote') })} />
      <Field name="sort_order" type="number" min={0} max={999} label={t('places:order')} hint={t('places:orderHint')} defaultValue={setup.value('sort_order')} error={setup.error('sort_order')} />
    </>
  );
}

export function StageFields({ setup, venues, days }: { setup: SchemaForm; venues: { id: number; name: string }[]; days: string[] }) {
  const { t, text, locale } = useI18n();
  return (
    <>
      <LocalizedFields setup={setup} prefix="name" label={inLanguage(t, locale, t('places:stage.name'))} germanRequired maxLength={120} more={t('places:otherLanguages', { field: t('places:stage.name') })} />
      <Select name="venue_id" label={t('places:stage.venue')} defaultValue={setup.value('venue_id')} error={setup.error('venue_id')} options={venues.map((v) => ({ value: String(v.id), label: text(v.name).text }))} />
      <ChoiceGroup
        name="kind"
        type="radio"
        legend={t('places:stage.kind')}
        options={[
          { value: 'stage', label: t('places:stage.kindStage') },
          { value: 'area', label: t('places:stage.kindArea') },
        ]}
        selected={[setup.value('kind') ?? 'stage']}
        error={setup.error('kind')}
      />
      <Field
        name="changeover_minutes"
        type="number"
        min={0}
        max={240}
        label={t('places:stage.changeover')}
        hint={t('places:stage.changeoverHint')}
        defaultValue={setup.value('changeover_minutes')}
        error={setup.error('changeover_minutes')}
      />
      <Field name="sort_order" type="number" min={0} max={999} label={t('places:order')} hint={t('places:orderHint')} defaultValue={setup.value('sort_order')} error={setup.error('sort_order')} />
      <fieldset className="fieldset">
        <legend>{t('places:stage.hours')}</legend>
        <p className="hint">{t('places:stage.hoursHint')}</p>
        {days.map((day) => (
          <div className="field-row" key={day}>
            <Field
              name={`opens_${day}`}
              type="time"
              step={300}
              label={t('places:stage.opensOn', { day: formatDay(day, locale) })}
              defaultValue={setup.value(`opens_${day}`)}
              error={setup.error(`opens_${day}`)}
            />
            <Field
              name={`closes_${day}`}
              type="time"
              step={300}
              label={t('places:stage.closesOn', { day: formatDay(day, locale) })}
              defaultValue={setup.value(`closes_${day}`)}
              error={setup.error(`closes_${day}`)}
            />
          </div>
        ))}
      </fieldset>
    </>
  );
}

export function StandTypeFields({ setup }: { setup: SchemaForm }) {
  const { t, locale } = useI18n();
  return (
    <>
      <LocalizedFields setup={setup} prefix="name" label={inLanguage(t, locale, t('places:standType.name'))} germanRequired maxLength={120} more={t('places:otherLanguages', { field: t('places:standType.name') })} />
      <LocalizedFields setup={setup} prefix="description" label={inLanguage(t, locale, t('places:standType.description'))} multiline germanRequired={false} maxLength={1000} more={t('places:otherLanguages', { field: t('places:standType.description') })} />
      <Field name="fee" type="text" inputMode="decimal" label={t('places:standType.fee')} hint={t('places:standType.feeHint')} defaultValue={setup.value('fee')} error={setup.error('fee')} required />
      <Field name="capacity" type="number" min={0} label={t('places:standType.capacity')} hint={t('places:standType.capacityHint')} defaultValue={setup.value('capacity')} error={setup.error('capacity')} required />
      <div className="field-row">
        <Field name="width_m" type="text" inputMode="decimal" label={t('places:standType.width')} defaultValue={setup.value('width_m')} error={setup.error('width_m')} required />
        <Field name="depth_m" type="text" inputMode="decimal" label={t('places:standType.depth')} defaultValue={setup.value('depth_m')} error={setup.error('depth_m')} required />
      </div>
      <ChoiceGroup
        name="equipment"
        type="checkbox"
        legend={t('places:standType.equipment')}
        options={STAND_EQUIPMENT.map((e) => ({ value: e, label: t(`registration:equipment.${e}`) }))}
        selected={setup.values('equipment')}
        error={setup.error('equipment')}
      />
    </>
  );
}

/** The "remove" button of an edit page, in a form of its own. */
export function RemoveForm({ label, disabled, hint }: { label: string; disabled?: boolean; hint?: string }) {
  return (
    <Form method="post" className="remove-form">
      <input type="hidden" name="intent" value="remove" />
      {hint ? <p className="hint">{hint}</p> : null}
      <button type="submit" className="secondary danger" disabled={disabled}>
        {label}
      </button>
    </Form>
  );
}
