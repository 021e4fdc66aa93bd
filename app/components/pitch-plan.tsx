/**
 * The office's plan of one area, where pitches are placed. Without JavaScript the number
 * fields under it (left, top in metres) are the way; with JavaScript a pitch can also be
 * dragged on the plan, which writes the same fields and submits the same form: one way of
 * saving, two ways of choosing the numbers. The list of fields stays the accessible
 * equivalent of the picture.
 */
import { useRef, useState } from 'react';
import { SitePlanSvg, type PlanBackground, type PlanPitch } from './schedule';

/** Positions snap to 10 cm: what a person would type. */
const snap = (metres: number) => Math.max(0, Math.round(metres * 10) / 10);

export function PitchPlanEditor({ pitches, label, background, formId }: { pitches: PlanPitch[]; label: string; background?: PlanBackground | null; formId: string }) {
  const svg = useRef<SVGSVGElement>(null);
  const [moved, setMoved] = useState<Record<number, { x: number; y: number }>>({});
  const drag = useRef<{ id: number; start: DOMPoint; from: { x: number; y: number }; moved: boolean } | null>(null);

  const pointIn = (event: { clientX: number; clientY: number }) => {
    const matrix = svg.current?.getScreenCTM()?.inverse();
    return matrix ? new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix) : null;
  };
  const field = (name: string) => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    return form?.elements.namedItem(name) as HTMLInputElement | null;
  };

  const onPitchPointerDown = (event: React.PointerEvent<SVGGElement>, id: number) => {
    const start = pointIn(event);
    const pitch = pitches.find((p) => p.id === id);
    if (!start || !pitch) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { id, start, from: moved[id] ?? { x: pitch.x, y: pitch.y }, moved: false };
    svg.current?.classList.add('site-plan--dragging');
    const target = event.currentTarget;
    const onMove = (e: PointerEvent) => {
      const now = pointIn(e);
      const current = drag.current;
      if (!now || !current) return;
      const to = { x: snap(current.from.x + now.x - current.start.x), y: snap(current.from.y + now.y - current.start.y) };
      current.moved = current.moved || to.x !== current.from.x || to.y !== current.from.y;
      setMoved((m) => ({ ...m, [current.id]: to }));
      const x = field(`x_${current.id}`);
      const y = field(`y_${current.id}`);
      if (x) x.value = String(to.x);
      if (y) y.value = String(to.y);
    };
    const onUp = () => {
      target.removeEventListener('pointermove', onMove);
      target.removeEventListener('pointerup', onUp);
      target.removeEventListener('pointercancel', onUp);
      svg.current?.classList.remove('site-plan--dragging');
      const done = drag.current;
      drag.current = null;
      // dropped somewhere new: save, as the button under the fields would
      if (done?.moved) (document.getElementById(formId) as HTMLFormElement | null)?.requestSubmit();
    };
    target.addEventListener('pointermove', onMove);
    target.addEventListener('pointerup', onUp);
    target.addEventListener('pointercancel', onUp);
  };

  const shown = pitches.map((p) => ({ ...p, ...(moved[p.id] ?? {}) }));
  return <SitePlanSvg svgRef={svg} pitches={shown} label={label} background={background} onPitchPointerDown={onPitchPointerDown} />;
}
