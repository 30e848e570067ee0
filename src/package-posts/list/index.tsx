import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { PagedListView } from '../../components/paged-list';
import { PageShell } from '../../components/page-shell';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../hooks/use-me';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { toastResult } from '../../utils/toast';
import { PostCard, type PostView } from '../post-card';
import '../index.scss';

type View = 'open' | 'mine' | 'nearby';

const empties: Record<View, { title: string; hint: string }> = {
  open: { title: '暂时没有可认领的岗位', hint: '社区发布新岗位后会出现在这里，也可以先看看「我的岗位」。' },
  mine: { title: '你还没有认领岗位', hint: '在「可认领」里选一个岗位，点「认领」即可。' },
  nearby: { title: '你所在网格还没有服务岗位', hint: '有岗位后，可以在这里查看值班记录并评价服务。' },
};

/** 岗位认领 (members claim and serve; everyone sees the posts around them and rates their shifts). */
function PostListPage() {
  const me = useMe();
  const member = me.data?.roles.includes('member') ?? false;
  const [view, setView] = useState<View>('open');
  const shown: View = member ? view : 'nearby';
  const list = usePagedList<PostView>((offset) => call('post.list', { view: shown, offset, limit: 10 }), me.data ? shown : null);
  usePullRefresh(list.reload);
  const replace = (post: PostView) => list.edit((p) => (p.id !== post.id ? p : shown === 'open' && (post.free === 0 || post.held) ? null : post));
  const leftPost = (post: PostView) => list.edit((p) => (p.id !== post.id ? p : shown === 'mine' ? null : post));

  return (
    <PageShell className="posts-list">
      <Text className="posts-intro">认领社区服务岗位（楼栋长、助老员等），按值班时间签到签退，志愿服务积分按小时计。</Text>
      {member && (
        <Tabs
          tabs={[
            { value: 'open', label: '可认领' },
            { value: 'mine', label: '我的岗位' },
            { value: 'nearby', label: '身边岗位' },
          ]}
          value={view}
          onChange={setView}
        />
      )}
      <PagedListView
        list={list}
        keyOf={(p) => p.id}
        render={(p) => <PostItem post={p} onChanged={replace} onLeft={leftPost} />}
        empty={<Empty {...empties[shown]} />}
      />
      {member && shown === 'mine' && (
        <View className="staff-actions">
          <ActionButton kind="default" onClick={() => void Taro.navigateTo({ url: '/package-posts/shifts/index' })}>
            我的值班记录和服务评价
          </ActionButton>
        </View>
      )}
    </PageShell>
  );
}

/** A post with what its viewer may do: claim it, check in or out of a shift, leave it, see its shifts. */
function PostItem({ post, onChanged, onLeft }: { post: PostView; onChanged: (p: PostView) => void; onLeft: (p: PostView) => void }) {
  const claim = useSubmit('post.claim');
  const leave = useSubmit('post.leave');
  const checkIn = useSubmit('post.checkIn');
  const checkOut = useSubmit('post.checkOut');
  const failure = claim.failure ?? leave.failure ?? checkIn.failure ?? checkOut.failure;

  async function onClaim() {
    const reply = await claim.submit({ postId: post.id });
    if (reply?.ok) {
      toastResult({ ok: true, text: '认领成功' });
      onChanged(reply.data.post);
    }
  }
  async function onDuty() {
    if (post.openShiftId) {
      const reply = await checkOut.submit({ postId: post.id });
      if (!reply?.ok) return;
      const { shift } = reply.data;
      toastResult({ ok: true, text: `已签退，记 ${shift.points} 分` });
      onChanged(reply.data.post);
    } else {
      const reply = await checkIn.submit({ postId: post.id });
      if (!reply?.ok) return;
      toastResult({ ok: true, text: '已签到，值班结束记得签退' });
      onChanged(reply.data.post);
    }
  }
  async function onLeave() {
    const sure = await Taro.showModal({ title: '退出岗位', content: `确定退出「${post.title}」吗？名额会让给其他人。`, confirmText: '退出' });
    if (!sure.confirm) return;
    const reply = await leave.submit({ postId: post.id });
    if (reply?.ok) {
      toastResult({ ok: true, text: '已退出岗位' });
      onLeft(reply.data.post);
    }
  }
  const openShifts = () => void Taro.navigateTo({ url: `/package-posts/shifts/index?postId=${post.id}` });

  return (
    <PostCard post={post}>
      {post.openShiftId && <Text className="post-card__duty">值班中</Text>}
      {failure && <Text className="banner-error">{failure.message}</Text>}
      {!post.held && post.status === 'open' && post.free > 0 && (
        <ActionButton size="inline" busy={claim.submitting} onClick={() => void onClaim()}>
          认领
        </ActionButton>
      )}
      {post.held && (
        <ActionButton
          size="inline"
          kind={post.openShiftId ? 'warn' : 'primary'}
          busy={checkIn.submitting || checkOut.submitting}
          onClick={() => void onDuty()}
        >
          {post.openShiftId ? '签退' : '签到'}
        </ActionButton>
      )}
      <ActionButton size="inline" kind="default" onClick={openShifts}>
        值班记录
      </ActionButton>
      {post.held && !post.openShiftId && (
        <ActionButton size="inline" kind="default" busy={leave.submitting} onClick={() => void onLeave()}>
          退出岗位
        </ActionButton>
      )}
    </PostCard>
  );
}

export default PostListPage;
