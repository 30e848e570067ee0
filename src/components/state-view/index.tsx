import { Button, Text, View } from '@tarojs/components';
import type { LoadError } from '../../hooks/use-paged-list';
import { needsPersona } from '../../services/persona';
import './index.scss';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state-view state-view--loading">
      <View className="state-view__spinner" />
      <Text className="state-view__text">{text}</Text>
    </View>
  );
}

/** An empty list says why it is empty and, where there is one, what to do next. */
export function Empty({ title, hint, action }: { title: string; hint?: string; action?: { text: string; onClick: () => void } }) {
  return (
    <View className="state-view state-view--empty">
      <Text className="state-view__title">{title}</Text>
      {hint && <Text className="state-view__text">{hint}</Text>}
      {action && (
        <Button className="btn btn--primary btn--inline" onClick={action.onClick}>
          {action.text}
        </Button>
      )}
    </View>
  );
}

/** Failures a second try can cure; for anything else (no permission, not registered) retrying is pointless. */
const transient = new Set(['INTERNAL', 'REQUEST_IN_PROGRESS']);

/** What to do when the caller may not see this page at all. */
function accessHint(code: string): string | null {
  if (code !== 'FORBIDDEN_ROLE' && code !== 'FORBIDDEN_SCOPE' && code !== 'NOT_REGISTERED') return null;
  return needsPersona ? '可点右下角「演示身份」换一位有权限的成员。' : '如需使用，请联系所在社区的网格员或工作人员。';
}

/** A failed load shows the server's message (already plain Chinese) and the one thing worth doing next. */
export function ErrorView({ error, onRetry }: { error: LoadError | null; onRetry?: () => void }) {
  const code = error?.code ?? 'INTERNAL';
  const hint = accessHint(code);
  return (
    <View className="state-view state-view--error">
      <Text className="state-view__title">{hint ? '暂时无法查看' : '出错了'}</Text>
      <Text className="state-view__text">{error?.message ?? '请稍后重试'}</Text>
      {hint && <Text className="state-view__text">{hint}</Text>}
      {transient.has(code) && onRetry && (
        <Button className="btn btn--default btn--inline" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

/** A load that can fail with a reason, as `useRemote` gives it. */
interface Loadable {
  state: string;
  error: LoadError | null;
  reload: () => unknown;
}

/**
 * What a detail page shows until everything it needs is in: "not found" with a way out (when there is no
 * id, or the server says `notFoundCode`), the first failure with its retry, or loading.
 */
export function DetailPending(props: {
  loads: readonly Loadable[];
  id: string | undefined;
  notFoundCode: string;
  notFound: { title: string; hint: string; action: { text: string; onClick: () => void } };
}) {
  const failed = props.loads.find((load) => load.state === 'error') ?? null;
  if (!props.id || failed?.error?.code === props.notFoundCode) return <Empty {...props.notFound} />;
  if (failed) return <ErrorView error={failed.error} onRetry={() => void failed.reload()} />;
  return <Loading />;
}
