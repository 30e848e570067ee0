import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import type { Output } from '../../shared/contract';

export type ImportState = Output<'roster.import'>;

/** Where an import stands: its progress, its bad rows, or that it is done (then a way to the roster it went into). */
export function ImportResult({ state, communityId }: { state: ImportState; communityId?: string }) {
  if (state.status === 'running') {
    const percent = state.rows ? Math.floor((state.staged / state.rows) * 100) : 0;
    return (
      <View className="card roster-progress">
        <Text className="roster-progress__text">
          正在导入 {state.staged} / {state.rows} 行（{percent}%），请不要离开本页
        </Text>
        <View className="roster-progress__bar">
          <View className="roster-progress__fill" style={{ width: `${percent}%` }} />
        </View>
      </View>
    );
  }
  if (state.status === 'invalid') {
    return (
      <View className="banner-error roster-errors">
        <Text className="roster-errors__title">
          共 {state.rows} 行，其中 {state.errorCount} 行需要修改，整个文件没有导入。请在表格中改正后重新选择文件：
        </Text>
        {state.errors.map((e) => (
          <Text key={e.line} className="roster-errors__row">
            第 {e.line} 行：{e.reason}
          </Text>
        ))}
        {state.errorCount > state.errors.length && <Text className="roster-errors__row">……只显示前 {state.errors.length} 行</Text>}
      </View>
    );
  }
  const what = state.kind === 'residents' ? '人口台账' : '楼栋表';
  return (
    <View className="staff-done">
      <Text className="staff-done__title">{state.unchanged ? `这个${what}已导入过，没有变化` : `${what}导入完成`}</Text>
      <Text className="staff-done__detail">共 {state.rows} 行，已全部生效。</Text>
      {state.kind === 'residents' && (
        <View className="roster-done-action">
          <ActionButton
            kind="default"
            size="inline"
            onClick={() => void Taro.redirectTo({ url: `/package-admin/roster/index${communityId ? `?communityId=${communityId}` : ''}` })}
          >
            查看人口台账
          </ActionButton>
        </View>
      )}
    </View>
  );
}
