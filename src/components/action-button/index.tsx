import { Button, Text } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  kind?: 'primary' | 'default' | 'warn';
  size?: 'block' | 'inline' | 'small';
  disabled?: boolean;
  /** Shows the spinner; a busy button is also disabled, so a double tap cannot submit twice. */
  busy?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/**
 * WeUI-style button (styles in app.scss) whose disabled look works on both targets. The label sits in its own
 * element: on H5 the button draws its spinner before its first child, and a bare text node that React replaces
 * in the same render would leave it nothing to insert before ("insertBefore … not a child of this node").
 */
export function ActionButton({ kind = 'primary', size = 'block', disabled = false, busy = false, onClick, children }: Props) {
  const off = disabled || busy;
  const className = ['btn', `btn--${kind}`, size === 'block' ? '' : `btn--${size}`, off ? 'is-disabled' : ''].filter(Boolean).join(' ');
  return (
    <Button className={className} disabled={off} loading={busy} onClick={off ? undefined : onClick}>
      <Text className="btn__text">{children}</Text>
    </Button>
  );
}
