import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PagedList } from '../../hooks/use-paged-list';
import { ErrorView, Loading } from '../state-view';

interface Props<T> {
  list: PagedList<T>;
  empty: ReactNode;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
}

/** Loading, error, empty, the items, then "加载更多" while the server says there is more. */
export function PagedListView<T>({ list, empty, keyOf, render }: Props<T>) {
  if (list.state === 'loading') return <Loading />;
  if (list.state === 'error') return <ErrorView error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <>{empty}</>;
  return (
    <View className="paged-list">
      {list.items.map((item) => (
        <View key={keyOf(item)}>{render(item)}</View>
      ))}
      {list.moreError && <Text className="load-more">{list.moreError}</Text>}
      {list.hasMore ? (
        <View className="load-more is-link" onClick={list.loadMore}>
          {list.loadingMore ? '加载中…' : '加载更多'}
        </View>
      ) : (
        <View className="load-more">没有更多了</View>
      )}
    </View>
  );
}
