/**
 * WeChat's privacy authorisation (用户隐私保护指引): before the first private API (location, photos, phone) WeChat
 * calls `onNeedPrivacyAuthorization`, and Linli shows its own popup; the answer goes back through `resolve`.
 * Weapp only — H5 has no such gate.
 */
type Resolve = (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void;
type Listener = (asking: boolean) => void;

export const AGREE_BUTTON_ID = 'linli-privacy-agree';

let pending: Resolve | null = null;
const listeners = new Set<Listener>();

interface PrivacyWx {
  onNeedPrivacyAuthorization?: (handler: (resolve: Resolve) => void) => void;
}

/** Called once when the app starts (weapp). */
export function listenForPrivacyAuthorization(wxApi: PrivacyWx | undefined): void {
  wxApi?.onNeedPrivacyAuthorization?.((resolve) => {
    pending = resolve;
    listeners.forEach((l) => l(true));
  });
}

export function onPrivacyAsk(listener: Listener): () => void {
  listeners.add(listener);
  if (pending) listener(true);
  return () => listeners.delete(listener);
}

/** The person answered in the popup: WeChat records the consent and lets the API run (or refuses it). */
export function answerPrivacy(agree: boolean): void {
  pending?.(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
  pending = null;
  listeners.forEach((l) => l(false));
}
