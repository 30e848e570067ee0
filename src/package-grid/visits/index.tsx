import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { Empty } from '../../components/state-view';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { VisitItem, type DueVisit } from './visit-item';
import { VisitSheet } from './visit-sheet';
import './index.scss';

/**
 * 发现问题: the wish or petition form, filing for the visited person (代办), them preselected — by their roster key,
 * or by their account when the home knows them only as a registered resident (a wish or case of their own).
 */
function fileFor(v: DueVisit, kind: 'wish' | 'petition') {
  const who = v.rosterKey ? `rosterKey=${encodeURIComponent(v.rosterKey)}` : v.residentId ? `residentId=${encodeURIComponent(v.residentId)}` : null;
  if (!who) return;
  const q = `${who}&name=${encodeURIComponent(v.names[0] ?? '')}&place=${encodeURIComponent(`${v.buildingName} ${v.room}`)}`;
  void Taro.navigateTo({ url: `/pages/${kind === 'wish' ? 'wish-new' : 'petition-new'}/index?${q}` });
}

/**
 * 今日走访: the grid worker's homes due or overdue today (连心户 weekly, 关心户 monthly, 放心户 quarterly by default,
 * and homes a 助老/就医 wish or a hardship case asks a visit for), most overdue first. A logged visit takes the home
 * off the list; what was found becomes a wish or petition filed for the resident.
 */
function VisitsPage() {
  const list = usePagedList((offset) => call('care.dueVisits', { offset, limit: 15 }), 'due');
  usePullRefresh(list.reload);
  const log = useSubmit('care.logVisit');
  const [visiting, setVisiting] = useState<DueVisit | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function save(v: DueVisit, note: string, photos: string[]) {
    const reply = await log.submit({ householdId: v.id, note, photos });
    if (!reply?.ok) return;
    setVisiting(null);
    setDone(
      `已记录 ${v.names[0] ?? ''}家的走访，下次走访：${reply.data.household.dueAt ? new Date(reply.data.household.dueAt).toLocaleDateString('zh-CN') : '按需'}`,
    );
    // Visited: the home leaves today's round (its next visit is on a later day).
    list.edit((item) => (item.id === v.id ? null : item));
  }

  return (
    <PageShell className="visits">
      <View className="visits__intro">
        <Text className="visits__title">今天要走访的住户</Text>
        <Text className="visits__hint">红色连心户每周、黄色关心户每月、绿色放心户每季度走访；心愿、诉求需要回访的也在这里。</Text>
      </View>
      {done && <Text className="visits__done">{done}</Text>}
      {!visiting && <NoticeBanner failure={log.failure} />}
      <PagedListView
        list={list}
        keyOf={(v) => v.id}
        render={(v) => (
          <VisitItem
            visit={v}
            onOpen={() => void Taro.navigateTo({ url: `/package-grid/household/index?householdId=${v.id}` })}
            onLog={() => setVisiting(v)}
            onProblem={(kind) => fileFor(v, kind)}
          />
        )}
        empty={<Empty title="今天没有要走访的住户" hint="在人口台账里给住户标记红黄蓝等级后，到期的走访会出现在这里。" />}
      />
      {visiting && (
        <VisitSheet
          visit={visiting}
          busy={log.submitting}
          error={log.failure?.message ?? null}
          onSubmit={(note, photos) => void save(visiting, note, photos)}
          onClose={() => setVisiting(null)}
        />
      )}
    </PageShell>
  );
}

export default VisitsPage;
