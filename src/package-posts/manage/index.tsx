import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';
import { PagedListView } from '../../components/paged-list';
import { PageShell } from '../../components/page-shell';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { toastResult } from '../../utils/toast';
import { PostCard, type PostView } from '../post-card';
import { editing } from '../selected';
import '../../package-staff/parts/index.scss';
import '../index.scss';

/** 岗位管理 (community staff): every post with its holders; publish, edit, close; shifts; this month's ratings. */
function ManagePostsPage() {
  const list = usePagedList<PostView>((offset) => call('post.list', { view: 'all', offset, limit: 10 }), 'all');
  const stats = useRemote(() => call('post.memberStats', { limit: 20 }));
  usePullRefresh(list.reload);
  const open = (post: PostView | null) => {
    editing.set(post);
    void Taro.navigateTo({ url: `/package-posts/edit/index${post ? `?postId=${post.id}` : ''}` });
  };
  const members = stats.data?.members?.items ?? [];

  return (
    <PageShell className="posts-manage">
      <Text className="posts-intro">发布楼栋长、助老员等服务岗位，党员认领后按值班签到签退记志愿服务积分。</Text>
      <View className="staff-actions">
        <ActionButton onClick={() => open(null)}>发布新岗位</ActionButton>
      </View>
      <View className="posts-summary">
        <Text className="posts-summary__title">本月服务评价（党员积分录入参考）</Text>
        {stats.state === 'loading' && <Text className="posts-summary__line">加载中…</Text>}
        {stats.state === 'error' && <Text className="posts-summary__line">{stats.error?.message ?? '加载失败'}，下拉可重试</Text>}
        {stats.state === 'ready' && members.length === 0 && <Text className="posts-summary__line">本月还没有评价</Text>}
        {members.map((m) => (
          <Text key={m.name} className="posts-summary__line">{`${m.name}：平均 ${m.average ?? '-'} 分，${m.count} 次`}</Text>
        ))}
      </View>
      <PagedListView
        list={list}
        keyOf={(p) => p.id}
        render={(p) => <ManagedPost post={p} onEdit={() => open(p)} onClosed={(c) => list.edit((x) => (x.id === c.id ? c : x))} />}
        empty={<Empty title="还没有发布岗位" hint="点上方「发布新岗位」，填写地点、名额和值班时间。" />}
      />
    </PageShell>
  );
}

function ManagedPost({ post, onEdit, onClosed }: { post: PostView; onEdit: () => void; onClosed: (p: PostView) => void }) {
  const close = useSubmit('post.close');
  async function onClose() {
    const sure = await Taro.showModal({ title: '关闭岗位', content: `关闭「${post.title}」后不能再认领和签到，确定吗？`, confirmText: '关闭' });
    if (!sure.confirm) return;
    const reply = await close.submit({ postId: post.id });
    if (reply?.ok) {
      toastResult({ ok: true, text: '岗位已关闭' });
      onClosed(reply.data.post);
    }
  }
  return (
    <PostCard post={post}>
      {close.failure && <Text className="banner-error">{close.failure.message}</Text>}
      {post.status === 'open' && (
        <ActionButton size="inline" kind="default" onClick={onEdit}>
          编辑
        </ActionButton>
      )}
      <ActionButton size="inline" kind="default" onClick={() => void Taro.navigateTo({ url: `/package-posts/shifts/index?postId=${post.id}` })}>
        值班记录
      </ActionButton>
      {post.status === 'open' && (
        <ActionButton size="inline" kind="warn" busy={close.submitting} onClick={() => void onClose()}>
          关闭
        </ActionButton>
      )}
    </PostCard>
  );
}

export default ManagePostsPage;
