// The credentials the user signed in with, kept in this browser tab's session storage only: closing the tab forgets
// them, and they are never sent anywhere but in signatures.
const KEY = "tributary.credentials";

/** `{accessKeyId, secretAccessKey, sessionToken?, region}` or null when signed out. */
export function currentCredentials() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function signIn(credentials) {
  sessionStorage.setItem(KEY, JSON.stringify(credentials));
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}
