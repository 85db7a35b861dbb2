/**
 * Opens a modal dialog and, when it closes (button, Esc or `close()`), puts the focus back
 * where it was — on the button or table cell that opened it — so a keyboard user keeps their
 * place. If that element is gone (the table redrew), focus goes to `fallback` when given.
 */
export function showModalReturningFocus(dialog: HTMLDialogElement, fallback?: () => HTMLElement | null): void {
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  dialog.addEventListener(
    'close',
    () => {
      const target = opener?.isConnected ? opener : (fallback?.() ?? null);
      target?.focus();
    },
    { once: true },
  );
  if (!dialog.open) dialog.showModal();
}
