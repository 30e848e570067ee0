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

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * WeUI-style button (styles in app.scss) whose disabled look works on both targets. On H5 the spinner is ours:
 * the H5 button draws its own before its first child, which React may have just replaced in the same render
 * ("insertBefore … not a child of this node"); the weapp's native spinner has no such problem.
 */
export function ActionButton({ kind = 'primary', size = 'block', disabled = false, busy = false, onClick, children }: Props) {
  const off = disabled || busy;
  const className = ['btn', `btn--${kind}`, size === 'block' ? '' : `btn--${size}`, off ? 'is-disabled' : ''].filter(Boolean).join(' ');
  return (
    <Button className={className} disabled={off} loading={isWeapp && busy} onClick={off ? undefined : onClick}>
      {!isWeapp && busy && <Text className="weui-loading btn__spinner" />}
      {children}
    </Button>
  );
}
