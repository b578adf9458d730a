/** The site dimension value: '<Region>/<Country>/<BuildingName>' (contract), or 'unmapped:<subnet>'. */
function level(v: string): string {
  const t = v.trim().replaceAll('/', '-');
  return t === '' ? 'unknown' : t;
}

/** Empty levels become 'unknown'; a '/' inside a level becomes '-' so the path keeps three levels. */
export function sitePath(region: string, country: string, building: string): string {
  return `${level(region)}/${level(country)}/${level(building)}`;
}

export function unmappedSite(subnet: string | null | undefined): string {
  const s = subnet?.trim();
  return `unmapped:${s ? s : 'unknown'}`;
}
