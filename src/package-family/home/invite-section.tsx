import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { useSubmit } from '../../hooks/use-submit';
import { call } from '../../services/api';
import type { FamilyCodeView } from '../../shared/contract';
import { formatDateTime } from '../../utils/date-time';

/** ABCD EFGH: two groups of four, easier to read aloud over the phone. */
const spaced = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/**
 * 邀请家人: a resident makes a family code for their home (24 h, a few uses); the family type it on the join page
 * and land in this home at once. The codes still live, each copyable and revocable, and the people of the home.
 */
export function InviteSection() {
  const codes = useRemote(() => call('family.codes', {}));
  const members = useRemote(() => call('family.members', {}));
  const invite = useSubmit('family.invite');
  const revoke = useSubmit('family.revoke');
  const [ending, setEnding] = useState<string | null>(null);

  async function make() {
    const reply = await invite.submit({});
    if (!reply) return;
    if (!reply.ok) return void Taro.showToast({ title: reply.message, icon: 'none' });
    codes.update(() => ({ codes: reply.data.codes }));
  }

  async function end(code: string) {
    const ok = await Taro.showModal({ title: '作废这个邀请码？', content: '作废后家人不能再用它加入。', confirmText: '作废' });
    if (!ok.confirm) return;
    setEnding(code);
    const reply = await revoke.submit({ code });
    setEnding(null);
    if (!reply) return;
    if (!reply.ok) return void Taro.showToast({ title: reply.message, icon: 'none' });
    codes.update(() => ({ codes: reply.data.codes }));
    void Taro.showToast({ title: '已作废', icon: 'success' });
  }

  const copy = (code: string) => void Taro.setClipboardData({ data: code });

  if (!codes.data) {
    if (codes.state !== 'error') return <Loading />;
    // Without a home on record (or not a resident), there is nothing to invite to: a grid worker sees no section, a resident without a room is told to add it.
    const code = codes.error?.code;
    if (code === 'FORBIDDEN_ROLE' || code === 'NOT_REGISTERED') return null;
    if (code === 'FAMILY_NO_HOME')
      return (
        <View className="invite">
          <Text className="section-title">邀请家人</Text>
          <Text className="family__intro">{codes.error?.message}</Text>
        </View>
      );
    return <ErrorView error={codes.error!} onRetry={codes.reload} />;
  }
  const live = codes.data.codes;
  const card = (c: FamilyCodeView) => (
    <View key={c.code} className="card invite-code">
      <Text className="invite-code__code" userSelect>
        {spaced(c.code)}
      </Text>
      <Text className="invite-code__line">{`${formatDateTime(c.expiresAt)} 前有效 · 已用 ${c.uses}/${c.maxUses} 人`}</Text>
      <View className="invite-code__actions">
        <ActionButton size="inline" onClick={() => copy(c.code)}>
          复制邀请码
        </ActionButton>
        <ActionButton size="inline" kind="warn" busy={ending === c.code} onClick={() => void end(c.code)}>
          {ending === c.code ? '正在作废…' : '作废'}
        </ActionButton>
      </View>
    </View>
  );
  return (
    <View className="invite">
      <Text className="section-title">邀请家人</Text>
      <Text className="family__intro">
        家人还没加入社区？生成一个家庭邀请码发给他们，在“加入社区”页填写，即可登记在你家，无需网格员审核。邀请码 24 小时内有效，最多 6 人使用。
      </Text>
      {live.map(card)}
      <View className="invite__actions">
        <ActionButton busy={invite.submitting} onClick={() => void make()}>
          {invite.submitting ? '正在生成…' : live.length > 0 ? '再生成一个邀请码' : '生成邀请码'}
        </ActionButton>
      </View>
      <Text className="section-title">我家的成员</Text>
      {members.data ? (
        members.data.items.map((m) => (
          <View key={`${m.name}-${m.phone}`} className="card invite-member">
            <Text className="invite-member__name">{m.me ? `${m.name}（我）` : m.name}</Text>
            <Text className="invite-member__line">{[m.phone, m.invitedByName ? `${m.invitedByName} 邀请` : ''].filter(Boolean).join(' · ')}</Text>
          </View>
        ))
      ) : members.state === 'error' ? (
        <ErrorView error={members.error!} onRetry={members.reload} />
      ) : (
        <Loading />
      )}
    </View>
  );
}
