import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { InputField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { PagedListView } from '../../components/paged-list';
import { ReasonSheet } from '../../components/reason-sheet';
import { SheetError, SheetForm } from '../../components/sheet-form';
import { Empty } from '../../components/state-view';
import { Tabs } from '../../components/tabs';
import { usePagedList } from '../../hooks/use-paged-list';
import { usePullRefresh } from '../../hooks/use-pull-refresh';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { MemberItem, UnitItem, type MemberReport, type UnitReport } from './items';
import { UnitProjects } from './unit-projects';
import '../parts/index.scss';

type Kind = 'member' | 'unit';
type Status = 'pending' | 'approved' | 'rejected';

const empties: Record<Status, { title: string; hint: string }> = {
  pending: { title: '没有待审核的报到', hint: '党员或共建单位在小程序里报到后会出现在这里。' },
  approved: { title: '还没有通过的报到', hint: '通过的报到会留在这里；共建单位可在这里做年度考评。' },
  rejected: { title: '还没有驳回的报到', hint: '驳回的报到和原因会留在这里备查。' },
};
const thisYear = () => new Date().getFullYear();

/** 报到审核 (community staff): party members' and units' reports — approve, reject with a reason, evaluate units yearly. */
function ReportReviewPage() {
  const [kind, setKind] = useState<Kind>('member');
  const [status, setStatus] = useState<Status>('pending');
  const members = usePagedList((offset) => call('member.list', { status, offset, limit: 10 }), kind === 'member' ? status : null);
  const units = usePagedList((offset) => call('unit.list', { status, offset, limit: 10 }), kind === 'unit' ? status : null);
  usePullRefresh(kind === 'member' ? members.reload : units.reload);
  const reviewMember = useSubmit('member.reviewReport');
  const reviewUnit = useSubmit('unit.review');
  const evaluate = useSubmit('unit.evaluate');
  const [acting, setActing] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<{ kind: Kind; id: string; name: string } | null>(null);
  const [evaluating, setEvaluating] = useState<UnitReport | null>(null);
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');

  async function decideMember(r: MemberReport, approve: boolean, reason?: string) {
    setActing(r.id);
    const reply = await reviewMember.submit({ reportId: r.id, approve, ...(reason ? { reason } : {}) });
    setActing(null);
    if (reply?.ok) {
      setRejecting(null);
      members.edit((item) => (item.id === r.id ? null : item));
    } else if (reply?.code === 'REPORT_DECIDED') void members.reload();
  }

  async function decideUnit(u: Pick<UnitReport, 'id'>, approve: boolean, reason?: string) {
    setActing(u.id);
    const reply = await reviewUnit.submit({ unitId: u.id, approve, ...(reason ? { reason } : {}) });
    setActing(null);
    if (reply?.ok) {
      setRejecting(null);
      units.edit((item) => (item.id === u.id ? null : item));
    } else if (reply?.code === 'REPORT_DECIDED') void units.reload();
  }

  async function sendEvaluation() {
    if (!evaluating) return;
    const reply = await evaluate.submit({ unitId: evaluating.id, year: thisYear(), score: Number(score), comment: comment.trim() });
    if (reply?.ok) {
      const changed = reply.data.unit;
      units.edit((item) => (item.id === changed.id ? changed : item));
      setEvaluating(null);
    }
  }

  const failure = reviewMember.failure ?? reviewUnit.failure;
  const scoreOk = /^\d{1,3}$/.test(score) && Number(score) <= 100;
  return (
    <PageShell className="report-review">
      <Tabs
        tabs={[
          { value: 'member', label: '党员报到' },
          { value: 'unit', label: '共建单位' },
        ]}
        value={kind}
        onChange={setKind}
      />
      <Tabs
        tabs={[
          { value: 'pending', label: '待审核' },
          { value: 'approved', label: '已通过' },
          { value: 'rejected', label: '已驳回' },
        ]}
        value={status}
        onChange={setStatus}
      />
      {!rejecting && <NoticeBanner failure={failure} />}
      {kind === 'member' ? (
        <PagedListView
          list={members}
          keyOf={(r) => r.id}
          render={(r) => (
            <MemberItem
              report={r}
              busy={acting === r.id}
              onApprove={() => void decideMember(r, true)}
              onReject={() => setRejecting({ kind: 'member', id: r.id, name: r.name })}
            />
          )}
          empty={<Empty {...empties[status]} />}
        />
      ) : (
        <PagedListView
          list={units}
          keyOf={(u) => u.id}
          render={(u) => (
            <UnitItem
              unit={u}
              year={thisYear()}
              busy={acting === u.id}
              onApprove={() => void decideUnit(u, true)}
              onReject={() => setRejecting({ kind: 'unit', id: u.id, name: u.name })}
              onEvaluate={() => {
                setScore('');
                setComment('');
                setEvaluating(u);
              }}
            />
          )}
          empty={<Empty {...empties[status]} />}
        />
      )}
      {rejecting && (
        <ReasonSheet
          title={`驳回 ${rejecting.name} 的报到`}
          hint="报到人会在报到页面看到原因，请写清楚怎么改。"
          placeholder="例如：请补充单位党组织的全称"
          required
          submitText="驳回报到"
          kind="warn"
          busy={reviewMember.submitting || reviewUnit.submitting}
          error={failure?.message ?? null}
          onSubmit={(reason) =>
            void (rejecting.kind === 'member'
              ? decideMember({ id: rejecting.id } as MemberReport, false, reason)
              : decideUnit({ id: rejecting.id }, false, reason))
          }
          onClose={() => setRejecting(null)}
        />
      )}
      {evaluating && (
        <BottomSheet
          title={`${thisYear()} 年考评：${evaluating.name}`}
          hint="每个单位每年考评一次，提交后街道可以看到。"
          onClose={() => setEvaluating(null)}
          footer={
            <ActionButton disabled={!scoreOk || !comment.trim()} busy={evaluate.submitting} onClick={() => void sendEvaluation()}>
              提交考评
            </ActionButton>
          }
        >
          <SheetForm>
            <UnitProjects unitId={evaluating.id} />
            <InputField label="得分（0–100）" type="number" value={score} onChange={setScore} placeholder="例如：90" maxlength={3} />
            <InputField label="评语" value={comment} onChange={setComment} placeholder="例如：场地开放及时，志愿者积极" maxlength={200} />
            <SheetError text={evaluate.failure?.message} />
          </SheetForm>
        </BottomSheet>
      )}
    </PageShell>
  );
}

export default ReportReviewPage;
