/** The fields of the office forms that set up an edition's places (venues, stages, stand types, pitches). */
import { Form, Link } from '@remix-run/react';
import { STAND_EQUIPMENT, VENUE_ACCESS } from '~/domain/places/places.schema';
import type { FieldErrors } from '~/lib/forms';
import { formatDay } from '~/lib/time';
import { Field } from './forms';
import { Localized, useI18n } from './i18n';
import { LocalizedField } from './localized-field';
import { ChoiceGroup, Select } from './registration';
import { OfficeEditionNav } from './schedule';

export type FormValues = Record<string, string>;

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

/** Checked values of a repeated field (a kept submission joins them with commas). */
export const chosen = (values: FormValues, name: string) => (values[name] ?? '').split(',').filter(Boolean);

export { FormAlert } from './registration';

export function VenueFields({ values, errors }: { values: FormValues; errors?: FieldErrors }) {
  const { t } = useI18n();
  return (
    <>
      <LocalizedField name="name" field={t('places:venue.name')} values={values} errors={errors} required maxLength={120} />
      <Field name="address" type="text" label={t('places:venue.address')} defaultValue={values.address} error={errors?.address} required maxLength={200} autoComplete="off" />
      <div className="field-row">
        <Field name="lat" type="text" inputMode="decimal" label={t('places:venue.lat')} hint={t('places:venue.coordinatesHint')} defaultValue={values.lat} error={errors?.lat} />
        <Field name="lng" type="text" inputMode="decimal" label={t('places:venue.lng')} defaultValue={values.lng} error={errors?.lng} />
      </div>
      <ChoiceGroup
        name="accessibility"
        type="checkbox"
        legend={t('places:venue.accessibility')}
        options={VENUE_ACCESS.map((flag) => ({ value: flag, label: t(`places:access.${flag}`) }))}
        selected={chosen(values, 'accessibility')}
        error={errors?.accessibility}
      />
      <LocalizedField name="accessibility_note" field={t('places:venue.accessibilityNote')} values={values} errors={errors} multiline maxLength={500} />
      <Field name="sort_order" type="number" min={0} max={999} label={t('places:order')} hint={t('places:orderHint')} defaultValue={values.sort_order} error={errors?.sort_order} />
    </>
  );
}

export function StageFields({ values, errors, venues, days }: { values: FormValues; errors?: FieldErrors; venues: { id: number; name: string }[]; days: string[] }) {
  const { t, text, locale } = useI18n();
  return (
    <>
      <LocalizedField name="name" field={t('places:stage.name')} values={values} errors={errors} required maxLength={120} />
      <Select name="venue_id" label={t('places:stage.venue')} defaultValue={values.venue_id} error={errors?.venue_id} options={venues.map((v) => ({ value: String(v.id), label: text(v.name).text }))} />
      <ChoiceGroup
        name="kind"
        type="radio"
        legend={t('places:stage.kind')}
        options={[
          { value: 'stage', label: t('places:stage.kindStage') },
          { value: 'area', label: t('places:stage.kindArea') },
        ]}
        selected={[values.kind ?? 'stage']}
        error={errors?.kind}
      />
      <Field
        name="changeover_minutes"
        type="number"
        min={0}
        max={240}
        label={t('places:stage.changeover')}
        hint={t('places:stage.changeoverHint')}
        defaultValue={values.changeover_minutes}
        error={errors?.changeover_minutes}
      />
      <Field name="sort_order" type="number" min={0} max={999} label={t('places:order')} hint={t('places:orderHint')} defaultValue={values.sort_order} error={errors?.sort_order} />
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
              defaultValue={values[`opens_${day}`]}
              error={errors?.[`opens_${day}`]}
            />
            <Field
              name={`closes_${day}`}
              type="time"
              step={300}
              label={t('places:stage.closesOn', { day: formatDay(day, locale) })}
              defaultValue={values[`closes_${day}`]}
              error={errors?.[`closes_${day}`]}
            />
          </div>
        ))}
      </fieldset>
    </>
  );
}

export function StandTypeFields({ values, errors }: { values: FormValues; errors?: FieldErrors }) {
  const { t } = useI18n();
  return (
    <>
      <LocalizedField name="name" field={t('places:standType.name')} values={values} errors={errors} required maxLength={120} />
      <LocalizedField name="description" field={t('places:standType.description')} values={values} errors={errors} multiline maxLength={1000} />
      <Field name="fee" type="text" inputMode="decimal" label={t('places:standType.fee')} hint={t('places:standType.feeHint')} defaultValue={values.fee} error={errors?.fee} required />
      <Field name="capacity" type="number" min={0} label={t('places:standType.capacity')} hint={t('places:standType.capacityHint')} defaultValue={values.capacity} error={errors?.capacity} required />
      <div className="field-row">
        <Field name="width_m" type="text" inputMode="decimal" label={t('places:standType.width')} defaultValue={values.width_m} error={errors?.width_m} required />
        <Field name="depth_m" type="text" inputMode="decimal" label={t('places:standType.depth')} defaultValue={values.depth_m} error={errors?.depth_m} required />
      </div>
      <ChoiceGroup
        name="equipment"
        type="checkbox"
        legend={t('places:standType.equipment')}
        options={STAND_EQUIPMENT.map((e) => ({ value: e, label: t(`registration:equipment.${e}`) }))}
        selected={chosen(values, 'equipment')}
        error={errors?.equipment}
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
