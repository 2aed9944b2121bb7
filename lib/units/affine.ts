/**
 * Conversions between units as plain numbers: every conversion matlit makes is affine (°C ↔ K has
 * an offset), so the server hands the browser a scale and an offset instead of a unit library.
 */
export interface Affine {
  scale: number;
  offset: number;
}

/** `value` through the conversion, rounded to 12 digits to drop binary noise: 6.9 stays 6.9. */
export function applyAffine(map: Affine, value: number): number {
  return Number((value * map.scale + map.offset).toPrecision(12));
}

/** A unit offered in a picker, with the conversion of canonical values into it. */
export interface UnitChoice {
  /** mathjs syntax; "" is a plain fraction. */
  value: string;
  label: string;
  fromCanonical: Affine;
}
