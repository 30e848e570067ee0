import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { barPadding } from '../../components/petition-bar';
import { PetitionLadder } from '../../components/petition-ladder';
import { PetitionBody, PetitionResult } from '../../components/petition-sections';
import { PetitionTimeline } from '../../components/petition-timeline';
import { DetailPending } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { usePetitionCategories } from '../../hooks/use-petition-categories';
import { usePetitionOutcome, type PetitionOutcome } from '../../hooks/use-petition-outcome';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { useServerClock } from '../../hooks/use-server-clock';
import { call } from '../../services/api';
import { afterPetitionStep } from '../../utils/step-replies';
import { levelLabels } from '../../shared/domain/petition-ladder';
import { actionsFor } from '../../utils/petition-actions';
import { ExtensionCard } from './extension';
import { supervisedStatuses, supervisorLevel } from '../../shared/domain/petition-supervision';
import { HandleBar } from './handle-bar';
import { SuperviseBar } from './supervise-bar';
import './index.scss';

/**
 * 办理诉求 (`?id=`): work notices link here. The case with the reporter's contacts, and the steps its current
 * holder may take: 受理/报到, 办结反馈, 吹哨, 召集部门, 三方议事, 复核, 不予受理; and 现场验证 for the grid worker
 * (or the community) while a resolution waits to be verified.
 */
function HandlePage() {
  const id = useRouter().params.id ?? '';
  const detail = useRemote(() => call('petition.get', { petitionId: id }), id);
  const me = useMe();
  const categories = usePetitionCategories();
  // A step's reply is the case as it is now: shown as it is, not read again.
  const outcome: PetitionOutcome = usePetitionOutcome(detail.reload, ({ data, event, note }) =>
    detail.update(({ petition }) => ({ petition: afterPetitionStep(petition, data.petition, event, me.data?.name ?? '', note, data.lines) })),
  );
  const now = useServerClock(detail.data?.petition.serverTime);
  usePullRefresh(() => Promise.all([detail.reload(), me.reload()]));
  useReloadOnShow(detail.reload);

  const p = detail.data?.petition;
  if (!p || !me.data || now === null) {
    return (
      <PageShell className="handle">
        <DetailPending
          loads={[detail, me]}
          id={id}
          notFoundCode="PETITION_NOT_FOUND"
          notFound={{
            title: '没有找到这条诉求',
            hint: '它可能不在你负责的范围内。',
            action:
              me.data && supervisorLevel(me.data)
                ? { text: '回到督办台', onClick: () => void Taro.redirectTo({ url: '/package-petition/supervise/index' }) }
                : { text: '回到待办', onClick: () => void Taro.redirectTo({ url: '/package-petition/queue/index' }) },
          }}
        />
      </PageShell>
    );
  }

  const category = categories.data?.categories.find((c) => c.id === p.categoryId);
  const actions = actionsFor(p, me.data, category?.council ?? false);
  const onSite = p.verifies === 'site';
  // A 督办员 who does not hold the case supervises it (the server checks their area): cards and orders.
  const supervises =
    actions.length === 0 && !onSite && supervisorLevel(me.data) !== null && !p.mine && (supervisedStatuses as readonly string[]).includes(p.status);
  const hasBar = actions.length > 0 || supervises || outcome.notice !== null || onSite;
  return (
    <PageShell className={`handle${hasBar ? ` ${barPadding}` : ''}`}>
      {onSite && (
        <View className="handle__elsewhere">
          <Text>
            {levelLabels[p.level]}（{p.holder.unitName}）已办结，请到现场查看，拍照并提交验证结果。
          </Text>
        </View>
      )}
      {p.status === 'verifying' && !onSite && (
        <View className="handle__elsewhere">
          <Text>已办结，等待网格员现场验证或居民确认办理结果，你可以查看进展。</Text>
        </View>
      )}
      {actions.length === 0 && !onSite && p.status !== 'closed' && p.status !== 'verifying' && (
        <View className="handle__elsewhere">
          <Text>
            这条诉求当前在{levelLabels[p.level]}（{p.holder.unitName}）办理，
            {p.decidesExtension
              ? `${levelLabels[p.level]}申请了延期，请在下方审批。`
              : supervises
                ? '你可以亮牌督办、责令上报或改派。'
                : '你可以查看进展。'}
          </Text>
        </View>
      )}
      {p.heldForReview && <Text className="handle__flag">内容安全检测建议人工复核，请核实文字和图片</Text>}
      <PetitionLadder petition={p} now={now} />
      <ExtensionCard petition={p} outcome={outcome} now={now} />
      <PetitionBody petition={p} now={now} />
      <PetitionResult petition={p} now={now} />
      <PetitionTimeline petition={p} now={now} />
      {supervises ? (
        <SuperviseBar petition={p} outcome={outcome} />
      ) : (
        <HandleBar petition={p} outcome={outcome} actions={actions} departments={categories.data?.departments ?? []} />
      )}
    </PageShell>
  );
}

export default HandlePage;
