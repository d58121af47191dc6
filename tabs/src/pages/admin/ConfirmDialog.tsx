import { useEffect, useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from '@fluentui/react-components';
import { useTabEnv } from '../../tabContext.ts';

/**
 * What the person must type before confirming something that cannot be undone (an erasure): the
 * confirm button stays disabled until `accepts` says yes, and the typed text goes to `onConfirm`.
 */
export interface TypedConfirmation {
  label: string;
  hint?: string;
  accepts: (typed: string) => boolean;
}

/** Asks before something that reaches many chats (a send, a correction, a recall) or cannot be undone. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirm,
  danger,
  typed,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  body: string;
  confirm: string;
  danger?: boolean;
  typed?: TypedConfirmation;
  onConfirm: (typed: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTabEnv();
  const [text, setText] = useState('');
  // Each opening starts empty: a confirmation typed for one person must not carry over to the next.
  useEffect(() => {
    if (open) setText('');
  }, [open]);
  const ready = !typed || typed.accepts(text);
  // A form, so Enter in the field confirms (when the text is accepted) as the button does. The dialog
  // is often rendered inside the form it confirms (the compose form): React bubbles a submit through
  // the portal to that form too, which would start the send over, so it stops here.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (ready) onConfirm(text);
  };
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              {body}
              {typed && (
                <Field label={typed.label} hint={typed.hint} required>
                  <Input
                    value={text}
                    onChange={(_e, d) => setText(d.value)}
                    autoComplete="off"
                    spellCheck={false}
                  />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" type="button" onClick={onCancel}>
                {t.cancel}
              </Button>
              <Button
                appearance="primary"
                type="submit"
                disabled={!ready}
                data-danger={danger ? 'true' : undefined}
              >
                {confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Resolves once no confirmation dialog is on the page (at most 2 s). A modal dialog hides the rest of
 * the page from assistive technology while open and shows it again when its closing ends; a page
 * that replaces the form (and the dialog with it) before that would stay hidden to screen readers.
 */
export function dialogClosed(): Promise<void> {
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const open =
        document.querySelector('[role="alertdialog"]') !== null ||
        document.querySelector('body > [aria-hidden="true"]') !== null;
      if (open && performance.now() - started < 2000) requestAnimationFrame(check);
      else resolve();
    };
    check();
  });
}
