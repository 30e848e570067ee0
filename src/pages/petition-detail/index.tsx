import { Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { PageShell } from '../../components/page-shell';
import { BarItem, barPadding, PetitionBar } from '../../components/petition-bar';
import { handleUrl } from '../../components/petition-card';
import { PetitionLadder } from '../../components/petition-ladder';
import { PetitionBody, PetitionResult } from '../../components/petition-sections';
import { PetitionTimeline } from '../../components/petition-timeline';
import { ConfirmCard, VerifySheet } from '../../components/petition-verify';
import { DetailPending } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { usePetitionCategories } from '../../hooks/use-petition-categories';
import { usePetitionOutcome, type PetitionOutcome } from '../../hooks/use-petition-outcome';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { useServerClock } from '../../hooks/use-server-clock';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { afterPetitionStep } from '../../utils/step-replies';
import { actionsFor, mayCosign, mayRate } from '../../utils/petition-actions';
import { RateSheet } from './rate-sheet';
import './index.scss';

/**
 * 诉求详情 (`?id=`): progress notices link here. The ladder with where the case stands and the countdowns,
 * what was done, every step; the reporter urges (催办, once a day), confirms the result (待验证) and rates, a neighbour
 * backs it (我也遇到), a handler goes to handle it, the grid worker verifies it on site.
 */
function PetitionDetailPage() {
  const id = useRouter().params.id ?? '';
  const detail = useRemote(() => call('petition.get', { petitionId: id }), id);
  const me = useMe();
  const categories = usePetitionCategories();
  // A step's reply is the case as it is now: shown as it is, not read again.
  const outcome: PetitionOutcome = usePetitionOutcome(detail.reload, ({ data, event, note }) =>
    detail.update(({ petition }) => ({ petition: afterPetitionStep(petition, data.petition, event, me.data?.name ?? '', note, data.lines) })),
  );
  const cosign = useSubmit('petition.cosign');
  const urge = useSubmit('petition.urge');
  const [rating, setRating] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const now = useServerClock(detail.data?.petition.serverTime);
  usePullRefresh(() => Promise.all([detail.reload(), me.reload()]));
  useReloadOnShow(detail.reload);

  const p = detail.data?.petition;
  if (!p || !me.data || now === null) {
    return (
      <PageShell className="petition-detail">
        <DetailPending
          loads={[detail, me]}
          id={id}
          notFoundCode="PETITION_NOT_FOUND"
          notFound={{
            title: '没有找到这条诉求',
            hint: '它可能不在你所在的社区，或已不公开。',
            action: { text: '看看我的诉求', onClick: () => void Taro.redirectTo({ url: '/pages/petition-mine/index' }) },
          }}
        />
      </PageShell>
    );
  }

  const roles = me.data.roles;
  const council = categories.data?.categories.find((c) => c.id === p.categoryId)?.council ?? false;
  const handles = actionsFor(p, me.data, council).length > 0;
  const canRate = mayRate(p, roles, now);
  const canCosign = mayCosign(p, roles);
  const onSite = p.verifies === 'site';
  const hasBar = outcome.notice !== null || handles || canRate || canCosign || p.urge !== null || onSite;
  return (
    <PageShell className={`petition-detail${hasBar ? ` ${barPadding}` : ''}`}>
      <PetitionLadder petition={p} now={now} />
      <PetitionBody petition={p} now={now} />
      <PetitionResult petition={p} now={now} />
      {(p.verifies === 'reporter' || p.verifies === 'proxy') && <ConfirmCard petition={p} outcome={outcome} />}
      <PetitionTimeline petition={p} now={now} />
      <PetitionBar notice={outcome.notice}>
        {canCosign && (
          <BarItem name="cosign">
            <ActionButton busy={cosign.submitting} onClick={async () => outcome.settle(await cosign.submit({ petitionId: p.id }), '已附议', null)}>
              我也遇到
            </ActionButton>
          </BarItem>
        )}
        {p.urge !== null && (
          <BarItem name="urge">
            {p.urge === 'done' ? (
              <Text className="petition-detail__urged">今天已催办（共 {p.urgeCount} 次），办理人已收到提醒，明天可再催。</Text>
            ) : (
              <ActionButton
                kind="default"
                busy={urge.submitting}
                onClick={async () =>
                  outcome.settle(await urge.submit({ petitionId: p.id }), '已催办，办理人会收到提醒', 'urge', `第 ${p.urgeCount + 1} 次催办`)
                }
              >
                催办
              </ActionButton>
            )}
          </BarItem>
        )}
        {canRate && (
          <BarItem name="rate">
            <ActionButton onClick={() => setRating(true)}>评价办理结果</ActionButton>
          </BarItem>
        )}
        {onSite && (
          <BarItem name="verify">
            <ActionButton onClick={() => setVerifying(true)}>现场验证</ActionButton>
          </BarItem>
        )}
        {handles && (
          <BarItem name="handle">
            <ActionButton onClick={() => void Taro.navigateTo({ url: handleUrl(p.id) })}>去办理</ActionButton>
          </BarItem>
        )}
      </PetitionBar>
      {verifying && <VerifySheet petition={p} outcome={outcome} onClose={() => setVerifying(false)} />}
      {rating && <RateSheet petitionId={p.id} reopens={p.reopens} outcome={outcome} onClose={() => setRating(false)} />}
    </PageShell>
  );
}

export default PetitionDetailPage;
