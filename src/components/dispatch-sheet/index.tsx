import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { usePagedList } from '../../hooks/use-paged-list';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import type { Output } from '../../shared/contract';
import type { WishView } from '../../shared/contract/wish';
import { afterFailure } from '../../utils/action-hints';
import { ActionButton } from '../action-button';
import { BottomSheet } from '../bottom-sheet';
import { PagedListView } from '../paged-list';
import { Empty } from '../state-view';
import './index.scss';

type Member = Output<'user.listMembers'>['items'][number];

interface Props {
  wish: WishView;
  /** Dispatched: the wish as the reply tells it, so the caller shows it without reading it again. */
  onDone: (text: string, wish: WishView) => void;
  /** The wish was taken meanwhile: the caller shows its current state and says why. */
  onStale: (failure: { code: string; message: string }) => void;
  onClose: () => void;
}

/** What a member offers to do; a skill named like the wish's category stands out. */
function MemberSkills({ skills, wanted }: { skills: string[]; wanted: string }) {
  if (skills.length === 0) return <Text className="dispatch__no-skills">未填写特长</Text>;
  return (
    <View className="dispatch__skills">
      {skills.map((s) => (
        <Text key={s} className={`tag dispatch__skill${s === wanted ? ' is-match' : ''}`}>
          {s}
        </Text>
      ))}
    </View>
  );
}

/** 派单: pick a party member / volunteer of the community, seeing what each offers to do and how many tasks they already carry. */
export function DispatchSheet({ wish, onDone, onStale, onClose }: Props) {
  const members = usePagedList((offset) => call('user.listMembers', { offset, limit: 20 }), 'members');
  const dispatch = useSubmit('wish.dispatch');
  const [picked, setPicked] = useState<Member | null>(null);
  const failure = dispatch.failure;

  async function onConfirm() {
    if (!picked) return;
    const reply = await dispatch.submit({ wishId: wish.id, memberId: picked.id });
    if (reply?.ok) onDone(`已派给${picked.name}`, reply.data.wish);
    else if (reply && afterFailure(reply.code).refresh) onStale(reply);
  }

  return (
    <BottomSheet
      title="派单"
      hint={`把「${wish.title}」派给一位党员/志愿者，对方会收到通知。可参考每人的特长和进行中的任务数。`}
      onClose={onClose}
      footer={
        <>
          {failure && (
            <Text className="dispatch__error">
              {failure.message} {afterFailure(failure.code).hint ?? ''}
            </Text>
          )}
          <ActionButton disabled={!picked} busy={dispatch.submitting} onClick={onConfirm}>
            {picked ? `派给 ${picked.name}` : '请选择一位党员/志愿者'}
          </ActionButton>
        </>
      }
    >
      <PagedListView
        list={members}
        keyOf={(m) => m.id}
        render={(m) => (
          <View className={`cell dispatch__member${picked?.id === m.id ? ' is-picked' : ''}`} data-member={m.name} onClick={() => setPicked(m)}>
            <View className="cell__body">
              <View className="dispatch__who">
                <Text className="dispatch__name">{m.name}</Text>
                {m.gridName && <Text className="tag">{m.gridName}</Text>}
              </View>
              <MemberSkills skills={m.skills} wanted={wish.categoryName} />
            </View>
            <Text className={`dispatch__load${m.activeTasks === 0 ? ' is-free' : ''}`}>
              {m.activeTasks === 0 ? '暂无任务' : `进行中 ${m.activeTasks} 个`}
            </Text>
            <Text className="dispatch__check">{picked?.id === m.id ? '✓' : ''}</Text>
          </View>
        )}
        empty={<Empty title="本社区还没有党员/志愿者" hint="党员到社区报到后会出现在这里。" />}
      />
    </BottomSheet>
  );
}
