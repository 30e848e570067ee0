import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { NoticeBanner } from '../../components/notice-banner';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useMe } from '../../hooks/use-me';
import { useSubmit } from '../../hooks/use-submit';
import { WELCOME } from '../../services/guest';
import { forget } from '../../services/session-cache';
import { PlacePicker, type Place } from '../join/place-picker';
import { StatusCard, type JoinApplication } from '../join/status-card';
import '../join/index.scss';
import './index.scss';

/** 我的登记信息: correct one's name, 单元, room and phone at once; a new building is reviewed; or leave the community. */
function ProfilePage() {
  const me = useMe();
  const save = useSubmit('user.updateProfile');
  const leave = useSubmit('user.leave');
  const [fields, setFields] = useState({ name: '', unit: '', room: '', phone: '' });
  const [moving, setMoving] = useState(false);
  const [place, setPlace] = useState<Place | null>(null);
  const [moved, setMoved] = useState<JoinApplication | null>(null);

  if (!me.data)
    return <PageShell className="join">{me.state === 'error' ? <ErrorView error={me.error} onRetry={me.reload} /> : <Loading />}</PageShell>;
  const current = me.data;
  const changed = Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );
  const ready = Object.keys(changed).length > 0 || (moving && place !== null);

  async function onSave() {
    const reply = await save.submit({ ...changed, ...(moving && place ? { buildingId: place.buildingId } : {}) });
    if (!reply?.ok) return;
    forget('user.me');
    me.update(() => reply.data.me);
    setFields({ name: '', unit: '', room: '', phone: '' });
    setMoving(false);
    setMoved(reply.data.application);
    void Taro.showToast({ title: reply.data.application ? '已提交搬迁申请' : '已保存', icon: 'success' });
    // What was saved (and any move waiting for review) is shown at the top.
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }

  async function onLeave() {
    const { confirm } = await Taro.showModal({
      title: '退出社区？',
      content: '退出后不能再发心愿、反映问题；积分记录按规定保留。可以随时重新加入。',
    });
    if (!confirm) return;
    const reply = await leave.submit({});
    if (!reply?.ok) return;
    forget();
    void Taro.reLaunch({ url: WELCOME });
  }

  const field = (label: string, key: keyof typeof fields, placeholder: string, max: number) => (
    <FormField label={label} error={save.fieldErrors[key]}>
      <Input
        className={`join-input profile__${key}`}
        value={fields[key]}
        maxlength={max}
        placeholder={placeholder}
        placeholderClass="input-placeholder"
        onInput={(e) => setFields((f) => ({ ...f, [key]: e.detail.value }))}
      />
    </FormField>
  );

  return (
    <PageShell className="join profile">
      <View className="card profile__now">
        <Text className="profile__name">{current.name}</Text>
        <Text className="profile__line">{[current.communityName, current.gridName, current.buildingName].filter(Boolean).join(' · ')}</Text>
        <Text className="profile__line">手机 {current.phone || '未登记'}</Text>
      </View>
      {moved && <StatusCard app={moved} />}
      <NoticeBanner failure={save.failure ?? leave.failure} />
      <Text className="section-title">要修改的内容（不改的不用填）</Text>
      {field('姓名', 'name', current.name, 20)}
      {field('单元', 'unit', '例如：3', 10)}
      {field('门牌号', 'room', '例如：502', 10)}
      {field('手机号', 'phone', '11 位手机号', 11)}
      <Text className="profile__move" onClick={() => setMoving(!moving)}>
        {moving ? '不搬了' : '搬到了另一栋楼？'}
      </Text>
      {moving && (
        <>
          <Text className="profile__hint">换楼栋需要新楼栋所在网格的网格员审核，通过前仍按现在的楼栋登记。</Text>
          <PlacePicker onPicked={setPlace} />
        </>
      )}
      <View className="profile__actions">
        <ActionButton disabled={!ready} busy={save.submitting} onClick={() => void onSave()}>
          保存
        </ActionButton>
        <ActionButton kind="warn" busy={leave.submitting} onClick={() => void onLeave()}>
          退出社区
        </ActionButton>
      </View>
    </PageShell>
  );
}

export default ProfilePage;
