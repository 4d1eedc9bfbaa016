/** localStorage that may be missing (privacy mode, a sandboxed frame): then nothing lasts beyond the page. */
export function storageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function storageSet(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage full or disabled: see storageGet */
  }
}

/** Where the widget's own sign-in keeps its session for an API (see session.ts). */
export const sessionKey = (apiUrl: string): string => `todo-assistant:session:${apiUrl}`;

/** Where a site's guest is kept (see guest-session.ts). */
export const guestKey = (apiUrl: string, site: string): string => `todo-assistant:guest:${apiUrl}:${site}`;

/** `on` once the person asked, in the panel, for system notifications of reminders while the page is hidden. */
export const notifyKey = (apiUrl: string): string => `todo-assistant:notify:${apiUrl}`;
