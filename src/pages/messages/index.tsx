import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { setUnread, useUnread } from '../../hooks/use-unread';
import { call } from '../../services/api';
import { askWorkNotices, workConsentMode } from '../../services/consent';
import { newRequestId } from '../../services/request-id';
import type { MessageView } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';
import './index.scss';

/**
 * 消息: what the app told the person — new work for staff and grid workers, progress of their own wishes and
 * cases, the weekly 周反馈 — whether or not they allowed WeChat notices. Unread ones carry a dot; a tap marks
 * it read and opens the case; 全部已读 clears them all.
 */
function MessagesPage() {
  const unread = useUnread();
  const list = usePagedList(async (offset) => {
    const reply = await call('notify.messages', { offset, limit: 20 });
    if (reply.ok && reply.data.unread !== null) setUnread(reply.data.unread);
    return reply;
  }, '');
  usePullRefresh(list.reload);
  useReloadOnShow(list.reload);
  const [clearing, setClearing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const opening = useRef(false);
  const roles = useMe().data?.roles ?? [];
  const works = roles.some((r) => r === 'grid_worker' || r === 'staff' || r.endsWith('_staff'));
  const [workAnswer, setWorkAnswer] = useState<string | null>(null);

  /** On the tap (WeChat asks only then): consent to the work notices, long-term where the account allows it. */
  function askWork() {
    const once = workConsentMode() === 'once';
    void askWorkNotices(roles).then((n) =>
      setWorkAnswer(n === 0 ? '没有开启，可以再点一次' : once ? `已开启，下一条待办会提醒你（${n} 类）` : `已开启 ${n} 类待办提醒，长期有效`),
    );
  }

  /** Marks it read (one call, only if unread; the reply says how many are left) and opens the case. */
  function open(m: MessageView) {
    if (opening.current) return;
    opening.current = true;
    if (!m.read) {
      list.edit((x) => (x.id === m.id ? { ...x, read: true } : x));
      void call('notify.read', { id: m.id }, { requestId: newRequestId() }).then((reply) => {
        if (reply.ok) setUnread(reply.data.unread);
      });
    }
    void Taro.navigateTo({ url: m.page }).finally(() => {
      opening.current = false;
    });
  }

  async function readAll() {
    if (clearing) return;
    setClearing(true);
    setFailure(null);
    const reply = await call('notify.read', {}, { requestId: newRequestId() });
    setClearing(false);
    if (reply.ok) {
      setUnread(reply.data.unread);
      list.edit((x) => ({ ...x, read: true }));
    } else setFailure(`${reply.message}，请稍后再试`);
  }

  return (
    <PageShell className="messages">
      {list.items.length > 0 && (
        <View className="messages__bar">
          <Text className="messages__count">{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
          {unread > 0 && (
            <Button className="btn btn--default btn--small" loading={clearing} disabled={clearing} onClick={() => void readAll()}>
              全部已读
            </Button>
          )}
        </View>
      )}
      {failure && <Text className="messages__failure">{failure}</Text>}
      {works && (
        <View className="messages__work">
          <View className="messages__work-text">
            <Text className="messages__work-title">微信提醒新的待办</Text>
            <Text className="messages__work-note">
              {workAnswer ??
                (workConsentMode() === 'once' ? '每次开启可提醒一条；不开启也都会在这里看到' : '开启一次长期有效；不开启也都会在这里看到')}
            </Text>
          </View>
          <Button className="btn btn--default btn--small" onClick={askWork}>
            开启
          </Button>
        </View>
      )}
      <PagedListView
        list={list}
        keyOf={(m) => m.id}
        render={(m) => (
          <View className={`messages__item${m.read ? '' : ' is-unread'}`} onClick={() => open(m)}>
            <View className="messages__head">
              {!m.read && <View className="messages__dot" />}
              <Text className="messages__title">{m.title}</Text>
              <Text className="messages__time">{formatDateTime(m.createdAt)}</Text>
            </View>
            <Text className="messages__body">{m.body}</Text>
            <Text className="messages__go">查看详情 ›</Text>
          </View>
        )}
        empty={<Empty title="还没有消息" hint="心愿和诉求有了进展、有新的事要你处理时，会在这里告诉你。" />}
      />
    </PageShell>
  );
}

export default MessagesPage;
