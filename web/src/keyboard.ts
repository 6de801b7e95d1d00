/**
 * Enter in a date field confirms the date, nothing more. The picker's input sits inside the form, so the
 * browser would also submit the form on Enter (implicit submission) — with half the fields still to fill.
 * One listener for every form: it runs after the picker's own handler (React listens on the root, below the
 * document), so the picker still takes the typed date, and then cancels the browser's default action.
 */
export function keepEnterInDateFields(doc: Document = document) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    const target = e.target;
    if (target instanceof HTMLInputElement && target.closest('.ant-picker')) e.preventDefault();
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}
