import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { InputField } from '../../components/form-field';
import { FormField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import { forget } from '../../services/session-cache';
import { memberCategories, type Output } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';
import '../parts/index.scss';

type Report = NonNullable<Output<'member.mine'>['report']>;
type Category = (typeof memberCategories)[number];

const statusText: Record<Report['status'], string> = { pending: '审核中', approved: '已通过', rejected: '未通过' };
const categories = memberCategories.map((c) => ({ value: c, label: `${c}党员` }));

function ReportCard({ report }: { report: Report }) {
  return (
    <View className={`card report-card is-${report.status}`}>
      <View className="report-card__head">
        <Text className="report-card__name">{report.category}党员报到</Text>
        <Text className="tag report-card__status">{statusText[report.status]}</Text>
      </View>
      <Text className="report-card__line">单位党组织：{report.partyOrg}</Text>
      {report.skills.length > 0 && <Text className="report-card__line">技能：{report.skills.join('、')}</Text>}
      <Text className="report-card__line">空闲时间：{report.freeTimes}</Text>
      <Text className="report-card__line">提交于 {formatDateTime(report.createdAt)}</Text>
      {report.status === 'pending' && <Text className="report-card__line">社区工作人员审核后，你就可以认领心愿和服务岗位了。</Text>}
      {report.status === 'approved' && <Text className="report-card__line">你已是本社区的党员志愿者，可以在“我的”里认领心愿和岗位。</Text>}
      {report.reason && <Text className="report-card__reason">原因：{report.reason}</Text>}
    </View>
  );
}

/** The form: a second report while one waits replaces the waiting one (the server keeps one per person). */
function ReportForm({ report, onDone }: { report: Report | null; onDone: (r: Report) => void }) {
  const send = useSubmit('member.report');
  const [category, setCategory] = useState<Category | ''>(report?.category ?? '');
  const [partyOrg, setPartyOrg] = useState(report?.partyOrg ?? '');
  const [skills, setSkills] = useState(report?.skills.join('、') ?? '');
  const [freeTimes, setFreeTimes] = useState(report?.freeTimes ?? '');
  const errors = send.fieldErrors;
  const ready = category && partyOrg.trim() && freeTimes.trim();

  async function onSubmit() {
    if (!category) return;
    const list = skills
      .split(/[、，,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const reply = await send.submit({ category, partyOrg: partyOrg.trim(), skills: list, freeTimes: freeTimes.trim() });
    if (reply?.ok) {
      forget('user.me');
      onDone(reply.data.report);
    }
  }

  return (
    <>
      <NoticeBanner failure={send.failure} />
      <FormField label="党员类别" error={errors.category}>
        <ChoiceChips choices={categories} value={category} onChange={setCategory} />
      </FormField>
      <InputField
        label="单位党组织"
        error={errors.partyOrg}
        value={partyOrg}
        onChange={setPartyOrg}
        placeholder="例如：区实验小学党支部"
        maxlength={50}
      />
      <InputField
        label="技能特长（可不填）"
        error={errors.skills}
        hint="多项用顿号隔开，派心愿时会参考"
        value={skills}
        onChange={setSkills}
        placeholder="例如：修水电、辅导功课"
        maxlength={100}
      />
      <InputField
        label="空闲时间"
        error={errors.freeTimes}
        value={freeTimes}
        onChange={setFreeTimes}
        placeholder="例如：周末全天、工作日晚上"
        maxlength={50}
      />
      <View className="report-actions">
        <ActionButton disabled={!ready} busy={send.submitting} onClick={onSubmit}>
          {report?.status === 'pending' ? '修改报到信息' : '提交报到'}
        </ActionButton>
      </View>
    </>
  );
}

/** 党员报到: a resident who is a party member reports to the community; afterwards the page shows where it stands. */
function MemberReportPage() {
  const mine = useRemote(() => call('member.mine', {}));
  const [editing, setEditing] = useState(false);
  if (!mine.data) {
    return <PageShell className="report">{mine.state === 'error' ? <ErrorView error={mine.error} onRetry={mine.reload} /> : <Loading />}</PageShell>;
  }
  const { report } = mine.data;
  const canEdit = !report || report.status === 'rejected' || (report.status === 'pending' && editing);
  return (
    <PageShell className="report">
      <Text className="report-intro">在职、离退休和流动党员到居住地社区报到，参加志愿服务、认领服务岗位，社区审核后即成为党员志愿者。</Text>
      {report && <ReportCard report={report} />}
      {canEdit ? (
        <>
          {report && <Text className="section-title">{report.status === 'rejected' ? '修改后重新报到' : '修改报到信息'}</Text>}
          <ReportForm
            report={report}
            onDone={(r) => {
              setEditing(false);
              mine.update(() => ({ report: r }));
            }}
          />
        </>
      ) : (
        report?.status === 'pending' && (
          <View className="report-actions">
            <ActionButton kind="default" onClick={() => setEditing(true)}>
              修改报到信息
            </ActionButton>
          </View>
        )
      )}
    </PageShell>
  );
}

export default MemberReportPage;
