import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useTabEnv } from '../../tabContext.ts';

/** Asks before something that reaches many chats (a send, a correction, a recall). */
export function ConfirmDialog({
  open,
  title,
  body,
  confirm,
  danger,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  body: string;
  confirm: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTabEnv();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {t.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm} data-danger={danger ? 'true' : undefined}>
              {confirm}
            </Button>
          </DialogActions>
        </DialogBody>
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
