import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { PageShell } from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { forgetGuest } from '../../services/guest';
import { forget } from '../../services/session-cache';
import { FamilyJoinForm } from './family-join-form';
import { JoinForm } from './join-form';
import { PlacePicker, type Place } from './place-picker';
import { StatusCard } from './status-card';
import './index.scss';

/** A building code opens this page with `scene` = the building's id (H5: `?scene=`). */
function sceneOf(params: Record<string, string | undefined>): string | null {
  const raw = params.scene ? decodeURIComponent(params.scene) : '';
  return /^[\w-]{1,64}$/.test(raw) ? raw : null;
}

function Joined() {
  const goWall = () => void Taro.switchTab({ url: '/pages/wall/index' });
  return (
    <View className="card join-done">
      <Text className="join-done__title">你已加入社区</Text>
      <Text className="join-done__text">现在可以发心愿、反映问题、参加志愿服务攒积分了。</Text>
      <ActionButton onClick={() => void Taro.navigateTo({ url: '/pages/wish-new/index' })}>发一个心愿</ActionButton>
      <ActionButton kind="default" onClick={goWall}>
        去心愿墙看看
      </ActionButton>
    </View>
  );
}

/** 加入社区: the building from its code (or chosen by hand), the person's details, and then where it stands. */
function JoinPage() {
  const scene = sceneOf(useRouter().params);
  const status = useRemote((again) => call('user.joinStatus', {}, { fresh: again }));
  const coded = useRemote(() => call('user.joinPlaces', { buildingId: scene ?? '' }), scene);
  const [byHand, setByHand] = useState(false);
  const [picked, setPicked] = useState<Place | null>(null);
  const [familyCode, setFamilyCode] = useState('');
  const byFamily = familyCode.trim().length > 0;
  const joined = () => {
    forgetGuest();
    forget('user.me');
    // The form gives way to a short answer: show it from its top, not where the button was.
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };
  const place = !byHand && coded.data?.place ? coded.data.place : picked;

  if (!status.data) {
    return (
      <PageShell className="join">{status.state === 'error' ? <ErrorView error={status.error} onRetry={status.reload} /> : <Loading />}</PageShell>
    );
  }
  const { registered, application, privacyVersion, erasing } = status.data;
  const pending = application?.status === 'pending';
  if (erasing)
    return (
      <PageShell className="join">
        <View className="card join-erasing">
          <Text className="join-erasing__title">你的账号正在注销</Text>
          <Text className="join-erasing__text">以前的记录正在后台清除，通常几分钟内完成。完成后就可以重新加入，重新加入是一个新的账号。</Text>
        </View>
        <View className="join-erasing__actions">
          <ActionButton onClick={() => status.reload()}>再看一下</ActionButton>
        </View>
      </PageShell>
    );
  return (
    <PageShell className="join">
      {registered && <Joined />}
      {application && (registered ? application.kind === 'move' && pending : application.status !== 'approved') && <StatusCard app={application} />}
      {!registered && !pending && (
        <>
          <View className="card join-family">
            <Text className="join-family__label">有家庭邀请码？</Text>
            <Input
              className="join-input join-family__code"
              value={familyCode}
              maxlength={9}
              placeholder="家人发给你的 8 位邀请码（没有可不填）"
              placeholderClass="input-placeholder"
              onInput={(e) => setFamilyCode(e.detail.value.toUpperCase())}
            />
            {byFamily && <Text className="join-family__hint">填了邀请码，就会登记在邀请你的家人家里，不用选楼栋和门牌。</Text>}
          </View>
          {byFamily ? (
            <>
              <Text className="section-title">你的信息</Text>
              <FamilyJoinForm
                code={familyCode}
                privacyVersion={privacyVersion}
                onJoined={() => {
                  joined();
                  status.update((s) => ({ ...s, registered: true }));
                }}
              />
            </>
          ) : (
            <>
              <Text className="section-title">{application?.status === 'rejected' ? '核对后重新申请' : '你住在哪里'}</Text>
              {scene && !byHand && coded.state === 'loading' && <Loading text="正在读取楼栋码…" />}
              {scene && !byHand && coded.state === 'error' && (
                <Text className="banner-error">{`${coded.error?.message ?? '楼栋码无法识别'}。请手动选择社区和楼栋。`}</Text>
              )}
              {!byHand && coded.data?.place ? (
                <View className="card join-coded">
                  <Text className="join-coded__label">扫码带入</Text>
                  <Text className="join-coded__place">{`${coded.data.place.communityName} · ${coded.data.place.gridName} · ${coded.data.place.buildingName}`}</Text>
                  <Text className="join-coded__change" onClick={() => setByHand(true)}>
                    不是这栋？手动选择
                  </Text>
                </View>
              ) : (
                (!scene || byHand || coded.state === 'error') && <PlacePicker onPicked={setPicked} />
              )}
              <Text className="section-title">你的信息</Text>
              <JoinForm
                place={place}
                privacyVersion={privacyVersion}
                onJoined={(reply) => {
                  if (reply.status === 'verified') {
                    forgetGuest();
                    forget('user.me');
                  }
                  status.update((s) => ({ ...s, registered: reply.status === 'verified', application: reply.application ?? s.application }));
                  // The form gives way to a short answer: show it from its top, not where the button was.
                  void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
                }}
              />
            </>
          )}
        </>
      )}
    </PageShell>
  );
}

export default JoinPage;
