/** The first language tag of an Accept-Language header ("de-DE,de;q=0.9" → "de-DE"), if it looks like one. */
export function primaryLocale(acceptLanguage: string | undefined): string | undefined {
  const tag = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
  return tag && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}
