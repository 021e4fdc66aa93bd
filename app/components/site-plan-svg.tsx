/** The site plan of an area, drawn to scale: the public edition page and the office's plan pages. */
export interface PlanPitch {
  id: number;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** what to write in the pitch: a stand's name, or nothing */
  name: string | null;
  taken?: boolean;
}

/** A picture of the grounds under the plan: where it is served, and how many metres it spans. */
export interface PlanBackground {
  href: string;
  /** metres */
  width: number;
  height: number;
}

/**
 * An area's plan drawn to scale (metres); the list next to it carries the same for screen
 * readers. With `onPitchPointerDown` (the office's pitches page, JavaScript on) the pitches
 * can be picked up and dragged; the picture of the grounds, if any, lies under them.
 */
export function SitePlanSvg({
  pitches,
  label,
  background,
  svgRef,
  onPitchPointerDown,
}: {
  pitches: PlanPitch[];
  label: string;
  background?: PlanBackground | null;
  svgRef?: React.Ref<SVGSVGElement>;
  onPitchPointerDown?: (event: React.PointerEvent<SVGGElement>, pitchId: number) => void;
}) {
  const width = Math.max(10, ...pitches.map((p) => p.x + p.width), background?.width ?? 0) + 1;
  const height = Math.max(5, ...pitches.map((p) => p.y + p.height), background?.height ?? 0) + 1;
  return (
    <svg ref={svgRef} className="site-plan" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} preserveAspectRatio="xMinYMin meet">
      <rect x={0} y={0} width={width} height={height} className="site-plan__ground" />
      {background ? <image href={background.href} x={0} y={0} width={background.width} height={background.height} preserveAspectRatio="none" className="site-plan__picture" /> : null}
      {pitches.map((p) => (
        <g
          key={p.id}
          className={`${p.name || p.taken ? 'site-plan__pitch site-plan__pitch--taken' : 'site-plan__pitch'}${onPitchPointerDown ? ' site-plan__pitch--movable' : ''}`}
          data-pitch={p.label}
          onPointerDown={onPitchPointerDown ? (event) => onPitchPointerDown(event, p.id) : undefined}
        >
          <rect x={p.x} y={p.y} width={p.width} height={p.height} rx={0.15} />
          <text x={p.x + 0.25} y={p.y + 0.8} className="site-plan__number">
            {p.label}
          </text>
          {p.name ? (
            <text x={p.x + 0.25} y={p.y + 1.5} className="site-plan__name">
              {p.name.length > Math.floor(p.width * 2.6) ? `${p.name.slice(0, Math.max(3, Math.floor(p.width * 2.6) - 1))}…` : p.name}
              <title>{p.name}</title>
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
